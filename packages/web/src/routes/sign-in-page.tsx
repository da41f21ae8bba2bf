import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../features/auth/session.js';
import { SignInForm } from '../features/auth/sign-in-form.js';
import { Loading } from '../ui/states.js';

/** Only same-site paths: a `next` of `//evil.example` must not send the person elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { state } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-in') return <Navigate to={next} replace />;
  const notice = params.get('reason') === 'expired' ? 'Your session ended. Sign in again.' : undefined;
  return (
    <main className="signin-page" id="main">
      <SignInForm notice={notice} onSignedIn={() => navigate(next, { replace: true })} />
    </main>
  );
}
