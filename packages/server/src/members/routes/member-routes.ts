import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Auth, type OrgAccess, requirePrincipal, sessionCookie, userJson } from '../../auth/index.js';
import { jsonObject, optionalString, paginate, readPage } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import { type Organization, teamJson } from '../../organizations/index.js';
import type { Store } from '../../store/index.js';
import type { Actor, Membership } from '../membership.js';
import { inviteJson, memberJson } from '../read/member-json.js';
import { isMemberRole, type MemberRole } from '../store/members.js';

type OrgParams = { org: string };
type MemberParams = OrgParams & { member: string };
type MemberTeamParams = MemberParams & { team: string };
type InviteParams = { id: string; token: string };

/** `me`, a member id, or `invite-<id>` for a pending invitation. */
type MemberRef = { kind: 'member'; id: number } | { kind: 'invite'; id: number } | { kind: 'me' };

function memberRef(text: string): MemberRef {
  if (text === 'me') return { kind: 'me' };
  if (/^\d{1,15}$/.test(text)) return { kind: 'member', id: Number(text) };
  const m = /^invite-(\d{1,15})$/.exec(text);
  if (m) return { kind: 'invite', id: Number(m[1]) };
  fail('not_found', 'Member not found');
}

function roleField(body: Record<string, unknown>): MemberRole | undefined {
  // Sentry's newer clients send `orgRole`, older ones `role`.
  const v = body.orgRole ?? body.role;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !isMemberRole(v)) fail('validation_failed', 'orgRole must be one of member, admin, manager, owner');
  return v;
}

