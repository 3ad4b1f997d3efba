// The signed-in session: the access token (15 minutes) and the refresh token that renews it. Identity rotates refresh
// tokens on every use and closes the session when one is used twice, so a refresh is done once at a time, in one
// tab at a time (navigator.locks), and always with the newest token any tab has stored. A refresh identity refuses
// (reused, expired, revoked, suspended) signs out: the person is asked to sign in again.

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO-8601). */
  expiresAt: string;
}

/** What a refresh call answers: new tokens, or the userError code identity refused it with. */
export type RefreshOutcome = { tokens: TokenSet } | { refused: string };

export type SignOutReason = 'signed-out' | 'session-ended';

export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AuthSessionOptions {
  storage: SessionStorage;
  /** Trades a refresh token for new tokens (identity's refreshToken mutation); throws on network failure. */
  refresh: (refreshToken: string) => Promise<RefreshOutcome>;
  now?: () => number;
  /** Serialises refreshes across tabs; navigator.locks where the browser has it. */
  lock?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /** Renew this long before the access token expires, so a request never leaves with a token about to lapse. */
  marginMs?: number;
}

const storageKey = 'goshop.session';

export class AuthSession {
  private readonly options: Required<Omit<AuthSessionOptions, 'lock'>> & Pick<AuthSessionOptions, 'lock'>;
  private inFlight: Promise<string | null> | null = null;
  private readonly listeners = new Set<(signedIn: boolean, reason?: SignOutReason) => void>();

  constructor(options: AuthSessionOptions) {
    this.options = { now: Date.now, marginMs: 60_000, ...options };
  }

  get tokens(): TokenSet | null {
    const text = this.options.storage.getItem(storageKey);
    if (!text) return null;
    try {
      return JSON.parse(text) as TokenSet;
    } catch {
      return null;
    }
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  onChange(listener: (signedIn: boolean, reason?: SignOutReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(tokens: TokenSet): void {
    this.options.storage.setItem(storageKey, JSON.stringify(tokens));
    this.emit(true);
  }

  signOut(reason: SignOutReason = 'signed-out'): void {
    const had = this.signedIn;
    this.options.storage.removeItem(storageKey);
    if (had) this.emit(false, reason);
  }

  /** Another tab signed in, out, or refreshed: tell the listeners when signed-in-ness changed. */
  storageChanged(wasSignedIn: boolean): void {
    if (wasSignedIn !== this.signedIn) this.emit(this.signedIn, this.signedIn ? undefined : 'session-ended');
  }

  /** A usable access token, renewed first when it is about to expire; null when nobody is signed in. */
  async accessToken(): Promise<string | null> {
    const tokens = this.tokens;
    if (!tokens) return null;
    if (Date.parse(tokens.expiresAt) - this.options.now() > this.options.marginMs) return tokens.accessToken;
    return this.renew();
  }

  /**
   * Renews now (the gateway answered UNAUTHENTICATED to a token we thought valid). Answers the new access token, or
   * null when the session is over. Concurrent callers share one refresh.
   */
  renew(): Promise<string | null> {
    if (!this.inFlight) {
      const used = this.tokens?.refreshToken;
      const run = () => this.refreshOnce(used);
      const locked = this.options.lock ? this.options.lock('goshop.refresh', run) : run();
      this.inFlight = locked.finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async refreshOnce(used: string | undefined): Promise<string | null> {
    const current = this.tokens;
    if (!current) return null;
    // Another tab renewed while we waited for the lock: its tokens are the newest, and ours is already spent.
    if (used && current.refreshToken !== used && Date.parse(current.expiresAt) - this.options.now() > this.options.marginMs) {
      return current.accessToken;
    }
    const outcome = await this.options.refresh(current.refreshToken);
    if ('refused' in outcome) {
      this.signOut('session-ended');
      return null;
    }
    this.options.storage.setItem(storageKey, JSON.stringify(outcome.tokens));
    return outcome.tokens.accessToken;
  }

  private emit(signedIn: boolean, reason?: SignOutReason): void {
    for (const listener of this.listeners) listener(signedIn, reason);
  }
}

/** navigator.locks.request, where the browser has it: one tab refreshes at a time. */
export function browserLock(): AuthSessionOptions['lock'] {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return undefined;
  // request() answers what the callback answers; its typing nests the promise.
  return <T,>(name: string, run: () => Promise<T>) => locks.request(name, run) as unknown as Promise<T>;
}
