import { randomBytes } from 'node:crypto';
import { type Clock, constantTimeEqual, fail, type Logger, sha256Hex } from '../kernel/index.js';
import type { Member, MemberRole } from '../members/index.js';
import type { Organization, Project } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import { expandScopes, roleScopes, type Scope } from './scopes.js';
import type { User } from './store/users.js';
import { mintOrgToken, mintUserToken } from './token-format.js';

export interface AuthOptions {
  store: Store;
  clock: Clock;
  /** receives the audit line of every request only the superuser flag allows */
  logger: Logger;
  /** public base URL, embedded in organization tokens */
  publicUrl: string;
  sessionTtlMs?: number;
  /** failed sign-ins allowed per e-mail and per client address within the window */
  maxFailedSignIns?: number;
  signInWindowMs?: number;
}

export interface OrgAccess {
  org: Organization;
  /** the role the caller acts with: their membership's, or owner for a superuser's session */
  role: MemberRole;
  scopes: ReadonlySet<Scope>;
  /** the caller's own membership; null when only superuser powers let them in */
  member: Member | null;
}

/**
 * Superuser powers belong to a signed-in session only, as in Sentry, where they need an active
 * superuser session; a token acts within its scopes and its owner's memberships and nothing more
 * (Sentry API docs, "Authentication"). A leaked token of an administrator then stays a token.
 */
const actsAsSuperuser = (principal: Principal): boolean => principal.kind === 'session' && principal.user.isSuperuser;

const dayMs = 24 * 60 * 60 * 1000;
/** How stale an API token's `last_used_at` may get before a request refreshes it. */
const tokenTouchEveryMs = 60_000;

