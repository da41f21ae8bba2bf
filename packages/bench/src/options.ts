import { parseArgs } from 'node:util';

export type TargetName = 'baseline' | 'sqlite' | 'postgres';
export type StageName = 'ingest' | 'query' | 'spans' | 'sessions' | 'logs';

export interface BenchOptions {
  readonly mode: 'full' | 'smoke';
  readonly seed: number;
  readonly corpusSize: number;
  readonly errorTypes: number;
  readonly transactionShare: number;
  readonly sessionShare: number;
  readonly largeShare: number;
  readonly concurrency: number;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly saturationSeconds: number;
  readonly openSeconds: number;
  readonly rate: number;
  readonly drainSeconds: number;
  /** Processing that makes no progress for this long is reported as stalled instead of waited for. */
  readonly stallSeconds: number;
  readonly sampleEveryMs: number;
  readonly requestTimeoutMs: number;
  readonly targets: readonly TargetName[];
  readonly databaseUrl: string | null;
  readonly resultsDir: string;
  readonly keep: boolean;
  /** which stages run (`--only`); both by default */
  readonly stages: readonly StageName[];
  /** FAULTLINE_WORKER_THREADS for the Faultline targets; null = the server's default */
  readonly workerThreads: number | null;
  /** further FAULTLINE_* settings for the Faultline targets (`--server-env`) */
  readonly serverEnv: Readonly<Record<string, string>>;
  readonly query: QueryOptions;
  readonly spans: SpansOptions;
  readonly sessions: SessionsOptions;
  readonly logs: LogsOptions;
}

/** The logs stage (docs/performance.md › Logs). */
export interface LogsOptions {
  /** log lines processed */
  readonly lines: number;
  /** lines per `log` item, as an SDK batches them (the JS SDK flushes up to 100 at a time) */
  readonly linesPerEnvelope: number;
  /** hours the lines spread over, ending at seeding time */
  readonly hours: number;
}

/** The sessions stage (docs/performance.md › Sessions). */
export interface SessionsOptions {
  /** session updates processed, aggregates counted as their sums */
  readonly updates: number;
  /** releases the updates roll out over */
  readonly releases: number;
  /** days the updates spread over, ending at seeding time */
  readonly days: number;
  /** share of envelopes that are server aggregates (`sessions` items) rather than single updates */
  readonly aggregateShare: number;
}

/** The spans stage (docs/performance.md › Spans). */
export interface SpansOptions {
  /** envelopes in the spans corpus, sent round-robin with a fresh trace id each time */
  readonly corpus: number;
  /** share of v2 span containers (the rest are v1 transactions) */
  readonly v2Share: number;
  /** offered transactions/s of the open-loop phase */
  readonly rate: number;
  /** spans seeded before the "p95 per transaction over 24 h" query is measured */
  readonly seedSpans: number;
  /** hours the seeded requests spread over, ending at seeding time */
  readonly hours: number;
  /** when > 1, the query is measured again after the transaction rollup rows are multiplied to what this many times the seeded spans leave (scaled rows, not seeded spans) */
  readonly scale: number;
}

export interface QueryOptions {
  readonly events: number;
  readonly issues: number;
  readonly days: number;
  readonly warmupRequests: number;
  /** measured sequential requests per query */
  readonly requests: number;
  /** reuse a seeded template from packages/bench/.work (full runs); smoke runs always seed afresh */
  readonly cache: boolean;
  /** make new seeds even where cached ones fit */
  readonly reseed: boolean;
}

export type OptionsResult = { ok: true; options: BenchOptions } | { ok: false; reason: string } | { ok: 'help' };

