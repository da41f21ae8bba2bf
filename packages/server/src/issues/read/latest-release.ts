import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

/**
 * Each project's newest release. Sentry's "latest" is the most recently created release, so
 * the releases table (filled by sentry-cli and by arriving events) answers first, one indexed
 * lookup per project. Projects whose events predate release records fall back to the counters:
 * the release first seen most recently among `release` tag rows and issues' first releases.
 */
export async function latestReleases(db: Kysely<Database>, projectIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const projectId of new Set(projectIds)) {
    const r = await db
      .selectFrom('release_projects')
      .innerJoin('releases', 'releases.id', 'release_projects.release_id')
      .select('releases.version')
      .where('release_projects.project_id', '=', projectId)
      .orderBy('releases.created_at', 'desc')
      .orderBy('releases.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (r) out.set(projectId, r.version);
  }
  const rest = projectIds.filter((id) => !out.has(id));
  for (const [projectId, version] of await fromCounters(db, rest)) out.set(projectId, version);
  return out;
}

async function fromCounters(db: Kysely<Database>, projectIds: readonly number[]): Promise<Map<number, string>> {
  if (projectIds.length === 0) return new Map();
  const fromTags = await db
    .selectFrom('issue_tags')
    .innerJoin('issues', 'issues.id', 'issue_tags.issue_id')
    .select((eb) => ['issues.project_id as projectId', 'issue_tags.value as release', eb.fn.min('issue_tags.first_seen').as('first')])
    .where('issue_tags.key', '=', 'release')
    .where('issues.project_id', 'in', [...projectIds])
    .groupBy(['issues.project_id', 'issue_tags.value'])
    .execute();
  const fromIssues = await db
    .selectFrom('issues')
    .select((eb) => ['issues.project_id as projectId', 'issues.first_release as release', eb.fn.min('issues.first_seen').as('first')])
    .where('issues.project_id', 'in', [...projectIds])
    .where('issues.first_release', 'is not', null)
    .groupBy(['issues.project_id', 'issues.first_release'])
    .execute();
  const firstSeen = new Map<string, { projectId: number; release: string; first: number }>();
  for (const r of [...fromTags, ...fromIssues]) {
    if (r.release === null) continue;
    const key = `${r.projectId}\n${r.release}`;
    const first = Number(r.first);
    const known = firstSeen.get(key);
    if (!known || first < known.first) firstSeen.set(key, { projectId: r.projectId, release: r.release, first });
  }
  const newest = new Map<number, { release: string; first: number }>();
  for (const r of firstSeen.values()) {
    const best = newest.get(r.projectId);
    if (!best || r.first > best.first || (r.first === best.first && r.release > best.release)) newest.set(r.projectId, r);
  }
  return new Map([...newest].map(([projectId, r]) => [projectId, r.release]));
}
