/**
 * members: who belongs to an organization and with which role, invitations by e-mail
 * (single-use links, only their digest stored), and the rules of who may change whom.
 * Owns the members, member_invites and teams tables and their routes. It must not import
 * alert/: the mailer is passed in.
 */
export type { InviteMailer } from './invite-email.js';
export { type Actor, createMembership, INVITE_TTL_MS, type InviteOutcome, type Membership, type MembershipDeps } from './membership.js';
export { checkGrant, checkMemberChange, grantableRoles, roleRank } from './role-rules.js';
export { type MembersApiDeps, registerMembersApi } from './routes/index.js';
export { isMemberRole, type Member, type MemberRole, memberRoles } from './store/members.js';
export { memberRepositories } from './store/repositories.js';
export type { Team } from './store/teams.js';