const FULL = {
  seed: 1,
  corpusSize: 5000,
  errorTypes: 200,
  transactionShare: 0.2,
  sessionShare: 0.1,
  largeShare: 0.1,
  concurrency: 32,
  warmupSeconds: 2,
  saturationSeconds: 20,
  openSeconds: 20,
  rate: 1000,
  drainSeconds: 60,
  stallSeconds: 10,
  // Seeding runs the real pipeline at a few hundred to ~1,000 events/s on two cores: this many fit about five minutes (docs/performance.md).
  queryEvents: 200_000,
  queryIssues: 10_000,
  queryDays: 14,
  queryWarmup: 20,
  queryRequests: 200,
  spansCorpus: 500,
  spansV2: 0.5,
  spansRate: 200,
  // Seeding runs the real pipeline (a few hundred requests of ~110 spans a second on two cores): a few minutes.
  spansSeed: 1_000_000,
  spansHours: 24,
  // At the 10,000 updates/s target, a minute of the worker's time.
  sessionsUpdates: 600_000,
  sessionsReleases: 100,
  sessionsDays: 90,
  // One envelope in ten from a server's request-session aggregates, whose counters then outweigh the page loads.
  sessionsAggregates: 0.1,
  // At the 10,000 lines/s target, a minute of the worker's time.
  logsLines: 600_000,
  logsPerEnvelope: 25,
  logsHours: 24,
};
// Smoke: every stage once, a few seconds in all; the figures mean nothing.
const SMOKE: typeof FULL = {
  seed: 1,
  corpusSize: 60,
  errorTypes: 20,
  transactionShare: 0.2,
  sessionShare: 0.1,
  largeShare: 0.1,
  concurrency: 4,
  warmupSeconds: 0,
  saturationSeconds: 1,
  openSeconds: 1,
  rate: 100,
  drainSeconds: 3,
  stallSeconds: 2,
  queryEvents: 2000,
  queryIssues: 50,
  queryDays: 14,
  queryWarmup: 2,
  queryRequests: 5,
  spansCorpus: 12,
  spansV2: 0.5,
  spansRate: 20,
  spansSeed: 5000,
  spansHours: 24,
  sessionsUpdates: 3000,
  sessionsReleases: 10,
  sessionsDays: 90,
  sessionsAggregates: 0.1,
  logsLines: 3000,
  logsPerEnvelope: 25,
  logsHours: 24,
};

export const usage = `usage: npm run bench -- [options]      (or: node packages/bench/dist/main.js [options])

  --smoke                 a few seconds, tiny corpus: proves every stage runs (also BENCH_SMOKE=1)
  --seed N                corpus seed (default 1)
  --corpus N              envelopes in the corpus, reused round-robin (default 5000)
  --error-types N         distinct error types = future issues (default 200)
  --transactions F        share of transaction envelopes (default 0.2)
  --sessions F            share of session envelopes (default 0.1)
  --large F               share of error events with a 30–80 KB extra, gzipped (default 0.1)
  --concurrency C         in-flight requests at saturation (default 32)
  --connections N         keep-alive sockets (default = concurrency)
  --warmup S              seconds of unmeasured saturation first (default 2)
  --saturation S          measured seconds of the closed-loop phase (default 20)
  --open S                seconds of the open-loop phase (default 20)
  --rate R                offered envelopes/s in the open-loop phase (default 1000)
  --drain S               longest wait for processing to catch up (default 60)
  --targets LIST          baseline,sqlite,postgres (default baseline,sqlite[,postgres if DATABASE_URL])
  --results-dir DIR       where results go (default packages/bench/results)
  --keep                  keep the run's temp directory (corpus, data dirs)
  --only STAGE            run one stage only: ingest, query, spans, sessions or logs (default all five)
  --worker-threads N      FAULTLINE_WORKER_THREADS for the Faultline servers (default: the server's default)
  --server-env K=V[,K=V]  more FAULTLINE_* settings for the Faultline servers (e.g. FAULTLINE_WORKER_BATCH_SIZE=50)
  --query-events N        error events seeded for the query benchmark (default 200000)
  --query-issues N        distinct issues among them (default 10000)
  --query-days D          days the seeded events spread over (default 14)
  --query-requests N      measured sequential requests per query (default 200)
  --query-warmup N        unmeasured requests per query first (default 20)
  --spans-corpus N        spans stage: envelopes in its corpus, 20–200 spans each (default 500)
  --spans-v2 F            spans stage: share of v2 span containers, the rest v1 transactions (default 0.5)
  --spans-rate R          spans stage: offered transactions/s in its open-loop phase (default 200)
  --spans-seed N          spans stage: spans seeded before the query is measured (default 1000000; the target is at 10000000)
  --spans-hours H         spans stage: hours the seeded requests spread over (default 24)
  --spans-scale N         spans stage: also time the query after copying the rollup rows to what N× the seeded spans leave (default 1: off)
  --sessions-updates N    sessions stage: session updates processed, aggregates counted as their sums (default 600000)
  --sessions-releases N   sessions stage: releases they roll out over (default 100)
  --sessions-days D       sessions stage: days they spread over (default 90)
  --sessions-aggregates F sessions stage: share of envelopes that are server aggregates, the rest single updates (default 0.1)
  --logs-lines N          logs stage: log lines processed (default 600000)
  --logs-per-envelope N   logs stage: lines per log item (default 25)
  --logs-hours H          logs stage: hours the lines spread over (default 24)
  --reseed                seed the query benchmark's data anew instead of reusing the cached seed
  DATABASE_URL=postgres://…  also bench Faultline on PostgreSQL, in a fresh schema dropped afterwards`;

