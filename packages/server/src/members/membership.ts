import { randomBytes } from 'node:crypto';
import type { User } from '../auth/index.js';
import { hashPassword } from '../auth/index.js';
import { type Clock, fail, type Logger, sha256Hex } from '../kernel/index.js';
import type { Organization } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import { type InviteMailer, inviteEmail } from './invite-email.js';
import { checkGrant, checkMemberChange, type RuleResult } from './role-rules.js';
import type { MemberInvite } from './store/member-invites.js';
import type { Member, MemberRole } from './store/members.js';
import type { Team } from './store/teams.js';

/** Invitations expire after 7 days (Sentry's default too); "resend" starts a new week. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface MembershipDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** base of invitation links */
  publicUrl: string;
  /** null: SMTP is not configured, invitation links are only returned to the inviter */
  mailer: InviteMailer | null;
}

/** The caller, as a member of the organization being changed. */
export interface Actor {
  user: User;
  /** null for a superuser acting in an organization they are not a member of */
  memberId: number | null;
  role: MemberRole;
}

export type InviteOutcome =
  | { kind: 'member'; member: Member }
  | { kind: 'invite'; invite: MemberInvite; link: string; emailSent: boolean; emailError: string | null };

function enforce(result: RuleResult): void {
  if (!result.ok) fail('permission_denied', result.reason);
}

/**
 * Members, invitations and teams of an organization: the rules of who may change whom
 * (role-rules.ts), single-use invitation links (only their digest stored), and team links.
 * Callers (api/) have already checked the caller's scope; this module checks the role rules.
 */
