import { createHmac, randomBytes } from 'node:crypto';
import type { User } from '../auth/index.js';
import { allScopes, hashPassword } from '../auth/index.js';
import { sha256Hex } from '../kernel/index.js';
import type { Organization } from '../organizations/index.js';
import { createProvisioning, formatDsn } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import type { CliContext } from './context.js';

export const defaultOrgSlug = 'faultline';
export const defaultProjectSlug = 'default';

/**
 * The admin user: the first superuser, or one created from config. `password`
 * is set only when it was generated just now: it exists nowhere else, so the
 * caller must show it (and must not echo a configured one).
 */
export async function ensureAdmin(ctx: CliContext): Promise<{ user: User; password: string | null }> {
  const existing = await ctx.store.users.byEmail(ctx.config.adminEmail);
  if (existing) return { user: existing, password: null };
  const first = await ctx.store.users.first();
  if (first) return { user: first, password: null };
  const generated = ctx.config.adminPassword === null ? randomBytes(12).toString('base64url') : null;
  const password = ctx.config.adminPassword ?? generated ?? '';
  const user = await ctx.store.users.create({ email: ctx.config.adminEmail, name: 'Admin', passwordHash: await hashPassword(password), isSuperuser: true });
  return { user, password: generated };
}

/** For commands whose stdout is machine-readable: a generated admin password goes to stderr, once. */
export function announceGeneratedAdmin(admin: { email: string; password: string | null }): void {
  if (admin.password) process.stderr.write(`faultline: created admin ${admin.email} with password ${admin.password} (shown once)\n`);
}

/** The admin as the default owner of what a command creates. */
export async function defaultOwner(ctx: CliContext): Promise<User> {
  const admin = await ensureAdmin(ctx);
  announceGeneratedAdmin({ email: admin.user.email, password: admin.password });
  return admin.user;
}

/**
 * The bootstrap token is derived from the secret key, so `bootstrap` can be
 * run again and print the same token while only its digest is stored.
 */
function bootstrapToken(secretKey: string, publicUrl: string, org: Organization, user: User): string {
  const payload = Buffer.from(JSON.stringify({ iat: Math.floor(org.createdAt / 1000), url: publicUrl, region_url: publicUrl, org: org.slug })).toString(
    'base64',
  );
  const secret = createHmac('sha256', secretKey).update(`bootstrap:${org.id}:${user.id}`).digest('base64').replace(/=+$/, '');
  return `sntrys_${payload}_${secret}`;
}

export async function ensureBootstrapToken(store: Store, secretKey: string, publicUrl: string, org: Organization, user: User): Promise<string> {
  const token = bootstrapToken(secretKey, publicUrl, org, user);
  const hash = sha256Hex(token);
  if (!(await store.apiTokens.byHash(hash))) {
    await store.apiTokens.create({ userId: user.id, orgId: org.id, name: 'bootstrap', tokenHash: hash, lastChars: token.slice(-4), scopes: [...allScopes] });
  }
  return token;
}

export interface Workspace {
  url: string;
  org: string;
  project: string;
  projectId: number;
  dsn: string;
  token: string;
  admin: { email: string; password: string | null };
}

/** Idempotent: ensures admin, organization, project, client key and bootstrap token exist. */
export async function ensureWorkspace(ctx: CliContext): Promise<Workspace> {
  const url = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const provisioning = createProvisioning(ctx.store);
  const { user, password } = await ensureAdmin(ctx);
  const orgs = await ctx.store.organizations.forUser(user.id);
  const org = orgs[0] ?? (await provisioning.ensureOrganization(defaultOrgSlug, 'Faultline', user)).org;
  const projects = await ctx.store.projects.list(org.id);
  const { project, key } = await provisioning.ensureProject(
    org,
    projects[0] ? { slug: projects[0].slug } : { slug: defaultProjectSlug, name: 'Default', platform: 'node' },
  );
  const token = await ensureBootstrapToken(ctx.store, ctx.secretKey, url, org, user);
  return { url, org: org.slug, project: project.slug, projectId: project.id, dsn: formatDsn(url, key), token, admin: { email: user.email, password } };
}
