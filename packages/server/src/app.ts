import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { type Alerting, alertIssueSearch, createAlerting, createSmtpMailer, storeReleaseLookup } from './alert/index.js';
import { registerApiRoutes } from './api/index.js';
import { ARTIFACT_RETENTION, type Artifacts, createArtifacts } from './artifacts/index.js';
import { type Auth, createAuth, installPrincipalResolution } from './auth/index.js';
import type { Config } from './config/index.js';
import { installErrorHandling } from './http/index.js';
import { createIngest, ingestCorsServer } from './ingest/index.js';
import {
  createIgnoreExpiry,
  createQueueWriter,
  createRetentionJob,
  createScheduler,
  IGNORE_EXPIRY,
  type QueueWriter,
  RETENTION,
  type RetentionJob,
  type Scheduler,
  type Worker,
} from './jobs/index.js';
import { type Clock, type Logger, systemClock } from './kernel/index.js';
import { createMembership } from './members/index.js';
import { createProvisioning, type Provisioning } from './organizations/index.js';
import { createPerformanceSweeps, PERFORMANCE_RETENTION, performanceMetricSources, ROLLUP_COMPACTION } from './performance/index.js';
import {
  createMonitorSweep,
  createPendingRecovery,
  createProcessing,
  MONITOR_SWEEP,
  PENDING_RECOVERY,
  type PostProcessHook,
  type Processing,
} from './process/index.js';
import { createThreadedWorker } from './processing-thread/index.js';
import { createReleases, pipelineReleases, type Releases } from './releases/index.js';
import { createReplayRetention, REPLAY_RETENTION } from './replays/index.js';
import { sessionMetricSources } from './sessions/index.js';
import { type Store, storeOpenOptions } from './store/index.js';

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
  /**
   * the durable ingest queue: its write side and the worker that processes it; retention of
   * old events; the one leased scheduler every periodic sweep is registered with
   */
  jobs: { queue: QueueWriter; worker: Worker; retention: RetentionJob; scheduler: Scheduler };
  /** run after each processed batch commits, with its stored error events (alerting registers here) */
  postProcessHooks: PostProcessHook[];
  /** alert rules, their evaluation and the notification outbox */
  alerting: Alerting;
  /** releases (created by sentry-cli and by arriving events) */
  releases: Releases;
  /** uploaded source maps: chunks, artifact bundles, release files, retention */
  artifacts: Artifacts;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));
