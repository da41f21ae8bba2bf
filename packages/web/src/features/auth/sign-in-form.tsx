import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/index.js';
import { useSession } from './session.js';

export function SignInForm({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string | undefined }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
      setPending(false);
    }
  }

  return (
    <form className="card card-body signin" onSubmit={submit} aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to Faultline</h1>
      {notice && !error && <p className="alert">{notice}</p>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="signin-email">E-mail</label>
        {/* biome-ignore lint/a11y/noAutofocus: the page has one task; the cursor belongs in its first field */}
        <input id="signin-email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary signin-submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="field-hint">
        First run? The admin login was printed by <code>npm start</code> (or set <code>FAULTLINE_ADMIN_PASSWORD</code>).
      </p>
    </form>
  );
}