function teamsField(body: Record<string, unknown>): string[] | undefined {
  const v = body.teams;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 100 || !v.every((t) => typeof t === 'string' && t.length <= 100)) {
    fail('validation_failed', 'teams must be a list of team slugs');
  }
  return v as string[];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerMemberRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; store: Store; clock: Clock; membership: Membership; secureCookies: boolean },
): void {
  const { auth, store, clock, membership } = deps;

  // A superuser outside the organization acts as an owner without a membership of their own.
  const actorOf = (request: FastifyRequest, access: OrgAccess): Actor => ({
    user: requirePrincipal(request).user,
    memberId: access.member?.id ?? null,
    role: access.role,
  });

  /** The member id a reference names (`me` is the caller, who may have no membership). */
  function resolveMember(ref: Exclude<MemberRef, { kind: 'invite' }>, actor: Actor): number {
    if (ref.kind !== 'me') return ref.id;
    if (actor.memberId === null) fail('not_found', 'Member not found');
    return actor.memberId;
  }

  async function listJson(org: Organization) {
    const [members, invites, teams, teamSlugs] = await Promise.all([
      store.members.list(org.id),
      store.memberInvites.list(org.id),
      store.teams.list(org.id),
      store.members.teamSlugs(org.id),
    ]);
    const slugById = new Map(teams.map((t) => [t.id, t.slug]));
    const now = clock.now();
    return [...members.map((m) => memberJson(m, teamSlugs.get(m.id) ?? [])), ...invites.map((i) => inviteJson(i, slugById, now))];
  }

  async function oneJson(org: Organization, memberId: number) {
    const member = await store.members.byId(org.id, memberId);
    if (!member) fail('not_found', 'Member not found');
    return memberJson(member, (await store.members.teamSlugs(org.id)).get(member.id) ?? []);
  }

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/members/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'member:read');
    return paginate(request, reply, await listJson(org), readPage(request));
  });

  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/members/', async (request, reply) => {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'member:write');
    const body = jsonObject(request.body);
    const email = optionalString(body, 'email', 320)?.trim().toLowerCase();
    if (!email || !emailPattern.test(email)) fail('validation_failed', 'email must be an e-mail address');
    const outcome = await membership.invite(access.org, actorOf(request, access), {
      email,
      role: roleField(body) ?? 'member',
      teamSlugs: teamsField(body) ?? [],
    });
    if (outcome.kind === 'member') return reply.code(201).send(await oneJson(access.org, outcome.member.id));
    const teams = new Map((await store.teams.list(access.org.id)).map((t) => [t.id, t.slug]));
    return reply.code(201).send({
      ...inviteJson(outcome.invite, teams, clock.now()),
      // Shown once: only the digest of the token is stored.
      inviteLink: outcome.link,
      emailSent: outcome.emailSent,
      emailError: outcome.emailError,
    });
  });

  app.get<{ Params: MemberParams }>('/api/0/organizations/:org/members/:member/', async (request) => {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'member:read');
    const ref = memberRef(request.params.member);
    if (ref.kind === 'invite') {
      const invite = await store.memberInvites.byId(access.org.id, ref.id);
      if (!invite) fail('not_found', 'Member not found');
      const teams = new Map((await store.teams.list(access.org.id)).map((t) => [t.id, t.slug]));
      return inviteJson(invite, teams, clock.now());
    }
    return oneJson(access.org, resolveMember(ref, actorOf(request, access)));
  });

  app.put<{ Params: MemberParams }>('/api/0/organizations/:org/members/:member/', async (request) => {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'member:write');
    const actor = actorOf(request, access);
    const ref = memberRef(request.params.member);
    const body = jsonObject(request.body);
    if (ref.kind === 'invite') {
      // Sentry's "resend invite": `{"reinvite": true}` (we always mint a new link, its `regenerate`).
      if (body.reinvite !== true && body.reinvite !== 1)
        fail('validation_failed', 'a pending invitation can only be resent ({"reinvite": true}); cancel it to change it');
      const out = await membership.resendInvite(access.org, actor, ref.id);
      const teams = new Map((await store.teams.list(access.org.id)).map((t) => [t.id, t.slug]));
      return { ...inviteJson(out.invite, teams, clock.now()), inviteLink: out.link, emailSent: out.emailSent, emailError: out.emailError };
    }
    const role = roleField(body);
    const teamSlugs = teamsField(body);
    const memberId = resolveMember(ref, actor);
    await membership.updateMember(access.org, actor, memberId, { ...(role ? { role } : {}), ...(teamSlugs ? { teamSlugs } : {}) });
    return oneJson(access.org, memberId);
  });

  app.delete<{ Params: MemberParams }>('/api/0/organizations/:org/members/:member/', async (request, reply) => {
    const principal = requirePrincipal(request);
    const ref = memberRef(request.params.member);
    // Leaving is allowed to everyone (member:read); removing someone else needs member:write.
    const probe = await auth.orgAccess(principal, request.params.org, 'member:read');
    const actor = actorOf(request, probe);
    const self = ref.kind === 'me' || (ref.kind === 'member' && ref.id === actor.memberId);
    const access = self ? probe : await auth.orgAccess(principal, request.params.org, 'member:write');
    if (ref.kind === 'invite') await membership.cancelInvite(access.org, actor, ref.id);
    else await membership.removeMember(access.org, actor, resolveMember(ref, actor));
    return reply.code(204).send();
  });

  async function teamLink(request: FastifyRequest<{ Params: MemberTeamParams }>) {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'team:write');
    const actor = actorOf(request, access);
    const ref = memberRef(request.params.member);
    if (ref.kind === 'invite') fail('validation_failed', 'a pending invitation joins its teams when accepted');
    const memberId = resolveMember(ref, actor);
    if (!(await store.members.byId(access.org.id, memberId))) fail('not_found', 'Member not found');
    const team = await store.teams.bySlug(access.org.id, request.params.team);
    if (!team) fail('not_found', 'Team not found');
    return { memberId, team };
  }

  app.post<{ Params: MemberTeamParams }>('/api/0/organizations/:org/members/:member/teams/:team/', async (request, reply) => {
    const { memberId, team } = await teamLink(request);
    await store.teams.addMember(team.id, memberId);
    return reply.code(201).send({ ...teamJson(team), isMember: true });
  });

  app.delete<{ Params: MemberTeamParams }>('/api/0/organizations/:org/members/:member/teams/:team/', async (request) => {
    const { memberId, team } = await teamLink(request);
    await store.teams.removeMember(team.id, memberId);
    return { ...teamJson(team), isMember: false };
  });

  // The invitation link (no sign-in needed: the token is the credential).
  function inviteParams(params: InviteParams): { id: number; token: string } {
    if (!/^\d{1,15}$/.test(params.id) || !/^[A-Za-z0-9_-]{20,100}$/.test(params.token)) fail('not_found', 'This invitation does not exist or was already used');
    return { id: Number(params.id), token: params.token };
  }

  app.get<{ Params: InviteParams }>('/api/0/accept-invite/:id/:token/', async (request) => {
    const { id, token } = inviteParams(request.params);
    const { invite, org, expired, hasAccount } = await membership.previewInvite(id, token);
    return {
      organization: { slug: org.slug, name: org.name },
      email: invite.email,
      orgRole: invite.role,
      expired,
      dateExpires: new Date(invite.expiresAt).toISOString(),
      // An address that has an account by now accepts by signing in as it, not with a new password.
      needsSignIn: hasAccount,
      signedInAs: request.principal?.user.email ?? null,
    };
  });

  app.post<{ Params: InviteParams }>('/api/0/accept-invite/:id/:token/', async (request, reply) => {
    const { id, token } = inviteParams(request.params);
    const body = jsonObject(request.body);
    const name = optionalString(body, 'name', 200)?.trim() ?? '';
    const password = optionalString(body, 'password', 1024);
    const signedIn = request.principal?.kind === 'session' ? request.principal.user : null;
    const { user, org, created } = await membership.acceptInvite(id, token, { name, password, signedIn });
    if (!created) return { user: userJson(user), organization: { slug: org.slug, name: org.name }, csrfToken: null };
    const { sessionId, csrfToken } = await auth.startSession(user.id);
    void reply.header('set-cookie', sessionCookie(sessionId, auth.sessionTtlSeconds, deps.secureCookies));
    return { user: userJson(user), organization: { slug: org.slug, name: org.name }, csrfToken };
  });
}
