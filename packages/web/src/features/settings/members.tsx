import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { InviteCreated, Member, MemberRole, Organization, Team } from '../../api/index.js';
import { useAction, useApi, useResource } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states.js';
import { useUser } from '../auth/session.js';
import { InviteForm } from './invite-form.js';
import { MemberRow } from './member-row.js';

/** The outcome of an invitation: who joined, or the link (shown once) and whether it was e-mailed. */
function InviteNotice({ result, onDone }: { result: InviteCreated; onDone: () => void }) {
  return (
    <div className="card card-body token-once" role="status">
      {result.pending ? (
        <>
          <strong>
            {result.emailSent ? `Invitation e-mailed to ${result.email}.` : `Invitation for ${result.email} created.`} Copy the link now: it is shown only once.
          </strong>
          {result.emailError && <p className="alert">The e-mail could not be sent: {result.emailError}</p>}
          {result.inviteLink && (
            <div className="dsn-row">
              <code className="dsn" data-testid="invite-link">
                {result.inviteLink}
              </code>
              <CopyButton text={result.inviteLink} />
            </div>
          )}
        </>
      ) : (
        <strong>
          {result.email} already had an account and is now a member ({result.role}).
        </strong>
      )}
      <div>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

/** Members and pending invitations: invite, change roles, remove, resend or cancel invitations. */
export function Members({ org }: { org: string }) {
  const api = useApi();
  const me = useUser();
  const navigate = useNavigate();
  const organization = useResource<Organization>(`organizations/${org}/`);
  const members = useResource<Member[]>(`organizations/${org}/members/`);
  const teams = useResource<Team[]>(`organizations/${org}/teams/`);
  const [notice, setNotice] = useState<InviteCreated | null>(null);
  const myRole = organization.data?.role ?? 'member';
  const access = organization.data?.access ?? [];
  const ownerCount = (members.data ?? []).filter((m) => !m.pending && m.role === 'owner').length;
  const path = (id: string) => `organizations/${org}/members/${id}/`;

  const changeRole = useAction(async (id: string, role: MemberRole) => {
    await api.request(path(id), { method: 'PUT', body: { orgRole: role } });
    members.reload();
    organization.reload();
  });
  const remove = useAction(async (m: Member) => {
    await api.request(path(m.id), { method: 'DELETE' });
    if (m.user?.id === me.id) navigate('/', { replace: true });
    else members.reload();
  });
  const resend = useAction(async (id: string) => {
    const { data } = await api.request<InviteCreated>(path(id), { method: 'PUT', body: { reinvite: true } });
    setNotice(data);
    members.reload();
  });
  const busy = changeRole.pending || remove.pending || resend.pending;

  return (
    <section className="settings-section" aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <p>People in this organization and their role. Roles decide what a person (and the tokens they create) may do.</p>
      {access.includes('member:write') && (
        <InviteForm
          org={org}
          myRole={myRole}
          teams={teams.data ?? []}
          onInvited={(r) => {
            setNotice(r);
            members.reload();
          }}
        />
      )}
      {notice && <InviteNotice result={notice} onDone={() => setNotice(null)} />}
      <div className="card">
        {members.error && <ErrorState error={members.error} onRetry={members.reload} />}
        {!members.data && !members.error && <Loading />}
        {members.data?.length === 0 && <EmptyState title="No members" />}
        {members.data && members.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Teams</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => (
                <MemberRow
                  key={m.id}
                  member={m}
                  myRole={myRole}
                  access={access}
                  isSelf={m.user?.id === me.id}
                  ownerCount={ownerCount}
                  busy={busy}
                  onRole={(role) => void changeRole.run(m.id, role)}
                  onRemove={() => void remove.run(m)}
                  onResend={() => void resend.run(m.id)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <InlineError error={changeRole.error ?? remove.error ?? resend.error} />
    </section>
  );
}
