// One urql client per app: Graphcache as the normalised cache (entities by `id`, values without one embedded in
// their parent), GraphQL over HTTP with the session's token, and subscriptions over graphql-transport-ws on the same
// origin, the socket reconnecting with the new token whenever someone signs in or out.
import { Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { cacheExchange, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { embeddedTypes } from '../../generated/cache-keys';
import { AuthSession, browserLock, type RefreshOutcome } from '../auth/session';
import { RefreshMutation } from '../auth/operations';
import { authFetch } from './authFetch';

export interface GoShopClient {
  client: Client;
  session: AuthSession;
  /** Drops everything cached for the previous person: a new client, as after a sign-in or sign-out. */
  reset(): Client;
}

export interface ClientOptions {
  /** The GraphQL endpoint; the page's own origin by default (the gateway serves the apps). */
  url?: string;
  /** Per-app cache settings (updates after mutations, optimistic results). */
  cache?: Omit<CacheExchangeOpts, 'keys'> & { keys?: CacheExchangeOpts['keys'] };
  storage?: Storage;
}

export function endpointUrl(): string {
  return new URL('/graphql', window.location.origin).toString();
}

function cacheKeys(extra: CacheExchangeOpts['keys'] = {}): NonNullable<CacheExchangeOpts['keys']> {
  const keys: NonNullable<CacheExchangeOpts['keys']> = {};
  for (const type of embeddedTypes) keys[type] = () => null;
  return { ...keys, ...extra };
}

/** Identity's refreshToken mutation on a bare client: it must not go through the exchange it renews tokens for. */
export function refreshWith(url: string, fetchImpl?: typeof fetch): (refreshToken: string) => Promise<RefreshOutcome> {
  const bare = new Client({ url, exchanges: [fetchExchange], fetch: fetchImpl, requestPolicy: 'network-only', preferGetMethod: false });
  return async (refreshToken) => {
    const result = await bare.mutation(RefreshMutation, { input: { refreshToken } }).toPromise();
    const payload = result.data?.refreshToken;
    if (result.error?.networkError || !payload) throw result.error ?? new Error('refresh failed');
    if (payload.userErrors.length > 0 || !payload.accessToken || !payload.refreshToken || !payload.expiresAt) {
      return { refused: payload.userErrors[0]?.code ?? 'INVALID_REFRESH_TOKEN' };
    }
    return { tokens: { accessToken: payload.accessToken, refreshToken: payload.refreshToken, expiresAt: payload.expiresAt } };
  };
}

export function createGoShopClient(options: ClientOptions = {}): GoShopClient {
  const url = options.url ?? endpointUrl();
  const storage = options.storage ?? window.localStorage;
  const session = new AuthSession({ storage, refresh: refreshWith(url), lock: browserLock() });

  let socket: WsClient | null = null;
  const ws = () => {
    socket ??= createWsClient({
      url: url.replace(/^http/, 'ws'),
      lazy: true,
      retryAttempts: Infinity,
      // Each (re)connection reads the token afresh: the gateway takes connection_init's Authorization for the socket.
      connectionParams: async () => {
        const token = await session.accessToken();
        return token ? { Authorization: `Bearer ${token}` } : {};
      },
    });
    return socket;
  };

  const make = () => {
    const exchanges: Exchange[] = [
      cacheExchange({ ...options.cache, keys: cacheKeys(options.cache?.keys) }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const dispose = ws().subscribe(input, sink);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
    ];
    return new Client({
      url, exchanges, fetch: authFetch(session), preferGetMethod: false, requestPolicy: 'cache-and-network',
      // Queries and mutations answer once: plain JSON, not the event stream urql also offers to accept (subscriptions go
      // over the socket), so authFetch can read an UNAUTHENTICATED answer and the gateway skips the stream framing.
      fetchOptions: { headers: { accept: 'application/graphql-response+json, application/json' } },
    });
  };

  const holder: GoShopClient = {
    client: make(),
    session,
    reset() {
      // Subscriptions opened as the previous person end with their socket; the new socket carries the new token.
      socket?.terminate();
      socket = null;
      holder.client = make();
      return holder.client;
    },
  };
  return holder;
}
