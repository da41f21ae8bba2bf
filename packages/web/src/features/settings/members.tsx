import type { Member, Team } from '../../api/index.js';
import { useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Loading } from '../../ui/states.js';

const ROLE_NOTES: Record<string, string> = {
  owner: 'Everything, including organization settings and all tokens',
  admin: 'Projects, keys, settings and issues',
  member: 'Read projects; triage issues (resolve, ignore, assign); create release tokens',
};

export function Members({ org }: { org: string }) {
  const members = useResource<Member[]>(`organizations/${org}/members/`);
  return (
    <section className="settings-section" aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <p>People in this organization and their role. Roles decide what a person (and the tokens they create) may do.</p>
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
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => (
                <tr key={m.id}>
                  <td>
                    <div>{m.name || m.email}</div>
                    {m.name && <div className="faint">{m.email}</div>}
                  </td>
                  <td>
                    <span className="badge">{m.role}</span>
                    <div className="field-hint">{ROLE_NOTES[m.role] ?? ''}</div>
                  </td>
                  <td>
                    <RelativeTime value={m.dateCreated} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p className="field-hint">
        New people are added on the server: <code>npx faultline createuser --email … --password …</code>.
      </p>
    </section>
  );
}

export function Teams({ org }: { org: string }) {
  const teams = useResource<Team[]>(`organizations/${org}/teams/`);
  return (
    <section className="settings-section" aria-labelledby="teams-title">
      <h1 id="teams-title">Teams</h1>
      <p>Teams own projects; issues can be assigned to a team.</p>
      <div className="card">
        {teams.error && <ErrorState error={teams.error} onRetry={teams.reload} />}
        {!teams.data && !teams.error && <Loading />}
        {teams.data?.length === 0 && <EmptyState title="No teams" />}
        {teams.data && teams.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slug</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {teams.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>#{t.slug}</code>
                  </td>
                  <td>
                    <RelativeTime value={t.dateCreated} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
