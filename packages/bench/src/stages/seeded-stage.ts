import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startFaultline } from '../faultline/index.js';
import type { BenchOptions } from '../options.js';
import { createApiClient, measureQuery, type QuerySpec } from '../queries/index.js';
import type { QueryFigures } from '../report/index.js';

/** What the logs and sessions stages time on their seeded data set. */
export interface SeededQueries {
  /** the requests, named, for the seeded server's organization */
  queries(org: string): { name: string; path: string }[];
  readonly targetP95Ms: number;
  /** the answer's key whose array length counts as its rows (`data` for events, `groups` for sessions) */
  readonly rowsKey: string;
  /** how an answer without rows is named in a problem line ("row", "group") */
  readonly rowName: string;
}

/**
 * Starts a server with its worker off on the seeded data directory (and database), times each
 * query one at a time (warm-up first), adds the figures and any problem to `result`, and stops
 * the server. Throws what start-up throws; the caller records it.
 */
async function timeSeededQueries(
  seeded: { readonly dataDir: string; readonly databaseUrl: string | null },
  options: BenchOptions,
  repoRoot: string,
  what: SeededQueries,
  result: { readonly queries: QueryFigures[]; readonly problems: string[] },
): Promise<void> {
  const server = await startFaultline({
    repoRoot,
    dataDir: seeded.dataDir,
    databaseUrl: seeded.databaseUrl,
    startTimeoutMs: 120_000,
    settings: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' },
  });
  try {
    const client = createApiClient(server.host, server.port, server.workspace.token);
    try {
      for (const q of what.queries(server.workspace.org)) {
        const spec: QuerySpec = {
          name: q.name,
          path: q.path,
          targetP95Ms: what.targetP95Ms,
          async run(c) {
            const a = await c.get(q.path);
            if (a.status !== 200) return { ms: a.ms, ok: false, failure: `${a.status} ${a.body.toString('utf8', 0, 200)}`, rows: null };
            const rows = (JSON.parse(a.body.toString('utf8')) as Record<string, unknown>)[what.rowsKey];
            return { ms: a.ms, ok: true, failure: null, rows: Array.isArray(rows) ? rows.length : null };
          },
        };
        const { figures, failure } = await measureQuery(client, spec, options.query.warmupRequests, options.query.requests);
        result.queries.push(figures);
        if (failure !== null) result.problems.push(`${q.name}: ${failure}`);
        else if (!figures.rows) result.problems.push(`${q.name}: no ${what.rowName} in the answer, so its figure measures an empty answer`);
      }
    } finally {
      client.close();
    }
  } finally {
    if ((await server.stop().catch(() => 'failed')) === 'killed') result.problems.push('the server did not shut down within 20 s of SIGTERM and was killed');
  }
}

/** The part of a logs or sessions stage's per-database result this file fills. */
export interface SeededTargetResult {
  status: 'ok' | 'failed';
  readonly problems: string[];
  readonly queries: QueryFigures[];
}

/**
 * One database of a seeded stage: seed (the stage's own seeding process), let `check` read the
 * outcome into the result (rates, and a problem for anything the server did not store as sent),
 * time the queries on the seed, and release the seed unless `--keep`. Anything thrown becomes a
 * problem; the result is `ok` only without problems.
 */
export async function measureSeeded<Seeded extends { readonly dataDir: string; readonly databaseUrl: string | null; release(): Promise<void> }>(
  result: SeededTargetResult,
  options: BenchOptions,
  repoRoot: string,
  seed: () => Promise<Seeded>,
  check: (seeded: Seeded) => void,
  what: SeededQueries,
): Promise<void> {
  let seeded: Seeded | null = null;
  try {
    seeded = await seed();
    check(seeded);
    await timeSeededQueries(seeded, options, repoRoot, what, result);
    result.status = result.problems.length === 0 ? 'ok' : 'failed';
  } catch (err) {
    result.problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    if (seeded !== null && !options.keep) await seeded.release().catch(() => {});
  }
}

/**
 * Runs a seeded stage's `target` for each database of the run (the baseline has none), in the
 * stage's own directory of the run, logging each result with its rate.
 */
export async function eachDatabase<Result extends { readonly status: string; readonly problems: readonly string[] }>(
  options: BenchOptions,
  ctx: { readonly runDir: string; log(line: string): void },
  stage: string,
  target: (database: 'sqlite' | 'postgres', dir: string) => Promise<Result>,
  rate: (result: Result) => string,
): Promise<Result[]> {
  const dir = join(ctx.runDir, stage);
  await mkdir(dir, { recursive: true });
  const results: Result[] = [];
  for (const database of options.targets.filter((t): t is 'sqlite' | 'postgres' => t !== 'baseline')) {
    ctx.log(`${stage} (${database}): running…`);
    const r = await target(database, dir);
    ctx.log(`${stage} (${database}): ${r.status}, ${rate(r)}${r.problems.length ? ` — ${r.problems.join('; ')}` : ''}`);
    results.push(r);
  }
  return results;
}
