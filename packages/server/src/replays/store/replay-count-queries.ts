import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { PLACEHOLDER_SUMMARY, readSummary } from '../replay-summary.js';

// The queries behind replay-count (routes/replay-count-routes.ts): which replays an issue's
// errors, a transaction's traces or a list of replay ids belong to.

/**
 * replay-count by issue: the replays an issue's errors belong to, whether the error named
 * the replay (issue stored on the link) or a replay_event listed the error (issue read from
 * the event).
 */
export async function replaysOfIssues(
  db: Kysely<Database>,
  projectIds: readonly number[],
  issueIds: readonly number[],
  since: number,
): Promise<{ issueId: number; replayId: string }[]> {
  if (projectIds.length === 0 || issueIds.length === 0) return [];
  const rows = await db
    .selectFrom('replay_errors as r')
    .leftJoin('events as e', (j) => j.onRef('e.project_id', '=', 'r.project_id').onRef('e.event_id', '=', 'r.event_id'))
    .select(['r.replay_id', 'r.issue_id', 'e.issue_id as event_issue_id'])
    .where('r.project_id', 'in', [...projectIds])
    .where('r.received_at', '>=', since)
    .where((eb) => eb.or([eb('r.issue_id', 'in', [...issueIds]), eb('e.issue_id', 'in', [...issueIds])]))
    .distinct()
    .limit(10_000)
    .execute();
  // An event merged into another issue since it was linked: the event's issue is the current one.
  const asked = new Set(issueIds);
  return rows.map((r) => ({
    issueId: Number(r.event_issue_id !== null && asked.has(Number(r.event_issue_id)) ? r.event_issue_id : r.issue_id),
    replayId: r.replay_id,
  }));
}

/**
 * replay-count by transaction: replays whose trace ids include a trace of a transaction of
 * that name (the performance domain's trace segments, read only). Bounded scans: the
 * window's 10,000 newest traces of those names and replays.
 */
export async function replaysOfTransactions(
  db: Kysely<Database>,
  projectIds: readonly number[],
  names: readonly string[],
  since: number,
): Promise<{ name: string; replayId: string }[]> {
  if (projectIds.length === 0 || names.length === 0) return [];
  const traces = await db
    .selectFrom('trace_segments')
    .select(['trace_id', 'name'])
    .where('project_id', 'in', [...projectIds])
    .where('name', 'in', [...names])
    .where('has_segment', '=', 1)
    .where('start_ms', '>=', since)
    .orderBy('start_ms', 'desc')
    .limit(10_000)
    .execute();
  const namesOf = new Map<string, Set<string>>();
  for (const t of traces) if (t.name !== null) namesOf.set(t.trace_id, (namesOf.get(t.trace_id) ?? new Set<string>()).add(t.name));
  if (namesOf.size === 0) return [];
  const replays = await db
    .selectFrom('replays')
    .select(['replay_id', 'summary'])
    .where('project_id', 'in', [...projectIds])
    .where('finished_at', '>=', since)
    .where('is_archived', '=', 0)
    .where('summary', '!=', PLACEHOLDER_SUMMARY)
    .orderBy('finished_at', 'desc')
    .limit(10_000)
    .execute();
  const out: { name: string; replayId: string }[] = [];
  for (const r of replays) {
    for (const traceId of readSummary(r.summary).traceIds) for (const name of namesOf.get(traceId) ?? []) out.push({ name, replayId: r.replay_id });
  }
  return out;
}

/** Which of these replay ids exist (not archived) in the projects: replay-count by replay_id. */
export async function existingReplays(db: Kysely<Database>, projectIds: readonly number[], replayIds: readonly string[]): Promise<string[]> {
  if (projectIds.length === 0 || replayIds.length === 0) return [];
  const rows = await db
    .selectFrom('replays')
    .select('replay_id')
    .where('project_id', 'in', [...projectIds])
    .where('replay_id', 'in', [...replayIds])
    .where('is_archived', '=', 0)
    .where('summary', '!=', PLACEHOLDER_SUMMARY)
    .execute();
  return rows.map((r) => r.replay_id);
}
