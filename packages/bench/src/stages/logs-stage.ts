import type { BenchOptions } from '../options.js';
import type { LogsBenchResult, LogsTargetResult } from '../report/index.js';
import { seedLogs } from '../seed/index.js';
import { eachDatabase, measureSeeded } from './seeded-stage.js';

export interface LogsStageContext {
  readonly repoRoot: string;
  readonly runDir: string;
  log(line: string): void;
}

/** A figure to report against, not a target of the issue: the log stream should feel live. */
const LOGS_QUERY_TARGET_MS = 500;

/** The requests the stage times: the live stream, the errors of a day, counts by severity, the chart, one trace's lines. */
export function logQueries(org: string, hours: number, trace: string | null): { name: string; path: string }[] {
  const base = `/api/0/organizations/${org}/events/?dataset=logs&statsPeriod=${Math.ceil(hours)}h`;
  const stream = 'field=timestamp&field=message&field=severity&field=trace&field=project&sort=-timestamp';
  return [
    { name: 'newest 100 lines (the stream)', path: `${base}&${stream}&per_page=100` },
    { name: 'newest 100 errors (severity:error)', path: `${base}&${stream}&per_page=100&query=severity:error` },
    { name: 'count() by severity', path: `${base}&field=severity&field=count()&sort=-count()` },
    { name: 'count() chart, 5-minute buckets (events-stats)', path: `${base.replace('/events/', '/events-stats/')}&yAxis=count()&interval=5m` },
    ...(trace === null ? [] : [{ name: 'one trace’s lines (trace:<id>)', path: `${base}&${stream}&per_page=100&query=trace:${trace}` }]),
  ];
}

/**
 * The logs stage (issue #19, item 4): per database, a corpus of `log` items made into blocks by
 * the server's own worker, timed on its own (queued first, then drained), the stored line count
 * checked against what was sent, then the logs queries timed against the seeded server.
 */
export async function logsStage(options: BenchOptions, ctx: LogsStageContext): Promise<LogsBenchResult> {
  const targets = await eachDatabase(
    options,
    ctx,
    'logs',
    (database, dir) => logsTarget(database, options, ctx, dir),
    (r) => `${r.linesPerSec ?? 'n/a'} lines/s processed`,
  );
  const l = options.logs;
  return {
    status: 'measured',
    lines: l.lines,
    linesPerEnvelope: l.linesPerEnvelope,
    hours: l.hours,
    warmupRequests: options.query.warmupRequests,
    requests: options.query.requests,
    targets,
  };
}

async function logsTarget(database: 'sqlite' | 'postgres', options: BenchOptions, ctx: LogsStageContext, dir: string): Promise<LogsTargetResult> {
  const result: LogsTargetResult = {
    name: `faultline (${database})`,
    database,
    status: 'failed',
    problems: [],
    seed: null,
    linesPerSec: null,
    bytesPerLine: null,
    queries: [],
  };
  const l = options.logs;
  await measureSeeded(
    result,
    options,
    ctx.repoRoot,
    () =>
      seedLogs({
        database,
        corpus: { seed: options.seed, lines: l.lines, linesPerEnvelope: l.linesPerEnvelope, hours: l.hours, endMs: Date.now() },
        databaseUrl: options.databaseUrl,
        repoRoot: ctx.repoRoot,
        scratchDir: dir,
        log: (line) => ctx.log(`logs seed ${line}`),
      }),
    (seeded) => {
      const o = seeded.outcome;
      result.seed = o;
      result.linesPerSec = Math.round(o.sent.lines / (Math.max(o.processMs, 1) / 1000));
      result.bytesPerLine = o.stored.lines === 0 ? null : Math.round((o.stored.documentBytes / o.stored.lines) * 10) / 10;
      if (o.stored.lines !== o.sent.lines) result.problems.push(`the server stored ${o.stored.lines} lines, the corpus sent ${o.sent.lines}`);
      if (o.stored.invalidOutcomes > 0) result.problems.push(`${o.stored.invalidOutcomes} log lines were judged invalid`);
    },
    {
      queries: (org) => logQueries(org, l.hours, result.seed?.stored.sampleTrace ?? null),
      targetP95Ms: LOGS_QUERY_TARGET_MS,
      rowsKey: 'data',
      rowName: 'row',
    },
  );
  return result;
}
