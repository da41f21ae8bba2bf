import type { User } from '../auth/index.js';
import { hashPassword, type Scope } from '../auth/index.js';
import type { MemberRole } from '../members/index.js';
import type { ClientKey, Organization, Project } from '../organizations/index.js';
import type { TestServer } from './test-server.js';

/**
 * More people and organizations beside the bootstrapped workspace, made the
 * way the product makes them (store + provisioning + auth), for access tests.
 */
export const personPassword = 'another horse battery staple';

export async function addPerson(
  server: TestServer,
  email: string,
  memberships: Record<string, MemberRole> = {},
  options: { superuser?: boolean } = {},
): Promise<User> {
  const user = await server.store.users.create({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await hashPassword(personPassword),
    isSuperuser: options.superuser === true,
  });
  for (const [slug, role] of Object.entries(memberships)) {
    const org = await server.store.organizations.bySlug(slug);
    if (!org) throw new Error(`addPerson: no organization ${slug}`);
    await server.store.members.add(org.id, user.id, role);
  }
  return user;
}

/** An organization owned by `owner`, with one project and its client key. */
export async function addOrganization(
  server: TestServer,
  slug: string,
  owner: User,
  projectSlug = `${slug}-app`,
): Promise<{ org: Organization; project: Project; key: ClientKey }> {
  const { org } = await server.app.provisioning.ensureOrganization(slug, slug.toUpperCase(), owner);
  const { project, key } = await server.app.provisioning.ensureProject(org, { slug: projectSlug, platform: 'node' });
  return { org, project, key };
}

/** A token minted as the product mints them; `org` makes it an organization token. */
export async function mintToken(server: TestServer, user: User, scopes: Scope[], org: Organization | null = null): Promise<string> {
  return (await server.app.auth.createToken({ user, org, name: 'test', scopes })).token;
}
