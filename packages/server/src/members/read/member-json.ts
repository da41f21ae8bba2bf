import type { MemberInvite } from '../store/member-invites.js';
import type { Member } from '../store/members.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Sentry's role names, shown next to the id in its member serializer. */
const roleNames = { member: 'Member', admin: 'Admin', manager: 'Manager', owner: 'Owner' } as const;

/** A member in Sentry's organization-member shape (`orgRole`, `teams` as slugs, `pending`). */
export function memberJson(m: Member, teams: readonly string[]) {
  return {
    id: String(m.id),
    email: m.email,
    name: m.name,
    role: m.role,
    orgRole: m.role,
    roleName: roleNames[m.role],
    pending: false,
    expired: false,
    inviteStatus: 'approved',
    teams: [...teams],
    dateCreated: iso(m.createdAt),
    user: { id: String(m.userId), email: m.email, name: m.name },
  };
}

/**
 * A pending invitation, listed with the members as Sentry does (`pending: true`). Its id
 * carries an `invite-` prefix because invitations live in their own table; the member
 * routes accept either form. The link itself is never listed, only returned when made.
 */
export function inviteJson(i: MemberInvite, teamSlugs: ReadonlyMap<number, string>, now: number) {
  return {
    id: `invite-${i.id}`,
    email: i.email,
    name: i.email,
    role: i.role,
    orgRole: i.role,
    roleName: roleNames[i.role],
    pending: true,
    expired: i.expiresAt <= now,
    inviteStatus: 'approved',
    teams: i.teamIds.flatMap((id) => teamSlugs.get(id) ?? []),
    dateCreated: iso(i.createdAt),
    dateExpires: iso(i.expiresAt),
    user: null,
  };
}
