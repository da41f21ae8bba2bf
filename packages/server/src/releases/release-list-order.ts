import { fail } from '../kernel/index.js';
import { compareReleases } from './release-order.js';
import { compareVersions, parseRelease } from './release-semver.js';
import type { Release } from './store/releases.js';

/**
 * The release list's `sort=` and `flatten=` as Sentry answers them (docs/releases.md › Sorting
 * and filtering the release list; https://docs.sentry.io/api/releases/list-an-organizations-releases/):
 * `date` (newest first, the default), `semver` (highest version first; only releases written
 * `package@version`), `build` (highest build number first; only releases with a numeric
 * `+build`), and the health sorts, which need `flatten=1` because a release's health is per
 * project: `sessions`, `users` (most first), `crash_free_sessions`, `crash_free_users` (worst
 * first, so the release to look at heads the list), `sessions_24h`, `users_24h` and `adoption`
 * (share of the project's users in the last 24 h). A health sort lists only the
 * (release, project) rows that had sessions in its window, as Sentry's does.
 */
export const HEALTH_SORTS = ['sessions', 'users', 'crash_free_sessions', 'crash_free_users', 'sessions_24h', 'users_24h', 'adoption'] as const;
export type ReleaseHealthSort = (typeof HEALTH_SORTS)[number];
export type ReleaseSort = 'date' | 'semver' | 'build' | ReleaseHealthSort;

export interface ReleaseListOrder {
  readonly sort: ReleaseSort;
  /** one row per (release, project) */
  readonly flatten: boolean;
}

/** One row of an ordered list: a release, and with `flatten` the one project it stands for. */
export interface ReleaseRow {
  readonly release: Release;
  readonly projectId: number | null;
}

/** Values of a health sort per `${projectId}\u0000${version}`; null where the rate has no denominator. */
export type HealthValuesByRow = ReadonlyMap<string, number | null>;

export const rowKey = (projectId: number, version: string) => `${projectId}\u0000${version}`;

const isHealthSort = (sort: string): sort is ReleaseHealthSort => (HEALTH_SORTS as readonly string[]).includes(sort);

export function parseReleaseListOrder(sort: string | undefined, flatten: string | undefined): ReleaseListOrder {
  const flat = flatten === '1' || flatten === 'true';
  if (flatten !== undefined && !flat && flatten !== '0' && flatten !== 'false' && flatten !== '') fail('validation_failed', 'flatten must be 0 or 1');
  const wanted = sort === undefined || sort === '' ? 'date' : sort;
  if (wanted !== 'date' && wanted !== 'semver' && wanted !== 'build' && !isHealthSort(wanted)) fail('validation_failed', 'invalid sort');
  if (isHealthSort(wanted) && !flat) fail('validation_failed', 'sorting by crash statistics requires flattening (flatten=1)');
  return { sort: wanted, flatten: flat };
}

const newestFirst = (a: Release, b: Release) => compareReleases(b, a);

/**
 * Orders releases (already filtered) for `order`, expanding them to one row per linked project
 * with `flatten` (`projectsOf` gives the projects a row may stand for: the release's links, less
 * those the caller filtered out). `health` holds the health sort's values.
 */
export function orderReleaseRows(
  releases: readonly Release[],
  order: ReleaseListOrder,
  projectsOf: (release: Release) => readonly number[],
  health?: HealthValuesByRow,
): ReleaseRow[] {
  let list = [...releases].sort(newestFirst);
  if (order.sort === 'semver') {
    const parsed = new Map(list.map((r) => [r.id, parseRelease(r.version).version]));
    list = list.filter((r) => parsed.get(r.id) != null);
    list.sort((a, b) => compareVersions(parsed.get(b.id) ?? zero, parsed.get(a.id) ?? zero) || newestFirst(a, b));
  } else if (order.sort === 'build') {
    const builds = new Map(list.map((r) => [r.id, parseRelease(r.version).buildNumber]));
    list = list.filter((r) => builds.get(r.id) != null);
    list.sort((a, b) => (builds.get(b.id) ?? 0) - (builds.get(a.id) ?? 0) || newestFirst(a, b));
  }
  const rows: ReleaseRow[] = order.flatten
    ? list.flatMap((release) => [...projectsOf(release)].sort((a, b) => a - b).map((projectId) => ({ release, projectId })))
    : list.map((release) => ({ release, projectId: null }));
  if (!isHealthSort(order.sort) || health === undefined) return rows;
  // Counts and adoption rank the most first; crash-free rates the worst first. Rows without a
  // value for the rate go after those with one; the sort is stable, so ties stay newest first.
  const ascending = order.sort === 'crash_free_sessions' || order.sort === 'crash_free_users';
  const valued = rows.filter((r) => r.projectId !== null && health.has(rowKey(r.projectId, r.release.version)));
  const healthOf = (r: ReleaseRow) => health.get(rowKey(r.projectId ?? 0, r.release.version)) ?? null;
  return valued.sort((a, b) => {
    const x = healthOf(a);
    const y = healthOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return ascending ? x - y : y - x;
  });
}

const zero = { major: 0, minor: 0, patch: 0, revision: 0, pre: null, buildCode: null, components: 0 };
