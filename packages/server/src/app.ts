import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { installErrorHandling, installPrincipalResolution, registerApiRoutes } from './api/index.js';
import { type Auth, createAuth } from './auth/index.js';
import type { Config } from './config/index.js';
import { createIngest } from './ingest/index.js';
import { createMinimalProcessor, createQueueWriter, createWorker, type QueueWriter, type Worker } from './jobs/index.js';
import type { Clock, Logger } from './kernel/index.js';
import { registerStatsRoutes } from './outcomes/index.js';
import { createProvisioning, type Provisioning } from './provision/index.js';
import type { Store } from './store/index.js';

export interface AppDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** directory of the built web UI; defaults to packages/web/dist */
  webRoot?: string;
}

export interface App {
  server: FastifyInstance;
  auth: Auth;
  provisioning: Provisioning;
  counters: { unexpected: number };
  /** the durable ingest queue: its write side and the worker that processes it */
  jobs: { queue: QueueWriter; worker: Worker };
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The only wiring: every subsystem is built here from its dependencies. Tests use it too. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, store, logger, clock } = deps;
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const server: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Per-request logs would cost more than the request at ingest rates; errors are logged by the handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
  });
  const counters = { unexpected: 0 };
  const auth = createAuth({ store, clock, publicUrl });
  const provisioning = createProvisioning(store);

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const hasWebUi = existsSync(webRoot);
  installErrorHandling(server, logger, counters, hasWebUi);
  installPrincipalResolution(server, auth);
  registerApiRoutes(server, { auth, store, publicUrl });

  // Ingest enqueues durably; the worker processes asynchronously (issue #4 replaces the minimal processor).
  const worker = createWorker({
    store,
    logger,
    clock,
    processBatch: createMinimalProcessor({ store }),
    batchSize: config.workerBatchSize,
    pollMs: config.workerPollMs,
  });
  const queue = createQueueWriter({ store, logger, onEnqueued: () => worker.notify() });
  await server.register(createIngest({ config, store, clock, queue }).plugin);
  registerStatsRoutes(server, { auth, store, clock });
  if (config.workerEnabled) server.addHook('onReady', async () => worker.start());
  // Runs after the HTTP server stopped taking requests: finish the batch in progress, commit what is pending.
  server.addHook('onClose', async () => {
    await worker.stop();
    await queue.flush();
  });
  // Serves the built React app; unknown non-API paths get index.html so client-side routes deep-link.
  if (hasWebUi) await server.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: 'index.html' });

  return { server, auth, provisioning, counters, jobs: { queue, worker } };
}
