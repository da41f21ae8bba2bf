import { parseCommandArgs } from './args.js';
import { announceGeneratedAdmin, ensureWorkspace } from './bootstrap-workspace.js';
import { openContext } from './context.js';

/** `faultline bootstrap [--json]`: idempotent; the last stdout line with --json is one JSON object. */
export async function bootstrap(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const ctx = await openContext(env);
  try {
    const ws = await ensureWorkspace(ctx);
    if (values.json) {
      announceGeneratedAdmin(ws.admin);
      ctx.out(JSON.stringify({ url: ws.url, org: ws.org, project: ws.project, projectId: ws.projectId, dsn: ws.dsn, token: ws.token }));
      return;
    }
    ctx.out(`url:      ${ws.url}`);
    ctx.out(`org:      ${ws.org}`);
    ctx.out(`project:  ${ws.project} (id ${ws.projectId})`);
    ctx.out(`dsn:      ${ws.dsn}`);
    ctx.out(`token:    ${ws.token}`);
    if (ws.admin.password) ctx.out(`admin:    ${ws.admin.email} / ${ws.admin.password}`);
  } finally {
    await ctx.store.close();
  }
}