function num(raw: string | undefined, fallback: number, name: string, min: number, max: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new RangeError(`--${name} must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>, defaultResultsDir: string): OptionsResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        smoke: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        keep: { type: 'boolean' },
        reseed: { type: 'boolean' },
        seed: { type: 'string' },
        corpus: { type: 'string' },
        'error-types': { type: 'string' },
        transactions: { type: 'string' },
        sessions: { type: 'string' },
        large: { type: 'string' },
        concurrency: { type: 'string' },
        connections: { type: 'string' },
        warmup: { type: 'string' },
        saturation: { type: 'string' },
        open: { type: 'string' },
        rate: { type: 'string' },
        drain: { type: 'string' },
        targets: { type: 'string' },
        'results-dir': { type: 'string' },
        only: { type: 'string' },
        'query-events': { type: 'string' },
        'query-issues': { type: 'string' },
        'query-days': { type: 'string' },
        'query-requests': { type: 'string' },
        'query-warmup': { type: 'string' },
        'worker-threads': { type: 'string' },
        'server-env': { type: 'string' },
        'spans-corpus': { type: 'string' },
        'spans-v2': { type: 'string' },
        'spans-rate': { type: 'string' },
        'spans-seed': { type: 'string' },
        'spans-hours': { type: 'string' },
        'spans-scale': { type: 'string' },
        'sessions-updates': { type: 'string' },
        'sessions-releases': { type: 'string' },
        'sessions-days': { type: 'string' },
        'sessions-aggregates': { type: 'string' },
        'logs-lines': { type: 'string' },
        'logs-per-envelope': { type: 'string' },
        'logs-hours': { type: 'string' },
      },
    }).values;
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  if (values.help === true) return { ok: 'help' };
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const smoke = values.smoke === true || env.BENCH_SMOKE === '1';
  const d = smoke ? SMOKE : FULL;
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  try {
    const concurrency = num(str('concurrency'), d.concurrency, 'concurrency', 1, 4096, true);
    const transactionShare = num(str('transactions'), d.transactionShare, 'transactions', 0, 1, false);
    const sessionShare = num(str('sessions'), d.sessionShare, 'sessions', 0, 1, false);
    if (transactionShare + sessionShare >= 1) throw new RangeError('--transactions plus --sessions must leave room for error events');
    const targets = parseTargets(str('targets'), databaseUrl);
    const saturationSeconds = num(str('saturation'), d.saturationSeconds, 'saturation', 0.1, 3600, false);
    const stages = parseStages(str('only'));
    const queryIssues = num(str('query-issues'), d.queryIssues, 'query-issues', 1, 1_000_000, true);
    const queryEvents = num(str('query-events'), Math.max(d.queryEvents, queryIssues), 'query-events', 1, 100_000_000, true);
    if (queryEvents < queryIssues) throw new RangeError('--query-events must be at least --query-issues (every issue needs an event)');
    return {
      ok: true,
      options: {
        mode: smoke ? 'smoke' : 'full',
        seed: num(str('seed'), d.seed, 'seed', 0, 2 ** 32 - 1, true),
        corpusSize: num(str('corpus'), d.corpusSize, 'corpus', 1, 1_000_000, true),
        errorTypes: num(str('error-types'), d.errorTypes, 'error-types', 1, 100_000, true),
        transactionShare,
        sessionShare,
        largeShare: num(str('large'), d.largeShare, 'large', 0, 1, false),
        concurrency,
        connections: num(str('connections'), concurrency, 'connections', 1, 4096, true),
        warmupSeconds: num(str('warmup'), d.warmupSeconds, 'warmup', 0, 600, false),
        saturationSeconds,
        openSeconds: num(str('open'), d.openSeconds, 'open', 0.1, 3600, false),
        rate: num(str('rate'), d.rate, 'rate', 1, 1_000_000, false),
        drainSeconds: num(str('drain'), d.drainSeconds, 'drain', 0, 3600, false),
        stallSeconds: d.stallSeconds,
        sampleEveryMs: smoke ? 250 : 1000,
        requestTimeoutMs: 30_000,
        targets,
        databaseUrl,
        resultsDir: str('results-dir') ?? defaultResultsDir,
        keep: values.keep === true,
        stages,
        workerThreads: str('worker-threads') === undefined ? null : num(str('worker-threads'), 0, 'worker-threads', 0, 16, true),
        serverEnv: parseServerEnv(str('server-env')),
        query: {
          events: queryEvents,
          issues: queryIssues,
          days: num(str('query-days'), d.queryDays, 'query-days', 0.01, 30, false),
          warmupRequests: num(str('query-warmup'), d.queryWarmup, 'query-warmup', 0, 100_000, true),
          requests: num(str('query-requests'), d.queryRequests, 'query-requests', 1, 1_000_000, true),
          cache: !smoke,
          reseed: values.reseed === true,
        },
        spans: {
          corpus: num(str('spans-corpus'), d.spansCorpus, 'spans-corpus', 1, 100_000, true),
          v2Share: num(str('spans-v2'), d.spansV2, 'spans-v2', 0, 1, false),
          rate: num(str('spans-rate'), d.spansRate, 'spans-rate', 1, 1_000_000, false),
          seedSpans: num(str('spans-seed'), d.spansSeed, 'spans-seed', 1, 1_000_000_000, true),
          hours: num(str('spans-hours'), d.spansHours, 'spans-hours', 0.1, 24 * 30, false),
          scale: num(str('spans-scale'), 1, 'spans-scale', 1, 100, true),
        },
        sessions: {
          updates: num(str('sessions-updates'), d.sessionsUpdates, 'sessions-updates', 1, 1_000_000_000, true),
          releases: num(str('sessions-releases'), d.sessionsReleases, 'sessions-releases', 1, 10_000, true),
          // Relay drops sessions started over 5 days before they were received, so the seed moves receive times along with them; 90 days is the API's window.
          days: num(str('sessions-days'), d.sessionsDays, 'sessions-days', 0.1, 90, false),
          aggregateShare: num(str('sessions-aggregates'), d.sessionsAggregates, 'sessions-aggregates', 0, 1, false),
        },
        logs: {
          lines: num(str('logs-lines'), d.logsLines, 'logs-lines', 1, 1_000_000_000, true),
          linesPerEnvelope: num(str('logs-per-envelope'), d.logsPerEnvelope, 'logs-per-envelope', 1, 1000, true),
          hours: num(str('logs-hours'), d.logsHours, 'logs-hours', 0.1, 24 * 30, false),
        },
      },
    };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

function parseTargets(raw: string | undefined, databaseUrl: string | null): TargetName[] {
  if (raw === undefined) return databaseUrl ? ['baseline', 'sqlite', 'postgres'] : ['baseline', 'sqlite'];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const targets: TargetName[] = [];
  for (const n of names) {
    if (n !== 'baseline' && n !== 'sqlite' && n !== 'postgres') throw new RangeError(`unknown target "${n}" (baseline, sqlite, postgres)`);
    if (n === 'postgres' && !databaseUrl) throw new RangeError('the postgres target needs DATABASE_URL');
    if (!targets.includes(n)) targets.push(n);
  }
  if (targets.length === 0) throw new RangeError('--targets names no target');
  return targets;
}

function parseStages(raw: string | undefined): StageName[] {
  if (raw === undefined) return ['ingest', 'query', 'spans', 'sessions', 'logs'];
  if (raw !== 'ingest' && raw !== 'query' && raw !== 'spans' && raw !== 'sessions' && raw !== 'logs')
    throw new RangeError(`--only takes ingest, query, spans, sessions or logs, got "${raw}"`);
  return [raw];
}

/** DATABASE_URL without credentials, for the report. */
export function redactDatabaseUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://(unparseable)';
  }
}

/** `--server-env FAULTLINE_A=1,FAULTLINE_B=x`: only the server's own settings, so nothing else of the shell leaks in. */
function parseServerEnv(raw: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  if (raw === undefined) return env;
  for (const pair of raw.split(',')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, Math.max(eq, 0));
    if (!/^FAULTLINE_[A-Z0-9_]+$/.test(key)) throw new RangeError(`--server-env takes FAULTLINE_NAME=value pairs separated by commas, got "${pair}"`);
    env[key] = pair.slice(eq + 1);
  }
  return env;
}
