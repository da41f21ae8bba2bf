import type { CorpusFiles } from '../corpus/index.js';
import { type LoadJob, type LoadPhase, type LoadResult, runLoad } from '../load/index.js';
import type { BenchOptions } from '../options.js';
import { type ProcessedProbe, readCpuSeconds } from '../probes/index.js';
import type { PhaseFigures, ProcessingFigures, TargetResult } from '../report/index.js';
import type { RunningServer } from '../server-process.js';
import { type DrainOutcome, waitForProcessing } from './drain.js';
import type { StartedTarget, TargetSpec } from './targets.js';
import { AcceptedTally, TimelineSampler } from './timeline.js';

interface TargetRun {
  readonly server: RunningServer;
  readonly probe: ProcessedProbe;
  readonly tally: AcceptedTally;
  readonly sampler: TimelineSampler;
  readonly result: TargetResult;
  readonly corpus: CorpusFiles;
  readonly options: BenchOptions;
  readonly targetIndex: number;
}

/**
 * Benchmarks one target: open loop at the fixed rate (latency on a calm server), a wait
 * for processing to catch up, saturation (the ceiling), a final wait that measures the
 * processing rate, then memory and disk. Any failure is recorded in `problems` and the
 * figures measured so far are kept: a target that 404s is a result, not a crash.
 */
