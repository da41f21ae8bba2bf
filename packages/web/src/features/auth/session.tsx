import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, type Session, type User, useApi } from '../../api/index.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: User }
  | { status: 'error'; error: ApiError };

interface SessionValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
  /** Takes over a session the server started another way (an accepted invitation). */
  adopt(session: Session): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in (`GET /api/0/auth/`); hands the CSRF token to the API client. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() asks again
  useEffect(() => {
    let live = true;
    api
      .get<Session>('auth/')
      .then((s) => {
        if (!live) return;
        api.setCsrfToken(s.csrfToken);
        setState({ status: 'signed-in', user: s.user });
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError(0, String(err)) });
      });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  // A session that expires mid-use (401 anywhere) sends the person back to sign in.
  useEffect(
    () =>
      api.onUnauthorized(() => {
        api.setCsrfToken(null);
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', reason: 'Your session ended. Sign in again.' } : s));
      }),
    [api],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { data } = await api.request<Session>('auth/login/', { method: 'POST', body: { email, password } });
      api.setCsrfToken(data.csrfToken);
      setState({ status: 'signed-in', user: data.user });
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.request('auth/', { method: 'DELETE' });
    } finally {
      api.setCsrfToken(null);
      setState({ status: 'signed-out' });
    }
  }, [api]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const adopt = useCallback(
    (session: Session) => {
      api.setCsrfToken(session.csrfToken);
      setState({ status: 'signed-in', user: session.user });
    },
    [api],
  );
  const value = useMemo(() => ({ state, signIn, signOut, retry, adopt }), [state, signIn, signOut, retry, adopt]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside <SessionProvider>');
  return ctx;
}

/** The signed-in user; only for components rendered inside <RequireSession>. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a session');
  return state.user;
}
