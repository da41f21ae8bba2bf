// Shared by this folder's tests: a fixed `now` and span-free views of parse results, so the
// tables compare meaning; span behaviour has its own tests.
import type { IssueQuery } from './issue-query.js';

export const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function withoutSpans<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' ? undefined : v)));
}

export function plain(query: IssueQuery): unknown {
  return withoutSpans(query);
}
