import type { Span } from '../spans/index.js';

/**
 * The children of every span, each list in start order (ties keep the order the SDK sent).
 * Detectors read sibling sequences from it: "queries in a loop" are siblings one after the
 * other. One pass plus one sort per parent: O(n log n) in the spans.
 */
export function childrenInStartOrder(spans: readonly Span[]): Map<string, Span[]> {
  const children = new Map<string, Span[]>();
  for (const span of spans) {
    if (span.parentSpanId === null) continue;
    const list = children.get(span.parentSpanId);
    if (list === undefined) children.set(span.parentSpanId, [span]);
    else list.push(span);
  }
  // Array.prototype.sort is stable, so equal starts keep the SDK's order.
  for (const list of children.values()) list.sort((a, b) => a.start - b.start);
  return children;
}

/**
 * SDKs round timestamps, so a span that starts where its predecessor ended can appear to start
 * a little earlier; below this many seconds that is not overlap. @sentry/node 8 stamps a span's
 * start in whole milliseconds and its end with a finer clock (seen in a real Express + pg app:
 * the next query appearing to start up to 0.3 ms before the previous one ended), so the slack
 * is one millisecond — still far less than two queries that really ran in parallel overlap.
 */
const TIMESTAMP_SLACK_S = 1e-3;

/** True when `next` starts before `previous` has ended: they ran at the same time. */
export function overlaps(previous: Span, next: Span): boolean {
  return next.start + TIMESTAMP_SLACK_S < previous.end;
}
