import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSpanCorpus, writeCorpusFiles } from '../corpus/index.js';
import { type RunningFaultline, startFaultline } from '../faultline/index.js';
import type { BenchOptions } from '../options.js';
import { diskUsageBytes, postgresTableSizes, sqliteTableSizes, type TableSizes } from '../probes/index.js';
import { createApiClient, measureQuery, type QuerySpec } from '../queries/index.js';
import type { QueryFigures, SpanSeedFigures, SpansBenchResult, SpansIngestResult, SpansQueryTargetResult } from '../report/index.js';
import { type SeededSpans, scaleSpanRows, seedSpans } from '../seed/index.js';
import { benchTarget } from './ingest-stage.js';
import { baselineTarget, postgresTarget, sqliteTarget, type TargetSpec } from './targets.js';

export interface SpansStageContext {
  readonly repoRoot: string;
  /** the run's temp directory; the stage works in its own folder under it */
  readonly runDir: string;
  readonly startedAt: Date;
  readonly settings: Readonly<Record<string, string>>;
  log(line: string): void;
}

/** Issue #15's p95 target for this query, at 10,000,000 stored spans. */
export const SPANS_QUERY_TARGET_MS = 200;
const PERFORMANCE_TABLES = [
  'trace_segments',
  'perf_rollups',
  'perf_rollups_hourly',
  'perf_rollups_hourly_names',
  'span_rollups',
  'span_descriptions',
  'perf_users',
] as const;

/** The request the stage times: p95 and count per transaction name over the last 24 h, as the performance page asks it. */
export function spansQueryPath(org: string): string {
  return `/api/0/organizations/${org}/events/?dataset=transactions&field=transaction&field=p95(transaction.duration)&field=count()&statsPeriod=24h`;
}

/**
 * The spans stage (issue #15, item 7): the ingest stage's phases with a corpus of transactions
 * and span containers of 20–200 spans, processed counted in trace segments; then, per
 * database, a data set of `--spans-seed` spans made by the real pipeline and the latency of
 * "p95 per transaction over 24 h" on it, and the bytes each stored span costs.
 */
export async function spansStage(options: BenchOptions, ctx: SpansStageContext): Promise<SpansBenchResult> {
  const s = options.spans;
  const dir = join(ctx.runDir, 'spans');
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const corpus = buildSpanCorpus({ seed: options.seed, envelopes: s.corpus, v2Share: s.v2Share, nowMs: ctx.startedAt.getTime() });
  const files = writeCorpusFiles(dir, corpus.templates);
  const buildMs = Math.round(performance.now() - t0);
  const spansPerEnvelope = corpus.stats.spans / Math.max(1, corpus.stats.envelopes);
  ctx.log(
    `spans corpus: ${corpus.stats.transactions} transactions + ${corpus.stats.spanContainers} span containers, ${corpus.stats.spans} spans (${corpus.stats.minSpans}–${corpus.stats.maxSpans} each), ${buildMs} ms`,
  );

  // The same phases as the ingest stage, at the spans stage's offered rate.
  const phases: BenchOptions = { ...options, rate: s.rate };
  const specs: TargetSpec[] = options.targets.map((name) => {
    if (name === 'baseline') return baselineTarget();
    if (name === 'sqlite') return sqliteTarget(ctx.repoRoot, dir, options.keep, ctx.settings, 'trace_segments');
    if (options.databaseUrl === null) throw new Error('postgres target without DATABASE_URL');
    return postgresTarget(ctx.repoRoot, dir, options.databaseUrl, options.keep, ctx.settings, 'trace_segments');
  });
  const ingest: SpansIngestResult[] = [];
  for (const [i, spec] of specs.entries()) {
    ctx.log(`spans ${spec.name}: running…`);
    const target = await benchTarget(spec, phases, files, 8 + i);
    const processed = target.processing?.processed ?? null;
    const diskBytesPerSpan = target.disk && processed ? Math.round(target.disk.bytes / (processed * spansPerEnvelope)) : null;
    ctx.log(
      `spans ${spec.name}: ${target.saturation?.acceptedPerSec ?? 'n/a'} transactions/s accepted, ${target.processing?.processedPerSec ?? 'n/a'}/s processed`,
    );
    ingest.push({ target, spansPerEnvelope: Math.round(spansPerEnvelope * 10) / 10, diskBytesPerSpan });
  }
  const baseline = ingest.find((r) => r.target.kind === 'baseline')?.target.saturation?.acceptedPerSec ?? null;
  for (const { target: t } of ingest) {
    const own = t.saturation?.acceptedPerSec ?? null;
    if (t.kind !== 'baseline' && baseline && own !== null) t.acceptedRatioToBaseline = Math.round((own / baseline) * 1000) / 1000;
  }

  const queries: SpansQueryTargetResult[] = [];
  for (const database of options.targets.filter((t): t is 'sqlite' | 'postgres' => t !== 'baseline')) {
    ctx.log(`spans query (${database}): running…`);
    const r = await queryTarget(database, options, ctx, dir);
    ctx.log(`spans query (${database}): ${r.status}, p95 ${r.query?.p95Ms ?? 'n/a'} ms${r.problems.length ? ` — ${r.problems.join('; ')}` : ''}`);
    queries.push(r);
  }
  return {
    status: 'measured',
    corpus: { ...corpus.stats, buildMs },
    ingest,
    warmupRequests: options.query.warmupRequests,
    requests: options.query.requests,
    queries,
  };
}

