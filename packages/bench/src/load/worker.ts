// Entry point of a load-generator process (forked by run-load.ts). It runs apart from the
// servers and from the orchestrator so that neither the target's event loop nor the
// orchestrator's probes slow the generator down, and the generator never slows them.
import { eventIdSequence, readCorpusFiles } from '../corpus/index.js';
import { runClosedLoop } from './closed-loop.js';
import { createDispatcher } from './dispatcher.js';
import { createSender } from './http-sender.js';
import type { LoadJob, LoadResult, WorkerMessage } from './messages.js';
import { runOpenLoop } from './open-loop.js';
import { PhaseStats } from './phase-stats.js';

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const templates = readCorpusFiles(job.corpus);
  const sender = createSender(job.target, job.connections, job.requestTimeoutMs);
  const stats = new PhaseStats(0, 0);
  const dispatcher = createDispatcher(templates, eventIdSequence(job.idPrefix), sender, stats);
  await send({ type: 'started' });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const progress = setInterval(() => {
    void send({
      type: 'progress',
      elapsedMs: performance.now() - started,
      sent: stats.sent,
      accepted: stats.accepted,
      acceptedByKind: { ...stats.acceptedByKind },
    });
  }, job.progressEveryMs);
  try {
    const phase = job.phase;
    if (phase.mode === 'closed') await runClosedLoop(dispatcher, stats, phase.concurrency, phase.warmupMs, phase.durationMs);
    else await runOpenLoop(dispatcher, stats, phase.ratePerSec, phase.durationMs, phase.maxOutstanding);
  } finally {
    clearInterval(progress);
    sender.close();
  }
  const windowMs = stats.windowEnd - stats.windowStart;
  const cpu = process.cpuUsage(cpuBefore);
  const generatorCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 1000) / 10;
  return {
    type: 'result',
    mode: job.phase.mode,
    windowMs: Math.round(windowMs),
    concurrency: job.phase.mode === 'closed' ? job.phase.concurrency : null,
    connections: job.connections,
    offeredPerSec: job.phase.mode === 'open' ? job.phase.ratePerSec : null,
    sent: stats.sent,
    accepted: stats.accepted,
    acceptedByKind: { ...stats.acceptedByKind },
    acceptedPerSec: Math.round((stats.acceptedInWindow / windowMs) * 1000 * 10) / 10,
    responses: { ...stats.responses },
    errors: { ...stats.errors },
    skipped: stats.skipped,
    failureSamples: [...stats.failureSamples],
    latency: stats.latencySummary(),
    bytesSent: stats.bytesSent,
    generatorCpuPercent,
  };
}

process.once('message', (job: LoadJob) => {
  run(job)
    .then((result) => send(result))
    .catch((err: unknown) => send({ type: 'failure', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .finally(() => process.disconnect());
});
