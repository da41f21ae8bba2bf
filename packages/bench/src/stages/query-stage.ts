import { join } from 'node:path';
import { type RunningFaultline, startFaultline } from '../faultline/index.js';
import type { BenchOptions } from '../options.js';
import { createApiClient, measureQuery, queryPlan } from '../queries/index.js';
import type { QueryBenchResult, QueryTargetResult, SeedFigures } from '../report/index.js';
import { type SeedDatabase, type SeededDatabase, seededDatabase } from '../seed/index.js';

export interface QueryStageContext {
  readonly repoRoot: string;
  /** the run's temp directory (throw-away seeds of smoke runs) */
  readonly runDir: string;
  /** the cache of seeded databases (packages/bench/.work/query-seed) */
  readonly cacheDir: string;
  log(line: string): void;
}

/**
 * The query benchmark of issue #8: a seeded data set per database (SQLite, and PostgreSQL
 * with DATABASE_URL), Faultline serving it with its worker off, and p50/p95/p99 of the issue
 * list, the issue page and the latest event, each from sequential requests after a warm-up.
 */
export async function queryStage(options: BenchOptions, ctx: QueryStageContext): Promise<QueryBenchResult> {
  const databases = options.targets.filter((t): t is SeedDatabase => t === 'sqlite' || t === 'postgres');
  if (databases.length === 0) return { status: 'skipped', reason: 'no Faultline target selected (--targets)' };
  const targets: QueryTargetResult[] = [];
  for (const database of databases) {
    ctx.log(`query (${database}): running…`);
    const result = await queryTarget(database, options, ctx);
    ctx.log(`query (${database}): ${result.status}${result.problems.length ? ` — ${result.problems.length} problem(s)` : ''}`);
    targets.push(result);
  }
  return { status: 'measured', warmupRequests: options.query.warmupRequests, requests: options.query.requests, targets };
}

function seedFigures(s: SeededDatabase, requested: BenchOptions['query']): SeedFigures {
  const m = s.manifest;
  return {
    requestedEvents: requested.events,
    requestedIssues: requested.issues,
    events: m.counts.events,
    issues: m.counts.issues,
    issueTags: m.counts.issueTags,
    issueHourly: m.counts.issueHourly,
    issueUsers: m.counts.issueUsers,
    largestIssueEvents: m.counts.largestIssueEvents,
    days: m.corpus.days,
    reused: s.reused,
    pipelineChanged: s.pipelineChanged,
    seededAt: m.seededAt,
    seedMs: m.seedMs,
    eventsPerSec: Math.round((m.counts.events / Math.max(1, m.seedMs)) * 1000),
    cacheKey: m.key,
  };
}

async function queryTarget(database: SeedDatabase, options: BenchOptions, ctx: QueryStageContext): Promise<QueryTargetResult> {
  const result: QueryTargetResult = { name: `faultline (${database})`, database, status: 'failed', problems: [], seed: null, sampleIssues: [], queries: [] };
  const q = options.query;
  let seeded: SeededDatabase | null = null;
  let server: RunningFaultline | null = null;
  try {
    seeded = await seededDatabase({
      database,
      corpus: { seed: options.seed, events: q.events, issues: q.issues, days: q.days, largeShare: options.largeShare },
      databaseUrl: options.databaseUrl,
      repoRoot: ctx.repoRoot,
      cacheDir: q.cache ? ctx.cacheDir : null,
      reseed: q.reseed,
      scratchDir: ctx.runDir,
      log: (line) => ctx.log(`query ${line}`),
    });
    result.seed = seedFigures(seeded, q);
    // The worker off: nothing but the measured requests runs (no retention sweep, no alerts).
    server = await startFaultline({
      repoRoot: ctx.repoRoot,
      dataDir: seeded.dataDir,
      databaseUrl: seeded.databaseUrl,
      startTimeoutMs: 120_000,
      settings: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' },
    });
    await measureAll(server, options, result);
    result.status = result.problems.length === 0 ? 'ok' : 'failed';
  } catch (err) {
    result.problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    if (server !== null && (await server.stop()) === 'killed') result.problems.push('the server did not shut down within 20 s of SIGTERM and was killed');
    await seeded?.release().catch((err: unknown) => result.problems.push(`could not remove the seed: ${String(err)}`));
  }
  return result;
}

async function measureAll(server: RunningFaultline, options: BenchOptions, result: QueryTargetResult): Promise<void> {
  const { workspace } = server;
  const client = createApiClient(server.host, server.port, workspace.token);
  try {
    // The issue pages opened are those the default list shows first: what a user clicks on.
    const first = await client.get(`/api/0/projects/${workspace.org}/${workspace.project}/issues/?statsPeriod=24h`);
    if (first.status !== 200) throw new Error(`the issue list answered ${first.status}: ${first.body.toString('utf8', 0, 300)}`);
    const listed = JSON.parse(first.body.toString('utf8')) as { id: string; count: string }[];
    if (listed.length === 0) throw new Error('the issue list is empty: the seed left no issues');
    result.sampleIssues = listed.map((i) => ({ id: i.id, events: Number(i.count) }));
    const scope = { org: workspace.org, project: workspace.project, projectId: workspace.projectId, issueIds: listed.map((i) => i.id) };
    for (const spec of queryPlan(scope)) {
      const { figures, failure } = await measureQuery(client, spec, options.query.warmupRequests, options.query.requests);
      result.queries.push(figures);
      if (failure !== null) result.problems.push(`${spec.name}: ${failure}`);
      else if (figures.rows === 0) result.problems.push(`${spec.name}: matched no issue, so its figure measures an empty answer`);
    }
  } finally {
    client.close();
  }
}

export const queryCacheDir = (workDir: string) => join(workDir, 'query-seed');
