import { type AddressInfo, createServer } from 'node:net';
import { type App, createApp } from '../app.js';
import { ensureWorkspace, type Workspace } from '../cli/bootstrap-workspace.js';
import { type Config, loadConfig } from '../config/index.js';
import { type Clock, createSilentLogger, type Logger, systemClock } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { type DialectName, openTestDatabase, type TestDatabase } from './test-databases.js';

/**
 * A real Faultline listening on a loopback port, backed by a private test
 * database, with a bootstrapped workspace (admin, org, project, DSN, token).
 * Black-box tests talk to `url` over real HTTP.
 */
export interface TestServer {
  url: string;
  app: App;
  store: Store;
  config: Config;
  database: TestDatabase;
  workspace: Workspace & { adminPassword: string };
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: DialectName;
  clock?: Clock;
  /** extra configuration variables (FAULTLINE_*) */
  env?: Record<string, string>;
  /** where the server logs; silent by default (tests that read audit lines pass their own) */
  logger?: Logger;
}

export const testAdminPassword = 'correct horse battery staple';

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = options.clock ?? systemClock;
  const database = await openTestDatabase(options.dialect ?? 'sqlite', clock);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...database.env,
    FAULTLINE_ADMIN_PASSWORD: testAdminPassword,
    FAULTLINE_LOG_LEVEL: 'silent',
    FAULTLINE_PORT: String(port),
    FAULTLINE_HOST: '127.0.0.1',
    FAULTLINE_URL: url,
    // In-process servers process on the main thread (a thread per test server costs ~50 MB and a
    // start-up); servers started through the CLI (e2e, crash safety) run the default thread.
    FAULTLINE_WORKER_THREADS: '0',
    ...options.env,
  });
  const logger = options.logger ?? createSilentLogger();
  const app = await createApp({ config, store: database.store, logger, clock });
  await app.server.listen({ port, host: '127.0.0.1' });
  const secretKey = 'test-secret-key-that-is-long-enough-0123456789';
  const workspace = await ensureWorkspace({ config, secretKey, store: database.store, logger, out: () => {} });
  return {
    url,
    app,
    store: database.store,
    config,
    database,
    workspace: { ...workspace, adminPassword: testAdminPassword },
    async close() {
      await app.server.close();
      await database.cleanup();
    },
  };
}

/** A port the kernel just handed out; the URL (used in DSNs and tokens) must be known before the app is built. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