export function createMembership(deps: MembershipDeps) {
  const { store, clock, logger, publicUrl, mailer } = deps;
  const linkOf = (invite: MemberInvite, token: string) => `${publicUrl.replace(/\/+$/, '')}/accept-invite/${invite.id}/${token}/`;
  const newToken = () => randomBytes(32).toString('base64url');

  async function teamsBySlug(org: Organization, slugs: readonly string[]): Promise<Team[]> {
    const teams: Team[] = [];
    for (const slug of new Set(slugs)) {
      const team = await store.teams.bySlug(org.id, slug);
      if (!team) fail('validation_failed', `Unknown team "${slug}"`);
      teams.push(team);
    }
    return teams;
  }

  async function mail(org: Organization, actor: Actor, invite: MemberInvite, link: string): Promise<{ emailSent: boolean; emailError: string | null }> {
    if (!mailer) return { emailSent: false, emailError: null };
    const message = inviteEmail({ orgName: org.name, inviterName: actor.user.name || actor.user.email, role: invite.role, link, expiresAt: invite.expiresAt });
    try {
      await mailer.send({ to: [invite.email], ...message, messageId: `<invite-${invite.id}-${clock.now()}@faultline>`, headers: {} });
      return { emailSent: true, emailError: null };
    } catch (err) {
      // The invitation stands: the inviter gets the link in the response and can pass it on.
      logger.warn({ err, org: org.slug }, 'invitation e-mail failed');
      return { emailSent: false, emailError: err instanceof Error ? err.message : String(err) };
    }
  }

  async function setTeams(org: Organization, memberId: number, wanted: readonly Team[]): Promise<void> {
    const current = (await store.members.teamSlugs(org.id)).get(memberId) ?? [];
    const wantedSlugs = new Set(wanted.map((t) => t.slug));
    for (const team of wanted) if (!current.includes(team.slug)) await store.teams.addMember(team.id, memberId);
    for (const slug of current) {
      if (wantedSlugs.has(slug)) continue;
      const team = await store.teams.bySlug(org.id, slug);
      if (team) await store.teams.removeMember(team.id, memberId);
    }
  }

  async function memberOrFail(org: Organization, memberId: number): Promise<Member> {
    const member = await store.members.byId(org.id, memberId);
    if (!member) fail('not_found', 'Member not found');
    return member;
  }

  async function inviteOrFail(org: Organization, inviteId: number): Promise<MemberInvite> {
    const invite = await store.memberInvites.byId(org.id, inviteId);
    if (!invite) fail('not_found', 'Member not found');
    return invite;
  }

  /** Checks an invitation link; unknown, used and wrong tokens all look the same. */
  async function openInvite(id: number, token: string): Promise<{ invite: MemberInvite; org: Organization }> {
    const invite = await store.memberInvites.byIdAndToken(id, sha256Hex(token));
    const org = invite && (await store.organizations.byId(invite.orgId));
    if (!invite || !org) fail('not_found', 'This invitation does not exist or was already used');
    return { invite, org };
  }

  return {
    async invite(org: Organization, actor: Actor, input: { email: string; role: MemberRole; teamSlugs: readonly string[] }): Promise<InviteOutcome> {
      enforce(checkGrant(actor.role, input.role));
      const teams = await teamsBySlug(org, input.teamSlugs);
      const existing = await store.users.byEmail(input.email);
      if (existing) {
        if (await store.members.find(org.id, existing.id)) fail('conflict', `${input.email} is already a member of this organization`);
        await store.members.add(org.id, existing.id, input.role);
        const member = await store.members.find(org.id, existing.id);
        if (!member) fail('internal', 'membership was not created');
        for (const team of teams) await store.teams.addMember(team.id, member.id);
        return { kind: 'member', member };
      }
      const token = newToken();
      const invite = await store.memberInvites.upsert({
        orgId: org.id,
        email: input.email,
        role: input.role,
        teamIds: teams.map((t) => t.id),
        tokenHash: sha256Hex(token),
        invitedBy: actor.user.id,
        ttlMs: INVITE_TTL_MS,
      });
      const link = linkOf(invite, token);
      return { kind: 'invite', invite, link, ...(await mail(org, actor, invite, link)) };
    },

    /** A new link (the old one stops working) and a new week; e-mailed again when SMTP is set up. */
    async resendInvite(org: Organization, actor: Actor, inviteId: number) {
      const current = await inviteOrFail(org, inviteId);
      enforce(checkGrant(actor.role, current.role));
      const token = newToken();
      const invite = await store.memberInvites.renew(org.id, inviteId, sha256Hex(token), INVITE_TTL_MS);
      if (!invite) fail('not_found', 'Member not found');
      const link = linkOf(invite, token);
      return { invite, link, ...(await mail(org, actor, invite, link)) };
    },

    async cancelInvite(org: Organization, actor: Actor, inviteId: number): Promise<void> {
      enforce(checkGrant(actor.role, (await inviteOrFail(org, inviteId)).role));
      await store.memberInvites.remove(org.id, inviteId);
    },

    async updateMember(org: Organization, actor: Actor, memberId: number, patch: { role?: MemberRole; teamSlugs?: readonly string[] }): Promise<Member> {
      const target = await memberOrFail(org, memberId);
      if (patch.role !== undefined && patch.role !== target.role) {
        enforce(
          checkMemberChange({
            actor: { memberId: actor.memberId, role: actor.role },
            target: { memberId: target.id, role: target.role },
            newRole: patch.role,
            ownerCount: await store.members.countOwners(org.id),
          }),
        );
        await store.members.setRole(org.id, target.id, patch.role);
      }
      if (patch.teamSlugs !== undefined) await setTeams(org, target.id, await teamsBySlug(org, patch.teamSlugs));
      return memberOrFail(org, memberId);
    },

    /** Removal ends the person's access at once: every request checks membership. */
    async removeMember(org: Organization, actor: Actor, memberId: number): Promise<void> {
      const target = await memberOrFail(org, memberId);
      enforce(
        checkMemberChange({
          actor: { memberId: actor.memberId, role: actor.role },
          target: { memberId: target.id, role: target.role },
          newRole: null,
          ownerCount: await store.members.countOwners(org.id),
        }),
      );
      await store.members.remove(org.id, target.id);
    },

    /** What the accept page shows before the person commits. */
    async previewInvite(id: number, token: string) {
      const { invite, org } = await openInvite(id, token);
      return { invite, org, expired: invite.expiresAt <= clock.now(), hasAccount: (await store.users.byEmail(invite.email)) !== undefined };
    },

    /**
     * Turns the invitation into a membership and deletes it (single use). A new address
     * gets an account with the given name and password; an address that has an account by
     * now must be signed in as that account.
     */
    async acceptInvite(
      id: number,
      token: string,
      input: { name: string; password: string | undefined; signedIn: User | null },
    ): Promise<{ user: User; org: Organization; created: boolean }> {
      const { invite, org } = await openInvite(id, token);
      if (invite.expiresAt <= clock.now()) fail('validation_failed', 'This invitation has expired; ask for a new one');
      let user = await store.users.byEmail(invite.email);
      if (user && user.id !== input.signedIn?.id) fail('permission_denied', `Sign in as ${invite.email} to accept this invitation`);
      if (!user && (input.password === undefined || input.password.length < 8)) fail('validation_failed', 'password must be at least 8 characters');
      // Deleting first makes the token single-use even when two requests race.
      if (!(await store.memberInvites.remove(org.id, invite.id))) fail('not_found', 'This invitation does not exist or was already used');
      const created = user === undefined;
      user ??= await store.users.create({
        email: invite.email,
        name: input.name || invite.email.split('@')[0] || invite.email,
        passwordHash: await hashPassword(input.password ?? ''),
      });
      await store.members.add(org.id, user.id, invite.role);
      const member = await store.members.find(org.id, user.id);
      if (member) {
        const teams = new Set((await store.teams.list(org.id)).map((t) => t.id));
        for (const teamId of invite.teamIds) if (teams.has(teamId)) await store.teams.addMember(teamId, member.id);
      }
      return { user, org, created };
    },

    teamsBySlug,
  };
}

export type Membership = ReturnType<typeof createMembership>;
