import type { IssueHourlyIncrement, IssueTagIncrement } from '../../issues/index.js';
import { hourStart } from '../../outcomes/index.js';
import type { StoredErrorEvent } from './update-issues.js';

// A batch's events summed per counter row before anything is written: one upsert row per
// (issue, hour, environment, release) and per (issue, tag key, tag value), however many events.
// Rows come out in key order, so concurrent writers (PostgreSQL) lock them in one order.

const byKey = <T>(rows: Map<string, T>): T[] => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

export function hourlyIncrements(byIssue: ReadonlyMap<number, readonly StoredErrorEvent[]>): IssueHourlyIncrement[] {
  const rows = new Map<string, IssueHourlyIncrement>();
  for (const [issueId, events] of byIssue) {
    for (const e of events) {
      const hour = hourStart(e.receivedAt);
      const environment = e.event.environment ?? '';
      const release = e.event.release ?? '';
      const key = `${issueId}\u0000${hour}\u0000${environment}\u0000${release}`;
      const row = rows.get(key);
      if (row === undefined) rows.set(key, { issueId, hour, environment, release, count: 1 });
      else row.count++;
    }
  }
  return byKey(rows);
}

export function tagIncrements(byIssue: ReadonlyMap<number, readonly StoredErrorEvent[]>): IssueTagIncrement[] {
  const rows = new Map<string, IssueTagIncrement>();
  for (const [issueId, events] of byIssue) {
    for (const e of events) {
      for (const [key, value] of e.tags) {
        const k = `${issueId}\u0000${key}\u0000${value}`;
        const row = rows.get(k);
        if (row === undefined) rows.set(k, { issueId, key, value, count: 1, firstSeen: e.receivedAt, lastSeen: e.receivedAt });
        else {
          row.count++;
          row.lastSeen = e.receivedAt;
        }
      }
    }
  }
  return byKey(rows);
}
