import type { FastifyInstance } from 'fastify';
import { fail } from '../kernel/index.js';
import type { Store } from '../store/index.js';

export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  // Liveness: the process answers. Nothing else is checked so a slow database never gets it restarted.
  app.get('/_health', async () => ({ status: 'ok' }));

  // Readiness: the database answers and every migration is applied.
  app.get('/_ready', async () => {
    try {
      await store.dialect.ping();
    } catch {
      fail('not_ready', 'Database is not reachable');
    }
    const pending = await store.pendingMigrations();
    if (pending.length > 0) fail('not_ready', `Migrations pending: ${pending.join(', ')}`);
    return { status: 'ready', database: store.dialect.name };
  });
}
