import type { AuthSession } from '../auth/session';

/**
 * fetch for the GraphQL endpoint that sends the session's access token, and, when the gateway answers
 * UNAUTHENTICATED to a token we still held (revoked, expired early, clock skew), renews it once and retries.
 */
export function authFetch(session: AuthSession, base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      else headers.delete('Authorization');
      return base(input, { ...init, headers });
    };
    const token = await session.accessToken();
    const response = await send(token);
    if (!token || !(await saysUnauthenticated(response.clone()))) return response;
    const renewed = await session.renew();
    // Signed out by the refusal: the request goes again as a guest, and the page shows what guests see.
    return send(renewed);
  };
}

async function saysUnauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return false;
  try {
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
  } catch {
    return false;
  }
}
