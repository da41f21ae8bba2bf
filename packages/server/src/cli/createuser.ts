import { hashPassword } from '../auth/index.js';
import { fail } from '../kernel/index.js';
import { isMemberRole, memberRoles } from '../members/index.js';
import { parseCommandArgs } from './args.js';
import { openContext, UsageError } from './context.js';

/**
 * `faultline createuser --email E --password P [--superuser] [--org ORG [--role ROLE]] [--name N] [--json]`.
 * `--superuser` administers the whole installation; `--org` makes an ordinary member instead
 * (role `member` unless `--role` says otherwise). Both together are allowed.
 */
export async function createuser(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    superuser: { type: 'boolean' },
    org: { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new UsageError('createuser needs --email with an e-mail address');
  if (!values.password || values.password.length < 8) throw new UsageError('createuser needs --password of at least 8 characters');
  if (values.role !== undefined && !isMemberRole(values.role)) {
    throw new UsageError(`unknown role "${values.role}": --role is one of ${memberRoles.join(', ')}`);
  }
  if (values.role !== undefined && values.org === undefined) throw new UsageError('createuser --role needs --org, the organization to join');
  const role = values.role ?? 'member';
  const ctx = await openContext(env);
  try {
    // Not usage errors: the command was right, the database disagrees (exit 1, no usage text).
    if (await ctx.store.users.byEmail(values.email)) fail('conflict', `a user with e-mail ${values.email.toLowerCase()} already exists`);
    // The organization is checked before the user exists, so a typo leaves nothing behind.
    const org = values.org === undefined ? undefined : await ctx.store.organizations.bySlug(values.org);
    if (values.org !== undefined && !org)
      fail('not_found', `no organization "${values.org}" (organizations are created with "faultline project create ORG/PROJECT")`);
    const user = await ctx.store.users.create({
      email: values.email,
      name: values.name ?? values.email.split('@')[0] ?? values.email,
      passwordHash: await hashPassword(values.password),
      isSuperuser: values.superuser === true,
    });
    if (org) await ctx.store.members.add(org.id, user.id, role);
    const memberships = org ? [{ org: org.slug, role }] : [];
    ctx.out(
      values.json
        ? JSON.stringify({ id: user.id, email: user.email, superuser: user.isSuperuser, memberships })
        : `created user ${user.email} (id ${user.id})${user.isSuperuser ? ', superuser' : ''}${org ? `, ${role} of ${org.slug}` : ''}`,
    );
  } finally {
    await ctx.store.close();
  }
}
