import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, writeCorpusFiles } from './corpus/index.js';
import { type BenchOptions, redactDatabaseUrl } from './options.js';
import { repoRoot, workDir } from './paths.js';
import {
  type BenchResults,
  type LogsBenchResult,
  machineInfo,
  type QueryBenchResult,
  type SessionsBenchResult,
  type SpansBenchResult,
  type TargetResult,
} from './report/index.js';
import {
  baselineTarget,
  benchTarget,
  logsStage,
  postgresTarget,
  queryCacheDir,
  queryStage,
  sessionsStage,
  spansStage,
  sqliteTarget,
  type TargetSpec,
} from './stages/index.js';

export interface RunHooks {
  log(line: string): void;
}

/**
 * One bench run: the ingest stage (build the corpus, bench each target in turn — never two
 * at once: they would share the two cores — then compare with the baseline), then the query
 * stage (seeded data sets, read-API latencies), then the spans stage (transactions and span
 * containers: ingest, processing into trace documents and rollups, the performance query
 * over seeded spans, bytes per span), then the sessions stage (session updates processed by the
 * worker, `/sessions/` over 90 days), then the logs stage (log lines processed by the worker,
 * `events/?dataset=logs` over them). `--only` runs one of them.
 */
export async function runBench(options: BenchOptions, hooks: RunHooks): Promise<BenchResults> {
  const startedAt = new Date();
  const runDir = await mkdtemp(join(tmpdir(), 'faultline-bench-'));
  try {
    const ingest = options.stages.includes('ingest') ? await ingestStage(options, hooks, runDir, startedAt) : null;
    const query: QueryBenchResult = options.stages.includes('query')
      ? await queryStage(options, { repoRoot, runDir, cacheDir: queryCacheDir(workDir), log: hooks.log })
      : { status: 'skipped', reason: `not selected (--only ${options.stages.join(',')})` };
    const spans: SpansBenchResult = options.stages.includes('spans')
      ? await spansStage(options, { repoRoot, runDir, startedAt, settings: serverSettings(options), log: hooks.log })
      : { status: 'skipped', reason: `not selected (--only ${options.stages.join(',')})` };
    const sessions: SessionsBenchResult = options.stages.includes('sessions')
      ? await sessionsStage(options, { repoRoot, runDir, log: hooks.log })
      : { status: 'skipped', reason: `not selected (--only ${options.stages.join(',')})` };
    const logs: LogsBenchResult = options.stages.includes('logs')
      ? await logsStage(options, { repoRoot, runDir, log: hooks.log })
      : { status: 'skipped', reason: `not selected (--only ${options.stages.join(',')})` };
    const finishedAt = new Date();
    return {
      schemaVersion: 2,
      mode: options.mode,
      stages: [...options.stages],
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      machine: machineInfo(),
      parameters: {
        seed: options.seed,
        corpusSize: options.corpusSize,
        errorTypes: options.errorTypes,
        transactionShare: options.transactionShare,
        sessionShare: options.sessionShare,
        largeShare: options.largeShare,
        concurrency: options.concurrency,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        saturationSeconds: options.saturationSeconds,
        openSeconds: options.openSeconds,
        rate: options.rate,
        drainSeconds: options.drainSeconds,
        stallSeconds: options.stallSeconds,
        workerThreads: options.workerThreads,
        serverEnv: Object.entries(options.serverEnv).map(([k, v]) => `${k}=${v}`),
        targets: [...options.targets],
        databaseUrl: redactDatabaseUrl(options.databaseUrl),
        queryEvents: options.query.events,
        queryIssues: options.query.issues,
        queryDays: options.query.days,
        queryWarmup: options.query.warmupRequests,
        queryRequests: options.query.requests,
        spansCorpus: options.spans.corpus,
        spansV2Share: options.spans.v2Share,
        spansRate: options.spans.rate,
        spansSeed: options.spans.seedSpans,
        spansHours: options.spans.hours,
        sessionsUpdates: options.sessions.updates,
        sessionsReleases: options.sessions.releases,
        sessionsDays: options.sessions.days,
        sessionsAggregates: options.sessions.aggregateShare,
        logsLines: options.logs.lines,
        logsPerEnvelope: options.logs.linesPerEnvelope,
        logsHours: options.logs.hours,
      },
      corpus: ingest?.corpus ?? null,
      targets: ingest?.targets ?? [],
      query,
      spans,
      sessions,
      logs,
    };
  } finally {
    if (options.keep) hooks.log(`kept ${runDir}`);
    else await rm(runDir, { recursive: true, force: true });
  }
}

/** The ingest benchmark: build the corpus, bench each target in turn, compare with the baseline. */
async function ingestStage(
  options: BenchOptions,
  hooks: RunHooks,
  runDir: string,
  startedAt: Date,
): Promise<{ corpus: NonNullable<BenchResults['corpus']>; targets: TargetResult[] }> {
  const t0 = performance.now();
  const corpus = buildCorpus({
    seed: options.seed,
    envelopes: options.corpusSize,
    errorTypes: options.errorTypes,
    transactionShare: options.transactionShare,
    sessionShare: options.sessionShare,
    largeShare: options.largeShare,
    nowMs: startedAt.getTime(),
  });
  const files = writeCorpusFiles(runDir, corpus.templates);
  const buildMs = Math.round(performance.now() - t0);
  hooks.log(`corpus: ${corpus.stats.envelopes} envelopes, ${corpus.stats.errorTypesUsed} error types, ${corpus.stats.gzipped} gzipped (${buildMs} ms)`);

  const specs: TargetSpec[] = options.targets.map((name) => {
    if (name === 'baseline') return baselineTarget();
    if (name === 'sqlite') return sqliteTarget(repoRoot, runDir, options.keep, serverSettings(options));
    if (options.databaseUrl === null) throw new Error('postgres target without DATABASE_URL');
    return postgresTarget(repoRoot, runDir, options.databaseUrl, options.keep, serverSettings(options));
  });
  const targets: TargetResult[] = [];
  for (const [i, spec] of specs.entries()) {
    hooks.log(`${spec.name}: running…`);
    const r = await benchTarget(spec, options, files, i);
    hooks.log(
      `${spec.name}: ${r.status}, ${r.saturation?.acceptedPerSec ?? 'n/a'} accepted/s at saturation${r.problems.length ? ` — ${r.problems.length} problem(s)` : ''}`,
    );
    targets.push(r);
  }
  const baseline = targets.find((t) => t.kind === 'baseline')?.saturation?.acceptedPerSec ?? null;
  for (const t of targets) {
    const own = t.saturation?.acceptedPerSec ?? null;
    if (t.kind !== 'baseline' && baseline && own !== null) t.acceptedRatioToBaseline = Math.round((own / baseline) * 1000) / 1000;
  }
  return { corpus: { ...corpus.stats, buildMs }, targets };
}

/** Server settings a run chose (`--worker-threads`, `--server-env`); otherwise the server's defaults are measured. */
function serverSettings(options: BenchOptions): Record<string, string> {
  return {
    ...(options.workerThreads === null ? {} : { FAULTLINE_WORKER_THREADS: String(options.workerThreads) }),
    ...options.serverEnv,
  };
}