async function queryTarget(database: 'sqlite' | 'postgres', options: BenchOptions, ctx: SpansStageContext, dir: string): Promise<SpansQueryTargetResult> {
  const result: SpansQueryTargetResult = { name: `faultline (${database})`, database, status: 'failed', problems: [], seed: null, query: null, scaled: null };
  const s = options.spans;
  let seeded: SeededSpans | null = null;
  try {
    seeded = await seedSpans({
      database,
      corpus: { seed: options.seed, spans: s.seedSpans, v2Share: s.v2Share, hours: s.hours, endMs: Date.now() },
      databaseUrl: options.databaseUrl,
      repoRoot: ctx.repoRoot,
      scratchDir: dir,
      log: (line) => ctx.log(`spans seed ${line}`),
    });
    const timed = await timeQuery(ctx.repoRoot, seeded, options);
    result.query = timed.figures;
    result.problems.push(...timed.problems);
    const sizes: TableSizes =
      seeded.databaseUrl === null ? sqliteTableSizes(join(seeded.dataDir, 'faultline.sqlite')) : await postgresTableSizes(seeded.databaseUrl);
    result.seed = seedFigures(seeded, s, sizes, seeded.databaseUrl === null ? await diskUsageBytes(seeded.dataDir) : null);
    if (s.scale > 1) {
      // Scaled rows, not seeded spans: the same query after the rollup rows are multiplied (seed/span-scale-main.ts).
      ctx.log(`spans query (${database}): copying the rollup rows to ${s.scale}× the seeded spans…`);
      const scaled = await scaleSpanRows(seeded, s.scale, (line) => ctx.log(`spans scale ${line}`));
      const again = await timeQuery(ctx.repoRoot, seeded, options);
      result.scaled = { scale: scaled.scale, copiedRows: scaled.copiedRows, compactMs: scaled.compactMs, counts: scaled.counts, query: again.figures };
      result.problems.push(...again.problems.map((p) => `scaled ×${s.scale}: ${p}`));
    }
    result.status = result.problems.length === 0 ? 'ok' : 'failed';
  } catch (err) {
    result.problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    if (seeded !== null && !options.keep) await seeded.release().catch((err: unknown) => result.problems.push(`could not remove the seed: ${String(err)}`));
    if (seeded !== null && options.keep) ctx.log(`spans seed kept in ${seeded.dataDir}${seeded.databaseUrl ? ` and ${seeded.databaseUrl}` : ''}`);
  }
  return result;
}

/** Starts a server on the seeded data, times the query, stops the server. */
async function timeQuery(repoRoot: string, seeded: SeededSpans, options: BenchOptions): Promise<{ figures: QueryFigures | null; problems: string[] }> {
  const problems: string[] = [];
  // The worker and alerts off: nothing but the measured requests runs (no compaction sweep beside them).
  const server: RunningFaultline = await startFaultline({
    repoRoot,
    dataDir: seeded.dataDir,
    databaseUrl: seeded.databaseUrl,
    startTimeoutMs: 120_000,
    settings: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' },
  });
  let figures: QueryFigures | null = null;
  let stopped = false;
  try {
    const client = createApiClient(server.host, server.port, server.workspace.token);
    try {
      const path = spansQueryPath(server.workspace.org);
      const spec: QuerySpec = {
        name: 'p95 per transaction over 24 h',
        path,
        targetP95Ms: SPANS_QUERY_TARGET_MS,
        async run(c) {
          const a = await c.get(path);
          if (a.status !== 200) return { ms: a.ms, ok: false, failure: `${a.status} ${a.body.toString('utf8', 0, 200)}`, rows: null };
          const body = JSON.parse(a.body.toString('utf8')) as { data?: unknown };
          return { ms: a.ms, ok: true, failure: null, rows: Array.isArray(body.data) ? body.data.length : null };
        },
      };
      const measured = await measureQuery(client, spec, options.query.warmupRequests, options.query.requests);
      figures = measured.figures;
      if (measured.failure !== null) problems.push(measured.failure);
      else if (!figures.rows) problems.push('the query listed no transaction: its figure measures an empty answer');
    } finally {
      client.close();
    }
    stopped = true;
    if ((await server.stop()) === 'killed') problems.push('the server did not shut down within 20 s of SIGTERM and was killed');
  } finally {
    if (!stopped) await server.stop();
  }
  return { figures, problems };
}

function seedFigures(seeded: SeededSpans, s: BenchOptions['spans'], sizes: TableSizes, dataDirBytes: number | null): SpanSeedFigures {
  const { outcome: o } = seeded;
  const spans = o.counts.spans;
  const performanceBytes = PERFORMANCE_TABLES.reduce((n, t) => n + (sizes.tables[t] ?? 0), 0);
  const perSpan = (bytes: number) => (spans > 0 ? Math.round((bytes / spans) * 10) / 10 : null);
  return {
    requestedSpans: s.seedSpans,
    hours: s.hours,
    envelopes: o.envelopes,
    spansSent: o.spansSent,
    ...o.counts,
    seedMs: o.seedMs,
    spansPerSec: Math.round((spans / Math.max(1, o.seedMs)) * 1000),
    envelopesPerSec: Math.round((o.envelopes / Math.max(1, o.seedMs)) * 1000),
    compactMs: o.compactMs,
    tableSizes: sizes,
    performanceBytesPerSpan: perSpan(performanceBytes),
    allTablesBytesPerSpan: perSpan(sizes.totalBytes),
    dataDirBytes,
  };
}