export async function benchTarget(spec: TargetSpec, options: BenchOptions, corpus: CorpusFiles, targetIndex: number): Promise<TargetResult> {
  const result: TargetResult = {
    name: spec.name,
    kind: spec.kind,
    database: spec.database,
    status: 'failed',
    problems: [],
    openLoop: null,
    saturation: null,
    processing: null,
    peakRssBytes: null,
    disk: null,
    acceptedRatioToBaseline: null,
    timeline: [],
  };
  let started: StartedTarget | null = null;
  let sampler: TimelineSampler | null = null;
  let crashed = false;
  try {
    started = await spec.start();
    const { server, probe } = started;
    const tally = new AcceptedTally();
    sampler = new TimelineSampler(server.pid, probe, tally, options.sampleEveryMs);
    sampler.start();
    const run: TargetRun = { server, probe, tally, sampler, result, corpus, options, targetIndex };
    await measure(run);
    await sampler.sample(); // the last sample also reads the final VmHWM
    sampler.stop();
    result.peakRssBytes = sampler.peakRssBytes;
    await probe.close();
    if ((await server.stop()) === 'killed') result.problems.push('the server did not shut down within 20 s of SIGTERM and was killed');
    const disk = await started.diskBytes();
    if (disk) {
      const processed = result.processing?.processed ?? null;
      result.disk = {
        ...disk,
        bytesPerProcessedEvent: processed ? Math.round(disk.bytes / processed) : null,
        bytesPerAcceptedEnvelope: tally.accepted > 0 ? Math.round(disk.bytes / tally.accepted) : null,
      };
    }
  } catch (err) {
    crashed = true;
    const tail = started ? `\n--- server output (tail) ---\n${started.server.logTail()}` : '';
    result.problems.push(`${spec.name}: ${err instanceof Error ? err.message : String(err)}${tail}`);
  } finally {
    sampler?.stop();
    if (sampler) result.timeline = sampler.samples;
    if (started) {
      await started.probe.close().catch(() => {});
      await started.server.stop().catch(() => 'already-exited');
      await started.cleanup().catch((e: unknown) => result.problems.push(`cleanup: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  const anyAccepted = (result.openLoop?.accepted ?? 0) > 0 || (result.saturation?.accepted ?? 0) > 0;
  result.status = !crashed && anyAccepted ? 'ok' : 'failed';
  return result;
}

async function measure(run: TargetRun): Promise<void> {
  const { options: o, probe, tally, result } = run;
  // A target whose probe counts nothing (the baseline) has no processing to wait for.
  const processes = probe.counts.length > 0;
  const drain = () => {
    run.sampler.phase = 'drain';
    return waitForProcessing(probe, tally.of(probe.counts), o.drainSeconds * 1000, o.stallSeconds * 1000);
  };

  const maxOutstanding = Math.max(1000, o.rate * 10);
  result.openLoop = await runPhase(run, { mode: 'open', ratePerSec: o.rate, durationMs: o.openSeconds * 1000, maxOutstanding }, 'open loop', 1);
  const first = processes ? await drain() : null;

  const before = first !== null && first.status !== 'n/a' ? await probe.read() : null;
  const saturationStart = performance.now();
  const closed: LoadPhase = { mode: 'closed', concurrency: o.concurrency, warmupMs: o.warmupSeconds * 1000, durationMs: o.saturationSeconds * 1000 };
  result.saturation = await runPhase(run, closed, 'saturation', 2);
  if (first === null) return;
  const final = first.status === 'n/a' ? first : await drain();
  result.processing = processingFigures(probe, tally.of(probe.counts), before?.ok ? before.count : null, saturationStart, final);
}

async function runPhase(run: TargetRun, phase: LoadPhase, label: string, n: number): Promise<PhaseFigures> {
  const { server, sampler, tally } = run;
  sampler.phase = label;
  // Server CPU is measured from the first request on, not while the generator loads the corpus.
  let cpuBefore: Promise<number | null> = Promise.resolve(null);
  let wallBefore = performance.now();
  const onStarted = () => {
    wallBefore = performance.now();
    cpuBefore = readCpuSeconds(server.pid);
  };
  const r = await runLoad(loadJob(run, phase, n), { onStarted, onProgress: tally.onProgress });
  const cpuAfter = await readCpuSeconds(server.pid);
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const cpuStart = await cpuBefore;
  tally.finishPhase(r);
  checkPhase(run.result, label, r, server);
  const { type: _type, ...figures } = r;
  const serverCpuPercent = cpuStart !== null && cpuAfter !== null ? Math.round(((cpuAfter - cpuStart) / wallSeconds) * 1000) / 10 : null;
  return { ...figures, serverCpuPercent };
}

function loadJob(run: TargetRun, phase: LoadPhase, n: number): LoadJob {
  const { server, options: o } = run;
  // Ids: 'be4c' + target + phase + seed, then the sequence's counter; unique within a server's life.
  const idPrefix = `be4c${run.targetIndex.toString(16).padStart(4, '0')}${n.toString(16).padStart(4, '0')}${(o.seed >>> 0).toString(16).padStart(12, '0')}`;
  return {
    target: { host: server.host, port: server.port, path: server.ingestPath },
    corpus: run.corpus,
    connections: o.connections,
    phase,
    idPrefix,
    requestTimeoutMs: o.requestTimeoutMs,
    progressEveryMs: 200,
  };
}

/**
 * Notes what makes a phase's figures mean less than they seem: answers that are not 200
 * (the first of each status usually explains the rest), an offered rate the server could
 * not keep up with, a generator that ran out of CPU.
 */
function checkPhase(result: TargetResult, label: string, r: LoadResult, server: RunningServer): void {
  if (r.offeredPerSec !== null && r.accepted > 0 && r.acceptedPerSec < 0.95 * r.offeredPerSec) {
    result.problems.push(
      `${label}: the server answered ${r.acceptedPerSec}/s of the ${r.offeredPerSec}/s offered, so requests queued: these latencies measure the queue, not a server keeping up`,
    );
  }
  if (r.generatorCpuPercent > 90)
    result.problems.push(`${label}: the load generator used ${r.generatorCpuPercent}% of a core: it may have been the limit, not the server`);
  if (r.skipped > 0) {
    result.problems.push(`${label}: ${r.skipped} scheduled sends skipped because too many requests were outstanding (they count as not sent, not as fast)`);
  }
  const failed = r.sent - r.accepted;
  if (failed === 0) return;
  const statuses = Object.entries(r.responses)
    .filter(([s]) => s !== '200')
    .map(([s, n]) => `${s} ×${n}`);
  const errors = Object.entries(r.errors).map(([c, n]) => `${c} ×${n}`);
  const head = r.accepted === 0 ? `${label}: no envelope accepted` : `${label}: ${failed} of ${r.sent} envelopes not accepted`;
  result.problems.push(`${head} (${[...statuses, ...errors].join(', ')}); first answers: ${r.failureSamples.join(' | ')}`);
  if (server.exited) result.problems.push(`${label}: the server process exited\n${server.logTail()}`);
}

function processingFigures(p: ProcessedProbe, expected: number, before: number | null, saturationStart: number, d: DrainOutcome): ProcessingFigures {
  const probe = p.name;
  const counts = [...p.counts];
  if (d.status === 'n/a' || d.processed === null) {
    return { status: 'n/a', reason: d.reason, probe, counts, expected, processed: null, processedPerSec: null, drained: false, drainWaitMs: d.waitedMs };
  }
  if (expected === 0) {
    const reason = 'nothing was accepted, so nothing could be processed';
    return { status: 'n/a', reason, probe, counts, expected, processed: d.processed, processedPerSec: null, drained: false, drainWaitMs: d.waitedMs };
  }
  const seconds = (d.lastRiseAt - saturationStart) / 1000;
  const gained = d.processed - (before ?? 0);
  return {
    status: 'measured',
    reason: d.reason,
    probe,
    counts,
    expected,
    processed: d.processed,
    processedPerSec: seconds > 0 ? Math.round((gained / seconds) * 10) / 10 : null,
    drained: d.status === 'drained',
    drainWaitMs: d.waitedMs,
  };
}
