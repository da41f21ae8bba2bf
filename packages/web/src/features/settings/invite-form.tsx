import { type FormEvent, useId, useState } from 'react';
import { type InviteCreated, type MemberRole, type Team, useAction, useApi } from '../../api/index.js';
import { InlineError } from '../../ui/states.js';
import { grantableRoles, ROLES } from './member-roles.js';

/** Invite by e-mail with a role and teams; an address that already has an account joins at once. */
export function InviteForm({ org, myRole, teams, onInvited }: { org: string; myRole: string; teams: readonly Team[]; onInvited: (r: InviteCreated) => void }) {
  const api = useApi();
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const roles = grantableRoles(myRole);
  const invite = useAction(async () => {
    const { data } = await api.request<InviteCreated>(`organizations/${org}/members/`, {
      method: 'POST',
      body: { email: email.trim(), orgRole: role, teams: [...picked] },
    });
    setEmail('');
    setPicked(new Set());
    onInvited(data);
  });

  function toggle(slug: string) {
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(slug)) next.delete(slug);
      else next.add(slug);
      return next;
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void invite.run();
  }

  return (
    <form className="card card-body" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite a member</h2>
      <div className="field" style={{ marginTop: 12 }}>
        <label htmlFor={`${id}-email`}>E-mail</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          maxLength={320}
          placeholder="name@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
          {ROLES.filter((r) => roles.includes(r.role)).map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <div className="field-hint">{ROLES.find((r) => r.role === role)?.note}</div>
      </div>
      {teams.length > 0 && (
        <fieldset className="scopes">
          <legend>Teams</legend>
          {teams.map((t) => (
            <label key={t.slug} className="checkbox-row">
              <input type="checkbox" checked={picked.has(t.slug)} onChange={() => toggle(t.slug)} />#{t.slug}
            </label>
          ))}
        </fieldset>
      )}
      <InlineError error={invite.error} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={invite.pending}>
          {invite.pending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
    </form>
  );
}