/** The scheduler looks for due tasks this often; the shortest period (post-process recovery) is 15 s. */
const schedulerPollMs = 5_000;
/** A claim's default lease: longer than a sweep takes, short enough that a dead holder's task resumes soon. */
const schedulerLeaseMs = 60_000;

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
    // Every answer under an ingest path carries CORS headers, even those Fastify gives before routing (404, 503 while closing).
    serverFactory: ingestCorsServer,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
  });
  const counters = { unexpected: 0 };
  const auth = createAuth({ store, clock, logger, publicUrl });
  const provisioning = createProvisioning(store);

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const hasWebUi = existsSync(webRoot);
  installErrorHandling(server, logger, counters, hasWebUi);
  installPrincipalResolution(server, auth);
  // Source maps: uploads land in artifacts/; the pipeline's symbolicate stage reads them.
  const releases = createReleases({ store, clock });
  const artifacts = createArtifacts({
    config,
    store,
    clock,
    logger,
    onChange: () => processing.forgetSourceMaps(),
  });
  // Invitation e-mail goes through the same SMTP settings as alert e-mail; without a host the link is only shown to the inviter.
  const inviteMailer = config.smtpHost
    ? createSmtpMailer(
        {
          host: config.smtpHost,
          port: config.smtpPort,
          secure: config.smtpSecure,
          user: config.smtpUser,
          password: config.smtpPassword,
          from: config.smtpFrom,
        },
        config.alertHttpTimeoutMs,
      )
    : null;
  const membership = createMembership({ store, clock, logger, publicUrl, mailer: inviteMailer });

  // Ingest enqueues durably; the worker runs the processing pipeline asynchronously.
  const postProcessHooks: PostProcessHook[] = [];
  // Processing on worker threads needs a database they can open too, and the real clock (an injected one cannot cross threads).
  const storeOptions = storeOpenOptions(store);
  const threadable = config.workerThreads > 0 && clock === systemClock && storeOptions !== undefined && storeOptions.sqliteFile !== ':memory:';
  const threaded = threadable ? createThreadedWorker({ config, storeOptions, threads: config.workerThreads, logger, store, postProcessHooks }) : null;
  // Either way the pipeline is built by process/'s createProcessing: here, or by each thread.
  const processing: Processing = threaded
    ? { worker: threaded, forgetSourceMaps: () => threaded.forgetSourceMaps() }
    : createProcessing({ config, store, logger, clock, artifacts: artifacts.reader, releases: pipelineReleases(releases, store), postProcessHooks });
  const worker = processing.worker;
  const queue = createQueueWriter({ store, logger, onEnqueued: () => worker.notify() });
  await server.register(createIngest({ config, store, clock, queue }).plugin);
  // Alerts: issue rules run on each committed batch; delivery and metric evaluation run in the background.
  const alertReleases = storeReleaseLookup(store);
  const alerting = createAlerting({
    config,
    store,
    logger,
    clock,
    publicUrl,
    issueSearch: alertIssueSearch(store, clock),
    releases: alertReleases,
    metricSources: [...performanceMetricSources(store.db), ...sessionMetricSources(store, alertReleases)],
  });
  postProcessHooks.push((results, batch) => alerting.onProcessed(results, batch.processedAt));
  registerApiRoutes(server, { auth, store, publicUrl, clock, releases, artifacts, membership, alerting });

  // Periodic background work: one scheduler, each task once per period across all processes.
  const scheduler = createScheduler({ store, clock, logger, pollMs: schedulerPollMs, leaseMs: schedulerLeaseMs });
  // Batches whose process died between their commit and their post-process.
  const recovery = createPendingRecovery({ store, clock, logger, hooks: postProcessHooks, ...PENDING_RECOVERY });
  scheduler.add({ name: PENDING_RECOVERY.task, everyMs: PENDING_RECOVERY.everyMs, run: async () => void (await recovery.sweep()) });
  // Time-based ignores end when their time passes, not only when an event arrives.
  const ignoreExpiry = createIgnoreExpiry({ store, clock, logger });
  scheduler.add({ name: IGNORE_EXPIRY.task, everyMs: IGNORE_EXPIRY.everyMs, run: async () => void (await ignoreExpiry.run()) });
  const retention = createRetentionJob({ store, clock, logger, defaultDays: config.retentionDays });
  scheduler.add({
    name: RETENTION.task,
    everyMs: RETENTION.everyMs,
    leaseMs: RETENTION.everyMs,
    run: async (signal) => void (await retention.runOnce(signal)),
  });
  scheduler.add({
    name: ARTIFACT_RETENTION.task,
    everyMs: ARTIFACT_RETENTION.everyMs,
    leaseMs: ARTIFACT_RETENTION.everyMs,
    run: async () => void (await artifacts.retention.runOnce()),
  });
  const performanceSweeps = createPerformanceSweeps({
    store,
    clock,
    logger,
    traceRetentionDays: config.traceRetentionDays,
    rollupRetentionDays: config.rollupRetentionDays,
  });
  scheduler.add({ name: ROLLUP_COMPACTION.task, everyMs: ROLLUP_COMPACTION.everyMs, run: async (signal) => void (await performanceSweeps.compact(signal)) });
  scheduler.add({
    name: PERFORMANCE_RETENTION.task,
    everyMs: PERFORMANCE_RETENTION.everyMs,
    leaseMs: PERFORMANCE_RETENTION.everyMs,
    run: async (signal) => void (await performanceSweeps.retain(signal)),
  });
  // Session replay keeps replays for their own period (docs/replays.md › Retention).
  const replayRetention = createReplayRetention({ store, clock, logger, defaultDays: config.replayRetentionDays });
  scheduler.add({
    name: REPLAY_RETENTION.task,
    everyMs: REPLAY_RETENTION.everyMs,
    leaseMs: REPLAY_RETENTION.everyMs,
    run: async (signal) => void (await replayRetention.runOnce(signal)),
  });
  // Crons: missed runs and timeouts, once a minute across processes; cron issues alert through the hooks.
  const monitorSweep = createMonitorSweep({ store, clock, logger, hooks: postProcessHooks });
  scheduler.add({ name: MONITOR_SWEEP.task, everyMs: MONITOR_SWEEP.everyMs, run: async (signal) => void (await monitorSweep.run(signal)) });
  // A process with alerting disabled evaluates no metric rules; the sweeps above run regardless.
  if (config.alertsEnabled) for (const task of alerting.tasks) scheduler.add(task);

  if (config.alertsEnabled) server.addHook('onReady', async () => alerting.start());
  if (config.workerEnabled) server.addHook('onReady', async () => worker.start());
  // Only a process that neither processes nor alerts (ingest-only) runs no background work.
  if (config.workerEnabled || config.alertsEnabled) server.addHook('onReady', async () => scheduler.start());
  // Runs after the HTTP server stopped taking requests: finish the batch in progress, commit what is pending.
  server.addHook('onClose', async () => {
    await scheduler.stop();
    await worker.stop();
    await queue.flush();
    await alerting.stop();
    await artifacts.stop();
    inviteMailer?.close();
  });
  // Serves the built React app; unknown non-API paths get index.html so client-side routes deep-link.
  if (hasWebUi) await server.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: 'index.html' });

  return { server, auth, provisioning, counters, jobs: { queue, worker, retention, scheduler }, postProcessHooks, alerting, releases, artifacts };
}
