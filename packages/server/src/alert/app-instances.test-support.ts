import { type App, createApp } from '../app.js';
import { type Config, loadConfig } from '../config/index.js';
import { type Clock, createSilentLogger } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store/index.js';
import { freePort, type TestDatabase } from '../testing/index.js';

/**
 * One Faultline "process" on a shared test database: its own store connection and app,
 * listening on its own port — what a second server process or a restart looks like.
 */
export interface AppInstance {
  url: string;
  app: App;
  store: Store;
  config: Config;
  close(): Promise<void>;
}

export async function startInstance(database: TestDatabase, clock: Clock, env: Record<string, string> = {}): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...database.env,
    FAULTLINE_LOG_LEVEL: 'silent',
    FAULTLINE_PORT: String(port),
    FAULTLINE_HOST: '127.0.0.1',
    FAULTLINE_URL: url,
    FAULTLINE_WORKER_ENABLED: 'false',
    FAULTLINE_ALERTS_ENABLED: 'false',
    ...env,
  });
  // A connection of its own, as a separate process would have (DATABASE_URL carries the test schema).
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock });
  const app = await createApp({ config, store, logger: createSilentLogger(), clock });
  // The loops stay off, but alerting's scheduled tasks are there for `scheduler.tick()`, as in a process with alerting on.
  if (!config.alertsEnabled) for (const task of app.alerting.tasks) app.jobs.scheduler.add(task);
  await app.server.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    config,
    async close() {
      await app.server.close();
      await store.close();
    },
  };
}
