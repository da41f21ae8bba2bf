import { type FormEvent, useState } from 'react';
import type { Member, Organization, Project, Team } from '../../api/index.js';
import { useAction, useApi, useResource } from '../../api/index.js';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states.js';
import { TeamCard } from './team-card.js';

/** Teams: create and delete, their members and the projects they own. */
export function Teams({ org }: { org: string }) {
  const api = useApi();
  const organization = useResource<Organization>(`organizations/${org}/`);
  const teams = useResource<Team[]>(`organizations/${org}/teams/`);
  const members = useResource<Member[]>(`organizations/${org}/members/`);
  const projects = useResource<Project[]>(`organizations/${org}/projects/`);
  const access = organization.data?.access ?? [];
  const [name, setName] = useState('');
  const reload = () => {
    teams.reload();
    members.reload();
  };

  const create = useAction(async () => {
    await api.request(`organizations/${org}/teams/`, { method: 'POST', body: { name: name.trim() } });
    setName('');
    reload();
  });
  const remove = useAction(async (slug: string) => {
    await api.request(`teams/${org}/${slug}/`, { method: 'DELETE' });
    reload();
  });
  const member = useAction(async (slug: string, memberId: string, add: boolean) => {
    await api.request(`organizations/${org}/members/${memberId}/teams/${slug}/`, { method: add ? 'POST' : 'DELETE' });
    reload();
  });
  const project = useAction(async (slug: string, projectSlug: string, add: boolean) => {
    await api.request(`projects/${org}/${projectSlug}/teams/${slug}/`, { method: add ? 'POST' : 'DELETE' });
    reload();
  });
  const busy = create.pending || remove.pending || member.pending || project.pending;

  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }

  return (
    <section className="settings-section" aria-labelledby="teams-title">
      <h1 id="teams-title">Teams</h1>
      <p>Teams own projects; issues can be assigned to a team.</p>
      {access.includes('team:write') && (
        <form className="card card-body" onSubmit={submit} aria-labelledby="new-team-title">
          <h2 id="new-team-title">Create a team</h2>
          <div className="field" style={{ marginTop: 12 }}>
            <label htmlFor="team-name">Team name</label>
            <input id="team-name" type="text" required maxLength={100} placeholder="e.g. Backend" value={name} onChange={(e) => setName(e.target.value)} />
            <div className="field-hint">The slug (#backend) is made from the name.</div>
          </div>
          <InlineError error={create.error} />
          <div>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Create team
            </button>
          </div>
        </form>
      )}
      {teams.error && <ErrorState error={teams.error} onRetry={teams.reload} />}
      {!teams.data && !teams.error && <Loading />}
      {teams.data?.length === 0 && <EmptyState title="No teams" />}
      {(teams.data ?? []).map((t) => (
        <TeamCard
          key={t.id}
          team={t}
          members={members.data ?? []}
          projects={projects.data ?? []}
          access={access}
          busy={busy}
          onMember={(id, add) => void member.run(t.slug, id, add)}
          onProject={(slug, add) => void project.run(t.slug, slug, add)}
          onDelete={() => void remove.run(t.slug)}
        />
      ))}
      <InlineError error={remove.error ?? member.error ?? project.error} />
    </section>
  );
}
