import { createApp } from '../app.js';
import { systemClock } from '../kernel/index.js';
import { ensureWorkspace } from './bootstrap-workspace.js';
import { openContext } from './context.js';

/** `faultline serve`: migrate, make sure a first workspace exists, listen, and shut down gracefully. */
export async function serve(env: Record<string, string | undefined>): Promise<void> {
  const ctx = await openContext(env);
  const firstUser = await ctx.store.users.first();
  const ws = await ensureWorkspace(ctx);
  const app = await createApp({ config: ctx.config, store: ctx.store, logger: ctx.logger, clock: systemClock });
  const address = await app.server.listen({ port: ctx.config.port, host: ctx.config.host });
  ctx.logger.info({ address, database: ctx.store.dialect.name }, 'listening');

  ctx.out('');
  ctx.out(`Faultline is running: ${ws.url}/`);
  if (!firstUser) {
    ctx.out(`  Sign in as:   ${ws.admin.email}`);
    ctx.out(`  Password:     ${ws.admin.password ?? '(from FAULTLINE_ADMIN_PASSWORD)'}   (shown once)`);
  } else {
    ctx.out(`  Admin login:  ${ws.admin.email}`);
  }
  ctx.out(`  Project DSN:  ${ws.dsn}`);
  ctx.out('');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, 'shutting down');
    // close() stops accepting, lets in-flight requests finish, then runs onClose hooks (workers).
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.server.close();
    await ctx.store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
