import { openContext } from './context.js';

export async function migrate(env: Record<string, string | undefined>): Promise<void> {
  const ctx = await openContext(env);
  const pending = await ctx.store.pendingMigrations();
  ctx.out(pending.length === 0 ? 'migrations: up to date' : `migrations pending: ${pending.join(', ')}`);
  await ctx.store.close();
}
