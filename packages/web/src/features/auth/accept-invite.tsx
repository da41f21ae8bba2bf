import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type InvitePreview, type Session, useAction, useApi, useResource } from '../../api/index.js';
import { ErrorState, InlineError, Loading } from '../../ui/states.js';
import { useSession } from './session.js';

type Accepted = Session & { organization: { slug: string; name: string } };

/**
 * An invitation link: shows the organization and role, then either creates the account
 * (name and password) or, for an address that has an account by now, joins as that account.
 */
export function AcceptInvite({ id, token }: { id: string; token: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const { state, adopt } = useSession();
  const path = `accept-invite/${id}/${token}/`;
  const preview = useResource<InvitePreview>(path);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const accept = useAction(async (body: { name?: string; password?: string }) => {
    const { data } = await api.request<Accepted>(path, { method: 'POST', body });
    if (data.csrfToken) adopt(data);
    navigate(`/organizations/${data.organization.slug}/issues/`, { replace: true });
  });

  if (preview.error) {
    const title = preview.error.status === 404 ? 'This invitation does not exist or was already used' : 'Could not open this invitation';
    return <ErrorState error={preview.error} title={title} />;
  }
  const p = preview.data;
  if (!p) return <Loading />;
  const heading = <h1 id="invite-title">Join {p.organization.name} on Faultline</h1>;
  if (p.expired) {
    return (
      <div className="card card-body signin">
        {heading}
        <p className="alert">This invitation has expired. Ask whoever invited you to send a new one.</p>
      </div>
    );
  }
  const signedInAs = state.status === 'signed-in' ? state.user.email : null;

  if (p.needsSignIn) {
    const next = `/accept-invite/${id}/${token}/`;
    return (
      <section className="card card-body signin" aria-labelledby="invite-title">
        {heading}
        <p>
          {p.email} was invited as {p.orgRole}. That address already has an account.
        </p>
        {signedInAs === p.email ? (
          <button type="button" className="btn btn-primary" disabled={accept.pending} onClick={() => void accept.run({})}>
            Join {p.organization.name}
          </button>
        ) : (
          <Link className="btn btn-primary" to={`/auth/login/?next=${encodeURIComponent(next)}`}>
            Sign in as {p.email}
          </Link>
        )}
        <InlineError error={accept.error} />
      </section>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) void accept.run({ name: name.trim(), password });
  }

  return (
    <form className="card card-body signin" onSubmit={submit} aria-labelledby="invite-title">
      {heading}
      <p>
        You were invited as <strong>{p.orgRole}</strong>. Choose a name and a password for <strong>{p.email}</strong>.
      </p>
      <div className="field">
        <label htmlFor="invite-name">Your name</label>
        <input id="invite-name" type="text" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="invite-password">Password</label>
        <input
          id="invite-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="field-hint">At least 8 characters.</div>
      </div>
      <div className="field">
        <label htmlFor="invite-repeat">Repeat the password</label>
        <input id="invite-repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </div>
      {mismatch && (
        <p className="alert" role="alert">
          The passwords differ.
        </p>
      )}
      <InlineError error={accept.error} />
      <button type="submit" className="btn btn-primary signin-submit" disabled={accept.pending}>
        {accept.pending ? 'Joining…' : `Join ${p.organization.name}`}
      </button>
    </form>
  );
}
