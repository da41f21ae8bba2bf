import { fail } from '../../kernel/index.js';
import { parsePeriodSeconds, type QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import { durationStat, healthValues, rates } from '../health-formulas.js';
import { emptyStats, type SessionGroupStats, type SessionStats } from '../store/session-stats-query.js';

/**
 * `healthData`, `adoptionStages` and `currentProjectMeta` of Sentry's release JSON
 * (`?health=1` on the release lists and details: docs/release-health.md › Releases;
 * https://docs.sentry.io/api/releases/list-an-organizations-releases/). Built here and handed to
 * releases/ by api/, so releases/ never imports this domain: it passes its JSON objects in and
 * gets them back with the health keys added. Percentages (0..100) here, as Sentry's release
 * JSON has them, unlike the fractions of /sessions/.
 */
export interface HealthReleaseJson {
  readonly version: string;
  readonly projects: readonly { readonly id: number; readonly slug: string }[];
}

export interface ReleaseHealthScope {
  /** the project of a project-scoped route, or `project=<id>` on the organization details route */
  readonly projectId: number | null;
  /** details routes fill `currentProjectMeta` */
  readonly details: boolean;
  /** the releases around this one in the project (releases/ knows their order), for `currentProjectMeta` */
  readonly neighbours?: ReleaseNeighbours | null;
}

/** Versions around a release in one project, oldest to newest; null where there is none. */
export interface ReleaseNeighbours {
  readonly prev: string | null;
  readonly next: string | null;
  readonly first: string | null;
  readonly last: string | null;
}

export type AttachReleaseHealth = <T extends HealthReleaseJson>(params: QueryParams, releases: readonly T[], scope: ReleaseHealthScope) => Promise<T[]>;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** `…StatsPeriod` values and their bucket layout (Sentry: 1h → one hour, 24h/48h hourly, 7d–30d daily, 90d in 3-day buckets). */
const STATS_PERIODS: Readonly<Record<string, { readonly buckets: number; readonly bucketMs: number }>> = {
  '1h': { buckets: 1, bucketMs: hourMs },
  '24h': { buckets: 24, bucketMs: hourMs },
  '1d': { buckets: 24, bucketMs: hourMs },
  '48h': { buckets: 48, bucketMs: hourMs },
  '2d': { buckets: 48, bucketMs: hourMs },
  '7d': { buckets: 7, bucketMs: dayMs },
  '14d': { buckets: 14, bucketMs: dayMs },
  '30d': { buckets: 30, bucketMs: dayMs },
  '90d': { buckets: 30, bucketMs: 3 * dayMs },
};
/** Our choice where Sentry leaves it to the implementation: 24 h session adoption of 10 % makes a release "adopted". */
export const ADOPTION_THRESHOLD = 0.1;

const one = (params: QueryParams, name: string): string | undefined => {
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
};
const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
const pct = (fraction: number | null) => (fraction === null ? null : fraction * 100);
const ratio = (part: number, whole: number) => (part === 0 || whole === 0 ? null : (part / whole) * 100);

export function createReleaseHealthData(deps: { store: Store; clock: { now(): number } }): AttachReleaseHealth {
  const { store } = deps;
  return async <T extends HealthReleaseJson>(params: QueryParams, releases: readonly T[], scope: ReleaseHealthScope): Promise<T[]> => {
    const health = one(params, 'health') === '1';
    // Details with health=1 carry adoptionStages too: the MCP server's get_release_details sends only health=1 and prints them.
    const wantsStages = one(params, 'adoptionStages') === '1' || (health && scope.details);
    if (!health && !wantsStages) return [...releases];
    const healthStat = one(params, 'healthStat') ?? 'sessions';
    if (healthStat !== 'sessions' && healthStat !== 'users') fail('validation_failed', 'invalid healthStat');
    const statsPeriod = one(params, 'healthStatsPeriod') ?? (health ? '24h' : undefined);
    const layout = statsPeriod === undefined ? undefined : STATS_PERIODS[statsPeriod];
    if (statsPeriod !== undefined && layout === undefined) fail('validation_failed', `Invalid healthStatsPeriod: ${statsPeriod.slice(0, 20)}`);
    const summaryPeriod = one(params, 'summaryStatsPeriod') ?? '14d';
    const summaryMs = parsePeriodSeconds(summaryPeriod, 'summaryStatsPeriod') * 1000;
    const envs = [params.environment ?? []].flat().filter((e) => e !== '');
    const environments = envs.length === 0 ? {} : { environments: envs };

    const now = deps.clock.now();
    const end = Math.ceil((now + 1) / hourMs) * hourMs;
    const versions = [...new Set(releases.map((r) => r.version))];
    const projectIds = [...new Set(releases.flatMap((r) => r.projects.map((p) => p.id)))];
    if (versions.length === 0 || projectIds.length === 0) return [...releases];
    const byKey = (groups: SessionGroupStats[]) => new Map(groups.map((g) => [`${g.by.project}\u0000${g.by.release ?? ''}`, g]));
    const window = (ms: number) => ({ start: end - ms, end, intervalMs: ms });
    const base = { projectIds, ...environments };
    const [summary, day, projectDay, ever, series] = await Promise.all([
      store.releaseHealth.stats({ ...base, ...window(summaryMs), releases: versions, groupBy: ['project', 'release'], withDurations: true }).then(byKey),
      store.releaseHealth.stats({ ...base, ...window(dayMs), releases: versions, groupBy: ['project', 'release'] }).then(byKey),
      store.releaseHealth.stats({ ...base, ...window(dayMs), groupBy: ['project'] }).then(byKey),
      store.releaseHealth.stats({ ...base, ...window(90 * dayMs), releases: versions, groupBy: ['project', 'release'] }).then(byKey),
      layout === undefined
        ? Promise.resolve(new Map<string, SessionGroupStats>())
        : store.releaseHealth
            .stats({
              ...base,
              start: end - layout.buckets * layout.bucketMs,
              end,
              intervalMs: layout.bucketMs,
              releases: versions,
              groupBy: ['project', 'release'],
            })
            .then(byKey),
    ]);

    const out: T[] = [];
    for (const release of releases) {
      const stages: Record<string, { stage: string; adopted: string | null; unadopted: string | null }> = {};
      const projects = [];
      for (const project of release.projects) {
        const key = `${project.id}\u0000${release.version}`;
        const s = summary.get(key)?.totals ?? emptyStats();
        const v = healthValues(s);
        const d = healthValues(day.get(key)?.totals ?? emptyStats());
        const pd = healthValues(projectDay.get(`${project.id}\u0000`)?.totals ?? emptyStats());
        const hasHealthData = (ever.get(key)?.totals.inits ?? 0) > 0;
        const adoption = ratio(d.users, pd.users);
        const sessionsAdoption = ratio(d.sessions, pd.sessions);
        if (wantsStages) stages[project.slug] = await stageOf(store, project.id, release.version, hasHealthData, sessionsAdoption);
        if (!health) {
          projects.push({ ...project, hasHealthData });
          continue;
        }
        const statsSeries = layout === undefined ? undefined : seriesOf(series.get(key)?.slots ?? [], layout, end, healthStat);
        projects.push({
          ...project,
          hasHealthData,
          healthData: {
            crashFreeUsers: pct(rates.crashFreeUserRate(v)),
            crashFreeSessions: pct(rates.crashFreeRate(v)),
            unhandledFreeUsers: pct(rates.unhandledFreeUserRate(v)),
            unhandledFreeSessions: pct(rates.unhandledFreeRate(v)),
            sessionsCrashed: v.crashed,
            sessionsErrored: v.errored,
            sessionsUnhandled: v.unhandled,
            totalUsers: v.users === 0 ? null : v.users,
            totalSessions: v.sessions === 0 ? null : v.sessions,
            totalUsers24h: d.users === 0 ? null : d.users,
            totalSessions24h: d.sessions === 0 ? null : d.sessions,
            totalProjectUsers24h: pd.users === 0 ? null : pd.users,
            totalProjectSessions24h: pd.sessions === 0 ? null : pd.sessions,
            adoption,
            sessionsAdoption,
            durationP50: durationStat(s, 0.5),
            durationP90: durationStat(s, 0.9),
            ...(statsSeries === undefined || statsPeriod === undefined ? {} : { stats: { [statsPeriod]: statsSeries } }),
            hasHealthData,
          },
        });
      }
      const extra: Record<string, unknown> = { projects };
      if (wantsStages) extra.adoptionStages = stages;
      if (scope.details)
        extra.currentProjectMeta =
          scope.projectId !== null && health ? await currentProjectMeta(store, scope.projectId, release.version, scope.neighbours ?? null) : {};
      out.push({ ...release, ...extra });
    }
    return out;
  };
}

function seriesOf(slots: readonly SessionStats[], layout: { buckets: number; bucketMs: number }, end: number, stat: 'sessions' | 'users'): [number, number][] {
  const start = end - layout.buckets * layout.bucketMs;
  return Array.from({ length: layout.buckets }, (_, i) => {
    const v = healthValues(slots[i] ?? emptyStats());
    return [Math.floor((start + i * layout.bucketMs) / 1000), stat === 'users' ? v.users : v.sessions];
  });
}

export type AdoptionStage = 'adopted' | 'low_adoption' | 'replaced';

/**
 * A release's stage in a project: adopted while its share of the project's sessions in the last
 * 24 h (percent) reaches the threshold; replaced once it has sessions but none in the last day
 * (another release took over); low adoption otherwise. The release list's `release.stage:`
 * filter (release-health-order.ts) reads the same rule.
 */
export function adoptionStage(hasSessions: boolean, sessionsAdoption: number | null): AdoptionStage {
  if (sessionsAdoption !== null && sessionsAdoption >= ADOPTION_THRESHOLD * 100) return 'adopted';
  if (hasSessions && sessionsAdoption === null) return 'replaced';
  return 'low_adoption';
}

async function stageOf(store: Store, projectId: number, version: string, hasHealthData: boolean, sessionsAdoption: number | null) {
  const bounds = hasHealthData ? await store.releaseHealth.bounds(projectId, version) : null;
  const adopted = bounds === null ? null : isoSeconds(bounds.first);
  const stage = adoptionStage(bounds !== null, sessionsAdoption);
  if (stage === 'adopted') return { stage, adopted, unadopted: null };
  if (stage === 'replaced' && bounds !== null) return { stage, adopted, unadopted: isoSeconds(bounds.last + hourMs) };
  return { stage: 'low_adoption', adopted: null, unadopted: null };
}

/**
 * The bounds of the release's sessions in the project, and the releases around it in the
 * project's release order (creation, as the release list), which releases/ looks up and hands in.
 */
async function currentProjectMeta(store: Store, projectId: number, version: string, neighbours: ReleaseNeighbours | null) {
  const bounds = await store.releaseHealth.bounds(projectId, version);
  return {
    sessionsLowerBound: bounds === null ? null : isoSeconds(bounds.first),
    sessionsUpperBound: bounds === null ? null : isoSeconds(bounds.last + hourMs),
    prevReleaseVersion: neighbours?.prev ?? null,
    nextReleaseVersion: neighbours?.next ?? null,
    firstReleaseVersion: neighbours?.first ?? null,
    lastReleaseVersion: neighbours?.last ?? null,
  };
}
