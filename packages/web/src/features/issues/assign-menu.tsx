import type { Member, Team } from '../../api/index.js';
import { useResource } from '../../api/index.js';
import { Menu, MenuHeading, MenuItem, MenuSeparator } from '../../ui/menu.js';
import { useUser } from '../auth/session.js';

/** The choices, loaded when the menu opens: a list page does not fetch members it may never show. */
function AssignOptions({ org, pick }: { org: string; pick: (actor: string) => () => void }) {
  const me = useUser();
  const members = useResource<Member[]>(`organizations/${org}/members/`);
  const teams = useResource<Team[]>(`organizations/${org}/teams/`);
  return (
    <>
      <MenuItem onSelect={pick(`user:${me.id}`)}>Assign to me</MenuItem>
      <MenuItem onSelect={pick('')}>Unassign</MenuItem>
      <MenuSeparator />
      <MenuHeading>Members</MenuHeading>
      {!members.data && !members.error && <MenuHeading>Loading…</MenuHeading>}
      {members.error && <MenuHeading>{members.error.detail}</MenuHeading>}
      {(members.data ?? []).flatMap((m) =>
        // Pending invitations (no user yet) cannot be assigned.
        m.user && m.user.id !== me.id
          ? [
              <MenuItem key={m.id} onSelect={pick(`user:${m.user.id}`)}>
                {m.name || m.email}
              </MenuItem>,
            ]
          : [],
      )}
      {(teams.data?.length ?? 0) > 0 && <MenuHeading>Teams</MenuHeading>}
      {(teams.data ?? []).map((t) => (
        <MenuItem key={t.id} onSelect={pick(`team:${t.id}`)}>
          #{t.slug}
        </MenuItem>
      ))}
    </>
  );
}

/** Assign to me, a member or a team (`user:ID` / `team:ID`, Sentry's actor ids), or nobody. */
export function AssignMenu({
  org,
  onAssign,
  disabled,
  small,
  label = 'Assign',
}: {
  org: string;
  onAssign: (actor: string) => void;
  disabled?: boolean;
  small?: boolean;
  label?: string;
}) {
  return (
    <Menu label={label} buttonLabel={`Assign: ${label}`} className={`btn${small ? ' btn-small' : ''}`} disabled={disabled ?? false}>
      {(close) => (
        <AssignOptions
          org={org}
          pick={(actor) => () => {
            close();
            onAssign(actor);
          }}
        />
      )}
    </Menu>
  );
}
