import { hashPassword } from '../auth/index.js';
import { fail } from '../kernel/index.js';
import { parseCommandArgs } from './args.js';
import { openContext, UsageError } from './context.js';

export async function createuser(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    superuser: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new UsageError('createuser needs --email with an e-mail address');
  if (!values.password || values.password.length < 8) throw new UsageError('createuser needs --password of at least 8 characters');
  const ctx = await openContext(env);
  try {
    // Not a usage error: the command was right, the database disagrees (exit 1, no usage text).
    if (await ctx.store.users.byEmail(values.email)) fail('conflict', `a user with e-mail ${values.email.toLowerCase()} already exists`);
    const user = await ctx.store.users.create({
      email: values.email,
      name: values.name ?? values.email.split('@')[0] ?? values.email,
      passwordHash: await hashPassword(values.password),
      isSuperuser: values.superuser === true,
    });
    ctx.out(values.json ? JSON.stringify({ id: user.id, email: user.email, superuser: user.isSuperuser }) : `created user ${user.email} (id ${user.id})`);
  } finally {
    await ctx.store.close();
  }
}
