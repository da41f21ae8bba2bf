import { PERFORMANCE_GROUP_TYPES, type PerformanceRepo } from '../../performance/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { ReadyEvent } from '../persist/index.js';

const dayMs = 86_400_000;

const minEventsByType = new Map<number, number>(Object.values(PERFORMANCE_GROUP_TYPES).map((g) => [g.type, g.minEventsBeforeIssue]));

/**
 * The performance-issue events of a batch that must not open an issue yet. Sentry opens a Slow
 * DB Query issue "only if the same query is detected as a slow query in 100 events within a
 * 24-hour period" (Sentry product docs, "Issues › Performance Issues › Slow DB Queries"): until
 * then each occurrence is only counted (per project and fingerprint, from the first of them),
 * and the one that reaches the count opens the issue. Once the issue exists, every occurrence
 * is an event of it. Types that need one event pass untouched. Runs in the batch's transaction.
 */
export async function heldBackProblems(
  deps: { store: Store; repo: PerformanceRepo; now: number },
  trx: StoreExecutor,
  problems: readonly ReadyEvent[],
): Promise<Set<ReadyEvent>> {
  const held = new Set<ReadyEvent>();
  // Fingerprints whose issue opens in this batch: later occurrences in the batch join it.
  const opened = new Set<string>();
  for (const p of problems) {
    const type = p.event.occurrence?.type;
    const limit = typeof type === 'number' ? (minEventsByType.get(type) ?? 1) : 1;
    const hash = p.grouping?.hashes[0];
    if (limit <= 1 || p.grouping === null || hash === undefined) continue;
    const key = `${p.projectId}\u0000${hash}`;
    if (opened.has(key)) continue;
    const issues = await deps.store.issueWrites.findByHashes(trx, p.projectId, p.grouping.mechanism, [hash]);
    if (issues.size > 0) continue;
    const seen = await deps.repo.countProblemOccurrence(trx, { projectId: p.projectId, fingerprint: hash, now: deps.now, windowMs: dayMs, limit });
    if (seen >= limit) opened.add(key);
    else held.add(p);
  }
  return held;
}
