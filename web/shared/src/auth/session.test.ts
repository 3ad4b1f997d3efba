// The session against a stand-in for identity that rotates refresh tokens as identity does: each works once, and a
// second use closes the session (REFRESH_TOKEN_REUSED).
import { describe, expect, it, vi } from 'vitest';
import { AuthSession, type SessionStorage } from './session';
import { refreshWith } from '../client/createClient';
import { authFetch } from '../client/authFetch';

class MemoryStorage implements SessionStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

/** Identity's refreshToken mutation over HTTP, and a protected `me` that wants a current access token. */
class FakeIdentity {
  private serial = 0;
  private readonly live = new Set<string>();
  private readonly spent = new Set<string>();
  sessionClosed = false;
  refreshCalls = 0;
  validAccess = new Set<string>();

  issue(now: number, ttlMs = 15 * 60_000) {
    this.serial += 1;
    const tokens = { accessToken: `access-${this.serial}`, refreshToken: `refresh-${this.serial}`, expiresAt: new Date(now + ttlMs).toISOString() };
    this.live.add(tokens.refreshToken);
    this.validAccess.add(tokens.accessToken);
    return tokens;
  }

  readonly fetch: typeof fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: { input?: { refreshToken?: string } } };
    if (body.query.includes('refreshToken(')) {
      this.refreshCalls += 1;
      const used = body.variables?.input?.refreshToken ?? '';
      let payload;
      if (this.spent.has(used) || this.sessionClosed) {
        this.sessionClosed = true;
        payload = { accessToken: null, refreshToken: null, expiresAt: null, userErrors: [{ code: 'REFRESH_TOKEN_REUSED', field: ['input', 'refreshToken'], message: 'reused' }] };
      } else if (!this.live.has(used)) {
        payload = { accessToken: null, refreshToken: null, expiresAt: null, userErrors: [{ code: 'INVALID_REFRESH_TOKEN', field: ['input', 'refreshToken'], message: 'invalid' }] };
      } else {
        this.live.delete(used);
        this.spent.add(used);
        payload = { ...this.issue(Date.now()), userErrors: [] };
      }
      return json({ data: { refreshToken: { __typename: 'RefreshTokenPayload', ...payload, userErrors: payload.userErrors.map((e) => ({ __typename: 'UserError', ...e })) } } });
    }
    const auth = new Headers(init?.headers).get('Authorization')?.replace('Bearer ', '');
    if (!auth || !this.validAccess.has(auth)) return json({ data: { me: null }, errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] });
    return json({ data: { me: { id: '1', token: auth } } });
  };
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
}

function setup() {
  const identity = new FakeIdentity();
  const storage = new MemoryStorage();
  const session = new AuthSession({ storage, refresh: refreshWith('http://gateway.test/graphql', identity.fetch) });
  const api = authFetch(session, identity.fetch);
  const ask = async () => (await (await api('http://gateway.test/graphql', { method: 'POST', body: JSON.stringify({ query: '{ me { id } }' }) })).json()) as { data: { me: { token: string } | null } };
  return { identity, storage, session, ask };
}

describe('AuthSession', () => {
  it('sends the access token while it is fresh, without refreshing', async () => {
    const { identity, session, ask } = setup();
    session.signIn(identity.issue(Date.now()));

    expect((await ask()).data.me?.token).toBe('access-1');
    expect(identity.refreshCalls).toBe(0);
  });

  it('renews an access token about to expire before the request leaves, and keeps the rotated refresh token', async () => {
    const { identity, session, ask } = setup();
    session.signIn(identity.issue(Date.now(), 30_000));

    expect((await ask()).data.me?.token).toBe('access-2');
    expect(session.tokens?.refreshToken).toBe('refresh-2');
    expect(identity.refreshCalls).toBe(1);
  });

  it('refreshes once for many requests at the same moment: a second use of the token would close the session', async () => {
    const { identity, session, ask } = setup();
    session.signIn(identity.issue(Date.now(), 1_000));

    const answers = await Promise.all([ask(), ask(), ask(), ask()]);

    expect(answers.map((a) => a.data.me?.token)).toEqual(['access-2', 'access-2', 'access-2', 'access-2']);
    expect(identity.refreshCalls).toBe(1);
    expect(identity.sessionClosed).toBe(false);
  });

  it('renews and retries once when the gateway refuses a token it thought valid', async () => {
    const { identity, session, ask } = setup();
    session.signIn(identity.issue(Date.now()));
    identity.validAccess.delete('access-1');

    expect((await ask()).data.me?.token).toBe('access-2');
    expect(identity.refreshCalls).toBe(1);
  });

  it('signs out, telling why, when identity says the refresh token was already used', async () => {
    const { identity, session, storage, ask } = setup();
    const stolen = identity.issue(Date.now(), 1_000);
    session.signIn(stolen);
    // Someone else (a thief, or a stale copy) used the refresh token first.
    await refreshWith('http://gateway.test/graphql', identity.fetch)(stolen.refreshToken);
    const changes = vi.fn();
    session.onChange(changes);

    const answer = await ask();

    expect(answer.data.me).toBeNull();
    expect(session.signedIn).toBe(false);
    expect(storage.getItem('goshop.session')).toBeNull();
    expect(changes).toHaveBeenCalledWith(false, 'session-ended');
  });

  it('keeps the session when the refresh fails for want of a network: the person is not signed out by a tunnel', async () => {
    const storage = new MemoryStorage();
    const session = new AuthSession({ storage, refresh: async () => { throw new TypeError('Failed to fetch'); } });
    session.signIn({ accessToken: 'a', refreshToken: 'r', expiresAt: new Date(Date.now() + 1_000).toISOString() });

    await expect(session.accessToken()).rejects.toThrow('Failed to fetch');
    expect(session.signedIn).toBe(true);
  });

  it('uses the tokens another tab already renewed instead of spending its own spent refresh token', async () => {
    const { identity, session, storage } = setup();
    session.signIn(identity.issue(Date.now(), 1_000));
    // The other tab renewed (refresh-1 is spent) and stored its new tokens while this one waited.
    const renewedElsewhere = await refreshWith('http://gateway.test/graphql', identity.fetch)('refresh-1');
    const lockedRenew = new AuthSession({
      storage,
      refresh: refreshWith('http://gateway.test/graphql', identity.fetch),
      lock: async (_name, run) => {
        if ('tokens' in renewedElsewhere) storage.setItem('goshop.session', JSON.stringify(renewedElsewhere.tokens));
        return run();
      },
    });

    expect(await lockedRenew.accessToken()).toBe('access-2');
    expect(identity.sessionClosed).toBe(false);
  });
});
