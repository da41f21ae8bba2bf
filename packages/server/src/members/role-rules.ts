import { type MemberRole, memberRoles } from './store/members.js';

/**
 * Who may do what to whom, as in Sentry: a role's rank is its place in `memberRoles`
 * (member < admin < manager < owner). Pure, so the web UI's options and the API's
 * answers follow the same rules (the UI mirrors `grantableRoles`).
 */
export const roleRank = (role: MemberRole): number => memberRoles.indexOf(role);

/** Roles the actor may give to someone: up to their own (only an owner makes owners). */
export function grantableRoles(actor: MemberRole): MemberRole[] {
  return memberRoles.filter((r) => roleRank(r) <= roleRank(actor));
}

export type RuleResult = { ok: true } | { ok: false; reason: string };

const ok: RuleResult = { ok: true };

export function checkGrant(actor: MemberRole, role: MemberRole): RuleResult {
  if (roleRank(role) > roleRank(actor)) {
    return { ok: false, reason: role === 'owner' ? 'Only an owner can make someone an owner' : `A ${actor} cannot grant the ${role} role` };
  }
  return ok;
}

export interface MemberChange {
  /** memberId null: a superuser who is not a member (never "self") */
  actor: { memberId: number | null; role: MemberRole };
  target: { memberId: number; role: MemberRole };
  /** the new role, or null when the member is being removed */
  newRole: MemberRole | null;
  /** owners the organization has now */
  ownerCount: number;
}

/**
 * A role change or removal: nobody may touch a member who outranks them (leaving the
 * organization yourself is always allowed), nobody grants above their own role, and the
 * last owner can be neither demoted nor removed, so an organization is never left ownerless.
 */
export function checkMemberChange(change: MemberChange): RuleResult {
  const { actor, target, newRole, ownerCount } = change;
  const self = actor.memberId === target.memberId;
  const losesOwner = target.role === 'owner' && newRole !== 'owner';
  if (losesOwner && ownerCount <= 1) {
    return { ok: false, reason: newRole === null ? 'Cannot remove the last owner of the organization' : 'Cannot demote the last owner of the organization' };
  }
  if (!(self && newRole === null) && roleRank(target.role) > roleRank(actor.role)) {
    return { ok: false, reason: `A ${actor.role} cannot change or remove a ${target.role}` };
  }
  if (newRole !== null) return checkGrant(actor.role, newRole);
  return ok;
}