export function createAuth(options: AuthOptions) {
  const { store, clock, logger } = options;
  // One audit line per request and organization, though a route may check access twice (each check names the scope, not the request).
  const audited = new WeakMap<Principal, Set<number>>();

  function auditSuperuserAccess(principal: Principal, org: Organization, member: Member | null): void {
    const seen = audited.get(principal) ?? new Set<number>();
    if (seen.has(org.id)) return;
    seen.add(org.id);
    audited.set(principal, seen);
    logger.info(
      {
        audit: 'superuser_access',
        userId: principal.user.id,
        email: principal.user.email,
        org: org.slug,
        orgId: org.id,
        memberRole: member?.role ?? null,
        route: principal.route ?? null,
      },
      'superuser access to an organization beyond their membership',
    );
  }
  const sessionTtlMs = options.sessionTtlMs ?? 14 * dayMs;
  const maxFailed = options.maxFailedSignIns ?? 5;
  const windowMs = options.signInWindowMs ?? 15 * 60 * 1000;

  async function principalFromToken(token: string): Promise<Principal | undefined> {
    const record = await store.apiTokens.byHash(sha256Hex(token));
    const now = clock.now();
    if (!record || (record.expiresAt !== null && record.expiresAt <= now)) return undefined;
    const user = await store.users.byId(record.userId);
    if (!user) return undefined;
    // "Last used" to the minute: a read API call should not become a write every time.
    if (record.lastUsedAt === null || now - record.lastUsedAt >= tokenTouchEveryMs) await store.apiTokens.touch(record.id, tokenTouchEveryMs);
    return { kind: 'token', user, token: record };
  }

  async function principalFromSession(sessionId: string): Promise<Principal | undefined> {
    const idHash = sha256Hex(sessionId);
    const session = await store.sessions.find(idHash);
    if (!session) return undefined;
    const user = await store.users.byId(session.userId);
    if (!user) return undefined;
    return { kind: 'session', user, sessionIdHash: idHash, csrfToken: session.csrfToken };
  }

  async function startSession(userId: number): Promise<{ sessionId: string; csrfToken: string }> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await store.sessions.create(sha256Hex(sessionId), userId, csrfToken, sessionTtlMs);
    return { sessionId, csrfToken };
  }

  /**
   * Resolves the caller's access to an organization; unknown and foreign orgs look the same (404).
   * This is the one place membership is checked, so a superuser's session is an owner of every
   * organization here (audited whenever that goes beyond their own role) and everywhere.
   */
  async function orgAccess(principal: Principal, orgIdOrSlug: string, scope: Scope): Promise<OrgAccess> {
    const org = /^\d+$/.test(orgIdOrSlug) ? await store.organizations.byId(Number(orgIdOrSlug)) : await store.organizations.bySlug(orgIdOrSlug);
    if (!org) fail('not_found', 'Organization not found');
    if (principal.kind === 'token' && principal.token.orgId !== null && principal.token.orgId !== org.id) fail('not_found', 'Organization not found');
    const member = (await store.members.find(org.id, principal.user.id)) ?? null;
    const superuser = actsAsSuperuser(principal);
    if (!member && !superuser) fail('not_found', 'Organization not found');
    const role: MemberRole = superuser ? 'owner' : (member?.role ?? 'member');
    const granted = expandScopes(roleScopes[role]);
    const scopes = principal.kind === 'token' ? new Set([...expandScopes(principal.token.scopes)].filter((s) => granted.has(s))) : granted;
    if (!scopes.has(scope)) fail('missing_scope', `This action requires the ${scope} scope`);
    // Audited when the superuser flag is what allows this request; what their own role allows is ordinary membership.
    if (superuser && !(member && expandScopes(roleScopes[member.role]).has(scope))) auditSuperuserAccess(principal, org, member);
    return { org, role, scopes, member };
  }

  return {
    principalFromToken,
    principalFromSession,
    orgAccess,

    async projectAccess(principal: Principal, orgIdOrSlug: string, projectIdOrSlug: string, scope: Scope): Promise<OrgAccess & { project: Project }> {
      const access = await orgAccess(principal, orgIdOrSlug, scope);
      const project = /^\d+$/.test(projectIdOrSlug)
        ? await store.projects.byId(Number(projectIdOrSlug))
        : await store.projects.bySlug(access.org.id, projectIdOrSlug);
      if (!project || project.orgId !== access.org.id) fail('not_found', 'Project not found');
      return { ...access, project };
    },

    /** The organizations the caller may open: all of them for a superuser's session, an organization token's own, else their memberships. */
    async organizations(principal: Principal): Promise<Organization[]> {
      if (actsAsSuperuser(principal)) return store.organizations.all();
      const mine = await store.organizations.forUser(principal.user.id);
      return principal.kind === 'token' && principal.token.orgId !== null ? mine.filter((o) => o.id === principal.token.orgId) : mine;
    },

    /** Scopes the principal holds in general (for `GET /api/0/`): the token's, or every scope of a session. */
    principalScopes(principal: Principal): Scope[] {
      return principal.kind === 'token' ? [...expandScopes(principal.token.scopes)] : [...expandScopes(roleScopes.owner)];
    },

    /**
     * Password sign-in, limited per e-mail and per client address so guessing
     * stays slow even across several server processes (attempts live in the database).
     */
    async signIn(email: string, password: string, clientAddress: string): Promise<{ sessionId: string; csrfToken: string; user: User }> {
      const subjects = [`email:${email.toLowerCase()}`, `ip:${clientAddress}`];
      for (const s of subjects) {
        const limit = s.startsWith('ip:') ? maxFailed * 4 : maxFailed;
        if ((await store.signInAttempts.countSince(s, windowMs)) >= limit) {
          fail('too_many_requests', 'Too many failed sign-in attempts; try again later', { 'retry-after': String(Math.ceil(windowMs / 1000)) });
        }
      }
      const user = await store.users.byEmail(email);
      const hash = user ? await store.users.passwordHash(user.id) : null;
      // Verify against a dummy hash when the user is unknown so timing does not reveal which e-mails exist.
      // An unknown user still pays for one verification, against a dummy hash, and fails.
      const ok = hash ? await verifyPassword(password, hash) : await verifyPassword(password, await dummyHash()).then(() => false);
      if (!ok || !user) {
        for (const s of subjects) await store.signInAttempts.record(s);
        fail('invalid_credentials');
      }
      await store.signInAttempts.clear(subjects[0] as string);
      return { ...(await startSession(user.id)), user };
    },

    /** A session for someone who proved who they are another way (an accepted invitation link). */
    startSession,

    async signOut(principal: Principal): Promise<void> {
      if (principal.kind === 'session') await store.sessions.remove(principal.sessionIdHash);
    },

    checkCsrf(principal: Principal, headerValue: string | undefined): void {
      if (principal.kind !== 'session') return;
      if (!headerValue || !constantTimeEqual(headerValue, principal.csrfToken)) fail('csrf_failed');
    },

    sessionTtlSeconds: Math.floor(sessionTtlMs / 1000),

    /** Creates a token; the plain value is returned once and only its digest is stored. */
    async createToken(input: { user: User; org: Organization | null; name: string; scopes: Scope[] }): Promise<{ token: string; id: number }> {
      const token = input.org ? mintOrgToken(options.publicUrl, input.org.slug, clock.now()) : mintUserToken();
      const record = await store.apiTokens.create({
        userId: input.user.id,
        orgId: input.org?.id ?? null,
        name: input.name,
        tokenHash: sha256Hex(token),
        lastChars: token.slice(-4),
        scopes: input.scopes,
      });
      return { token, id: record.id };
    },

    hashPassword,
  };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

export type Auth = ReturnType<typeof createAuth>;
