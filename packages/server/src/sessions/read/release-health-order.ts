import { parsePeriodSeconds, type QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import { healthValues, rates } from '../health-formulas.js';
import type { SessionGroupStats } from '../store/session-stats-query.js';
import { type AdoptionStage, adoptionStage } from './release-health-data.js';

/**
 * The release list's health sorts (`sort=sessions|users|crash_free_sessions|crash_free_users|
 * sessions_24h|users_24h|adoption` with `flatten=1`; docs/releases.md › Sorting and filtering the
 * release list): one value per (project, release) that had sessions in the window, as Sentry's
 * release list ranks by stability — `summaryStatsPeriod` (default 14 days) unless the sort
 * names 24 h, `environment=` applied. Crash-free rates are fractions, adoption the release's
 * share of the project's users over the last 24 h. releases/ orders and pages the rows; api/
 * hands this in, so releases/ needs no import of this domain.
 */
export type ReleaseHealthSort = 'sessions' | 'users' | 'crash_free_sessions' | 'crash_free_users' | 'sessions_24h' | 'users_24h' | 'adoption';

export interface ReleaseHealthRank {
  readonly projectId: number;
  readonly version: string;
  /** null where the rate has no denominator (no users) */
  readonly value: number | null;
}

export type RankReleasesByHealth = (params: QueryParams, sort: ReleaseHealthSort, projectIds: readonly number[]) => Promise<ReleaseHealthRank[]>;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export function createReleaseHealthOrder(deps: { store: Store; clock: { now(): number } }): RankReleasesByHealth {
  return async (params, sort, projectIds) => {
    if (projectIds.length === 0) return [];
    const one = (name: string) => {
      const v = params[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const environments = [params.environment ?? []].flat().filter((e) => e !== '');
    const lastDay = sort === 'sessions_24h' || sort === 'users_24h' || sort === 'adoption';
    const windowMs = lastDay ? dayMs : parsePeriodSeconds(one('summaryStatsPeriod') ?? '14d', 'summaryStatsPeriod') * 1000;
    const end = Math.ceil((deps.clock.now() + 1) / hourMs) * hourMs;
    const query = { projectIds, start: end - windowMs, end, intervalMs: windowMs, ...(environments.length > 0 ? { environments } : {}) };
    const groups = await deps.store.releaseHealth.stats({ ...query, groupBy: ['project', 'release'] });
    const projectUsers =
      sort === 'adoption'
        ? new Map((await deps.store.releaseHealth.stats({ ...query, groupBy: ['project'] })).map((g) => [g.by.project, healthValues(g.totals).users]))
        : new Map<number | undefined, number>();
    return groups.flatMap((g: SessionGroupStats) => {
      const v = healthValues(g.totals);
      if (v.sessions === 0 || g.by.project === undefined || g.by.release === undefined) return [];
      const value = (() => {
        switch (sort) {
          case 'sessions':
          case 'sessions_24h':
            return v.sessions;
          case 'users':
          case 'users_24h':
            return v.users;
          case 'crash_free_sessions':
            return rates.crashFreeRate(v);
          case 'crash_free_users':
            return rates.crashFreeUserRate(v);
          case 'adoption': {
            const all = projectUsers.get(g.by.project) ?? 0;
            return all === 0 ? null : v.users / all;
          }
        }
      })();
      return [{ projectId: g.by.project, version: g.by.release, value }];
    });
  };
}

/** The adoption stage of every (project, release) that has sessions; a pair not listed is at low adoption. */
export type ReleaseStagesOf = (
  params: QueryParams,
  projectIds: readonly number[],
) => Promise<{ readonly projectId: number; readonly version: string; readonly stage: AdoptionStage }[]>;

/**
 * `release.stage:adopted|low_adoption|replaced` in the release list's search (docs/releases.md ›
 * Sorting and filtering the release list): the stages the release JSON's `adoptionStages` shows,
 * for every release at once — the last day's sessions per (project, release) and per project,
 * and which releases ever had sessions — in three reads, `environment=` applied.
 */
export function createReleaseStages(deps: { store: Store; clock: { now(): number } }): ReleaseStagesOf {
  return async (params, projectIds) => {
    if (projectIds.length === 0) return [];
    const environments = [params.environment ?? []].flat().filter((e) => e !== '');
    const end = Math.ceil((deps.clock.now() + 1) / hourMs) * hourMs;
    const query = { projectIds, start: end - dayMs, end, intervalMs: dayMs, ...(environments.length > 0 ? { environments } : {}) };
    const [day, projectDay, ever] = await Promise.all([
      deps.store.releaseHealth.stats({ ...query, groupBy: ['project', 'release'] }),
      deps.store.releaseHealth.stats({ ...query, groupBy: ['project'] }),
      deps.store.releaseHealth.releasesWithSessions(projectIds, environments),
    ]);
    const sessions = new Map(day.map((g) => [`${g.by.project}\u0000${g.by.release}`, healthValues(g.totals).sessions]));
    const projectSessions = new Map(projectDay.map((g) => [g.by.project, healthValues(g.totals).sessions]));
    return ever.map(({ projectId, release }) => {
      const mine = sessions.get(`${projectId}\u0000${release}`) ?? 0;
      const all = projectSessions.get(projectId) ?? 0;
      const share = mine === 0 || all === 0 ? null : (mine / all) * 100;
      return { projectId, version: release, stage: adoptionStage(true, share) };
    });
  };
}
