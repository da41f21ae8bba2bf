import type { MemberRole } from '../../api/index.js';

/**
 * Sentry's four organization roles, weakest first, and who may grant what: the same rules
 * the server enforces (packages/server/src/members/role-rules.ts), mirrored so the page only
 * offers what would be accepted.
 */
export const ROLES: readonly { role: MemberRole; label: string; note: string }[] = [
  { role: 'member', label: 'Member', note: 'Read projects; triage issues (resolve, ignore, assign); create release tokens' },
  { role: 'admin', label: 'Admin', note: 'Projects, keys, settings and issues; invite and manage members and teams' },
  { role: 'manager', label: 'Manager', note: 'Everything an admin can, plus organization settings and managers' },
  { role: 'owner', label: 'Owner', note: 'Everything, including owners; an organization always keeps one' },
];

const rank = (role: string): number => ROLES.findIndex((r) => r.role === role);

export function isRole(value: string): value is MemberRole {
  return rank(value) >= 0;
}

/** Roles someone with `mine` may give: up to their own; only owners make owners. */
export function grantableRoles(mine: string): MemberRole[] {
  return ROLES.filter((r) => rank(r.role) <= rank(mine)).map((r) => r.role);
}

/** Whether `mine` may change or remove a member holding `theirs` (never someone above you). */
export function canManage(mine: string, theirs: string, access: readonly string[]): boolean {
  return access.includes('member:write') && rank(theirs) <= rank(mine);
}

/** The last owner can be neither demoted nor removed. */
export function isLastOwner(role: string, ownerCount: number): boolean {
  return role === 'owner' && ownerCount <= 1;
}
