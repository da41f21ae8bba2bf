import { useId, useState } from 'react';
import type { Member, Project, Team } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';

export interface TeamCardProps {
  team: Team;
  members: readonly Member[];
  projects: readonly Project[];
  access: readonly string[];
  busy: boolean;
  onMember: (memberId: string, add: boolean) => void;
  onProject: (projectSlug: string, add: boolean) => void;
  onDelete: () => void;
}

/** One team: its members and projects, each with add and remove, and deleting the team. */
export function TeamCard({ team, members, projects, access, busy, onMember, onProject, onDelete }: TeamCardProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const inTeam = members.filter((m) => m.teams?.includes(team.slug));
  const notInTeam = members.filter((m) => !m.pending && !m.teams?.includes(team.slug));
  const owned = team.projects ?? [];
  const notOwned = projects.filter((p) => !owned.some((o) => o.slug === p.slug));
  const mayEdit = access.includes('team:write');
  const mayLinkProjects = access.includes('project:write');

  return (
    <section className="card card-body" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        {team.name} <code className="faint">#{team.slug}</code>
      </h2>
      <p className="faint">
        {inTeam.length} {inTeam.length === 1 ? 'member' : 'members'} · created <RelativeTime value={team.dateCreated} />
      </p>
      <h3>Members</h3>
      {inTeam.length === 0 && <p className="faint">Nobody yet.</p>}
      <ul className="plain-list">
        {inTeam.map((m) => (
          <li key={m.id}>
            {m.name || m.email}{' '}
            {mayEdit && (
              <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => onMember(m.id, false)}>
                Remove {m.name || m.email} from #{team.slug}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayEdit && notInTeam.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-add-member`}>Add a member</label>
          <select id={`${id}-add-member`} value="" disabled={busy} onChange={(e) => e.target.value && onMember(e.target.value, true)}>
            <option value="">Choose…</option>
            {notInTeam.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name || m.email}
              </option>
            ))}
          </select>
        </div>
      )}
      <h3>Projects</h3>
      {owned.length === 0 && <p className="faint">No projects.</p>}
      <ul className="plain-list">
        {owned.map((p) => (
          <li key={p.slug}>
            {p.name}{' '}
            {mayLinkProjects && (
              <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => onProject(p.slug, false)}>
                Remove {p.slug} from #{team.slug}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayLinkProjects && notOwned.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-add-project`}>Add a project</label>
          <select id={`${id}-add-project`} value="" disabled={busy} onChange={(e) => e.target.value && onProject(e.target.value, true)}>
            <option value="">Choose…</option>
            {notOwned.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {access.includes('team:admin') &&
        (confirming ? (
          <div>
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onDelete}>
              Delete #{team.slug}
            </button>{' '}
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        ) : (
          <div>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
              Delete team…
            </button>
          </div>
        ))}
    </section>
  );
}
