import { createProvisioning, formatDsn } from '../organizations/index.js';
import { parseCommandArgs } from './args.js';
import { defaultOwner } from './bootstrap-workspace.js';
import { openContext, UsageError } from './context.js';

/** `faultline project create ORG/PROJECT [--platform P] [--owner EMAIL] [--json]`: creates the org too when missing. */
export async function projectCreate(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, {
    platform: { type: 'string' },
    name: { type: 'string' },
    owner: { type: 'string' },
    json: { type: 'boolean' },
  });
  const target = positionals[0];
  const match = target ? /^([^/]+)\/([^/]+)$/.exec(target) : null;
  if (!match || positionals.length !== 1) throw new UsageError('usage: faultline project create ORG/PROJECT [--platform node] [--owner EMAIL] [--json]');
  const [, orgSlug, projectSlug] = match as unknown as [string, string, string];
  const ctx = await openContext(env);
  try {
    const owner = values.owner ? await ctx.store.users.byEmail(values.owner) : await defaultOwner(ctx);
    if (!owner) throw new UsageError(`no user with e-mail ${values.owner}`);
    const provisioning = createProvisioning(ctx.store);
    const { org } = await provisioning.ensureOrganization(orgSlug, orgSlug, owner);
    const { project, key, created } = await provisioning.ensureProject(org, {
      slug: projectSlug,
      name: values.name ?? projectSlug,
      platform: values.platform ?? null,
    });
    const url = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
    const dsn = formatDsn(url, key);
    if (values.json) ctx.out(JSON.stringify({ org: org.slug, project: project.slug, projectId: project.id, dsn, created }));
    else ctx.out(`${created ? 'created' : 'exists:'} ${org.slug}/${project.slug} (id ${project.id})\ndsn: ${dsn}`);
  } finally {
    await ctx.store.close();
  }
}
