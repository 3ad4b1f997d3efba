import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import type { GoShopClient } from '../client/createClient';
import { LoginMutation, LogoutMutation, ViewerQuery } from './operations';
import type { SignOutReason } from './session';
import type { UserErrorLike } from '../client/errors';

export interface Viewer {
  id: string;
  fullName: string;
  email?: string | null;
  roles: readonly string[];
}

export interface Auth {
  viewer: Viewer | null;
  /** True until we know whether the stored session still works. */
  loading: boolean;
  /** Why the last session ended, when identity ended it (shown on the sign-in page). */
  endedReason: SignOutReason | null;
  signIn(email: string, password: string): Promise<readonly UserErrorLike[]>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

function ViewerLoader({ signedIn, endedReason, goshop, children }: { signedIn: boolean; endedReason: SignOutReason | null; goshop: GoShopClient; children: ReactNode }) {
  const [{ data, fetching }] = useQuery({ query: ViewerQuery, pause: !signedIn, requestPolicy: 'cache-and-network' });
  const signIn = useCallback(async (email: string, password: string) => {
    const result = await goshop.client.mutation(LoginMutation, { input: { email, password } }).toPromise();
    const payload = result.data?.login;
    if (result.error) throw result.error;
    if (!payload || payload.userErrors.length > 0 || !payload.accessToken || !payload.refreshToken || !payload.expiresAt) {
      return payload?.userErrors ?? [];
    }
    goshop.session.signIn({ accessToken: payload.accessToken, refreshToken: payload.refreshToken, expiresAt: payload.expiresAt });
    return [];
  }, [goshop]);
  const signOut = useCallback(async () => {
    const refreshToken = goshop.session.tokens?.refreshToken;
    // Close the session at identity too, so the refresh token cannot be used again; sign out here whatever it says.
    await goshop.client.mutation(LogoutMutation, { input: { refreshToken } }).toPromise().catch(() => undefined);
    goshop.session.signOut('signed-out');
  }, [goshop]);
  const viewer = signedIn ? (data?.me ?? null) : null;
  const value = useMemo<Auth>(() => ({ viewer, loading: signedIn && fetching && !data, endedReason, signIn, signOut }),
    [viewer, signedIn, fetching, data, endedReason, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The urql client and the signed-in person; a sign-in or sign-out starts a fresh cache and a fresh socket. */
export function GoShopProvider({ goshop, children }: { goshop: GoShopClient; children: ReactNode }) {
  const [state, setState] = useState(() => ({ client: goshop.client, signedIn: goshop.session.signedIn, endedReason: null as SignOutReason | null }));
  useEffect(() => {
    const changed = (signedIn: boolean, reason?: SignOutReason) =>
      setState({ client: goshop.reset(), signedIn, endedReason: signedIn ? null : (reason ?? null) });
    const off = goshop.session.onChange(changed);
    let was = goshop.session.signedIn;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== 'goshop.session') return;
      goshop.session.storageChanged(was);
      was = goshop.session.signedIn;
    };
    const offLocal = goshop.session.onChange((signedIn) => { was = signedIn; });
    window.addEventListener('storage', onStorage);
    return () => {
      off();
      offLocal();
      window.removeEventListener('storage', onStorage);
    };
  }, [goshop]);
  return (
    <Provider value={state.client}>
      <ViewerLoader key={String(state.signedIn)} signedIn={state.signedIn} endedReason={state.endedReason} goshop={goshop}>{children}</ViewerLoader>
    </Provider>
  );
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside GoShopProvider');
  return value;
}
