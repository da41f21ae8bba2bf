import { parseJsonPayload } from '@faultline/protocol';
import type { QueueItem } from '../../jobs/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import { parseSessionAggregates, parseSessionUpdate, SessionDeltas, type SessionRows } from '../../sessions/index.js';

/** What a batch's `session` and `sessions` items add to release health, and the releases they name. */
export interface PreparedSessions {
  readonly rows: SessionRows;
  readonly isEmpty: boolean;
  /** per project, the releases its valid sessions name (implicit releases, as Sentry creates them) */
  readonly releases: ReadonlyMap<number, ReadonlySet<string>>;
}

export function isSessionItem(item: QueueItem): boolean {
  return item.type === 'session' || item.type === 'sessions';
}

/**
 * The session stage, outside the batch's transaction: parse each item, give it its one
 * outcome (accepted, or invalid with the parser's reason, as Relay drops a session without a
 * release or with an unknown status), and accumulate the counters and set members of the
 * valid ones. Validity is judged against the item's receive time, not the worker's clock, so a
 * backlog does not turn yesterday's sessions into "too old" ones.
 */
export function prepareSessions(items: readonly QueueItem[], outcomes: OutcomeCounts): PreparedSessions {
  const deltas = new SessionDeltas();
  const releases = new Map<number, Set<string>>();
  const named = (projectId: number, release: string) => {
    const versions = releases.get(projectId) ?? new Set<string>();
    versions.add(release);
    releases.set(projectId, versions);
  };
  for (const item of items) {
    const payload = parseJsonPayload(item.payload);
    if (!payload.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: 'invalid_json' });
      continue;
    }
    if (item.type === 'session') {
      const parsed = parseSessionUpdate(payload.value, item.receivedAt);
      if (!parsed.ok) {
        outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.reason });
        continue;
      }
      deltas.addUpdate(item.projectId, parsed.update);
      named(item.projectId, parsed.update.release);
    } else {
      const parsed = parseSessionAggregates(payload.value, item.receivedAt);
      if (!parsed.ok) {
        outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.reason });
        continue;
      }
      for (const a of parsed.aggregates) {
        deltas.addAggregate(item.projectId, a);
        named(item.projectId, a.release);
      }
    }
    outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'accepted' });
  }
  return { rows: deltas.rows(), isEmpty: deltas.isEmpty, releases };
}
