import { createAuth, parseScopes } from '../auth/index.js';
import { systemClock } from '../kernel/index.js';
import { parseCommandArgs } from './args.js';
import { defaultOwner } from './bootstrap-workspace.js';
import { openContext, UsageError } from './context.js';

/** `faultline token create --scopes "…" [--org ORG] [--user EMAIL] [--name N] [--json]`: prints the token once. */
export async function tokenCreate(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    scopes: { type: 'string' },
    org: { type: 'string' },
    user: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.scopes) throw new UsageError('token create needs --scopes "org:read project:releases …"');
  const parsed = parseScopes(values.scopes);
  if (!parsed.ok) throw new UsageError(parsed.reason);
  const ctx = await openContext(env);
  try {
    const user = values.user ? await ctx.store.users.byEmail(values.user) : await defaultOwner(ctx);
    if (!user) throw new UsageError(`no user with e-mail ${values.user}`);
    const org = values.org ? ((await ctx.store.organizations.bySlug(values.org)) ?? null) : null;
    if (values.org && !org) throw new UsageError(`no organization "${values.org}"`);
    if (org && !(await ctx.store.members.find(org.id, user.id))) throw new UsageError(`${user.email} is not a member of ${org.slug}`);
    const auth = createAuth({
      store: ctx.store,
      clock: systemClock,
      logger: ctx.logger,
      publicUrl: ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`,
    });
    const { token, id } = await auth.createToken({ user, org, name: values.name ?? 'cli', scopes: parsed.scopes });
    ctx.out(values.json ? JSON.stringify({ id, token, scopes: parsed.scopes, org: org?.slug ?? null, user: user.email }) : token);
  } finally {
    await ctx.store.close();
  }
}
