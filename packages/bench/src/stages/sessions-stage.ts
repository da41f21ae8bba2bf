import type { BenchOptions } from '../options.js';
import { SESSIONS_QUERY_TARGET_MS, type SessionsBenchResult, type SessionsTargetResult } from '../report/index.js';
import { seedSessions } from '../seed/index.js';
import { eachDatabase, measureSeeded } from './seeded-stage.js';

export interface SessionsStageContext {
  readonly repoRoot: string;
  readonly runDir: string;
  log(line: string): void;
}

/** The requests the stage times, as the release list and Grafana ask them. */
export function sessionQueries(org: string): { name: string; path: string }[] {
  const base = `/api/0/organizations/${org}/sessions/`;
  return [
    {
      name: '90 days grouped by release (totals)',
      path: `${base}?field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)&field=crash_free_rate(user)&groupBy=release&statsPeriod=90d&interval=1d&per_page=100`,
    },
    {
      name: '90 days grouped by release and session.status, daily series',
      path: `${base}?field=sum(session)&groupBy=release&groupBy=session.status&statsPeriod=90d&interval=1d&per_page=100`,
    },
  ];
}

/**
 * The sessions stage (issue #16, item 7): per database, a corpus of session updates made into
 * rows by the server's own worker, timed on its own (queued first, then drained), the stored
 * totals checked against what was sent, then `/sessions/` over 90 days grouped by release.
 */
export async function sessionsStage(options: BenchOptions, ctx: SessionsStageContext): Promise<SessionsBenchResult> {
  const targets = await eachDatabase(
    options,
    ctx,
    'sessions',
    (database, dir) => sessionsTarget(database, options, ctx, dir),
    (r) => `${r.updatesPerSec ?? 'n/a'} updates/s processed`,
  );
  const s = options.sessions;
  return {
    status: 'measured',
    updates: s.updates,
    releases: s.releases,
    days: s.days,
    aggregateShare: s.aggregateShare,
    warmupRequests: options.query.warmupRequests,
    requests: options.query.requests,
    targets,
  };
}

async function sessionsTarget(database: 'sqlite' | 'postgres', options: BenchOptions, ctx: SessionsStageContext, dir: string): Promise<SessionsTargetResult> {
  const result: SessionsTargetResult = {
    name: `faultline (${database})`,
    database,
    status: 'failed',
    problems: [],
    seed: null,
    updatesPerSec: null,
    itemsPerSec: null,
    queries: [],
  };
  const s = options.sessions;
  await measureSeeded(
    result,
    options,
    ctx.repoRoot,
    () =>
      seedSessions({
        database,
        corpus: { seed: options.seed, updates: s.updates, releases: s.releases, days: s.days, endMs: Date.now(), aggregateShare: s.aggregateShare },
        databaseUrl: options.databaseUrl,
        repoRoot: ctx.repoRoot,
        scratchDir: dir,
        log: (line) => ctx.log(`sessions seed ${line}`),
      }),
    (seeded) => {
      const o = seeded.outcome;
      result.seed = o;
      const seconds = Math.max(o.processMs, 1) / 1000;
      result.updatesPerSec = Math.round(o.sent.updates / seconds);
      result.itemsPerSec = Math.round((o.sent.items + o.sent.aggregateLines) / seconds);
      if (o.stored.sessionsStarted !== o.sent.sessionsStarted)
        result.problems.push(`the server counted ${o.stored.sessionsStarted} sessions started, the corpus started ${o.sent.sessionsStarted}`);
      if (o.stored.invalidOutcomes > 0) result.problems.push(`${o.stored.invalidOutcomes} session items were judged invalid`);
    },
    { queries: sessionQueries, targetP95Ms: SESSIONS_QUERY_TARGET_MS, rowsKey: 'groups', rowName: 'group' },
  );
  return result;
}
