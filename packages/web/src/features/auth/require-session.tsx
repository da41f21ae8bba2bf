import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../ui/states.js';
import { useSession } from './session.js';

/** Renders children for a signed-in person; otherwise goes to sign-in and comes back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading label="Checking your session…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} title="Faultline is not answering" />;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const params = new URLSearchParams(next === '/' ? {} : { next });
    if (state.reason) params.set('reason', 'expired');
    const qs = params.toString();
    return <Navigate to={`/auth/login/${qs ? `?${qs}` : ''}`} replace />;
  }
  return <>{children}</>;
}
