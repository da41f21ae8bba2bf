import type { Span } from './span.js';

/**
 * Sets each span's `exclusiveTimeMs`: its duration minus the part of it that its direct
 * children cover (overlapping children count once), as Sentry computes `exclusive_time`
 * (Sentry developer docs, "Performance" › "Span Self Time"). O(n log n) in the spans.
 */
export function computeExclusiveTimes(spans: readonly Span[]): void {
  const children = new Map<string, Span[]>();
  for (const span of spans) {
    if (span.parentSpanId === null) continue;
    const list = children.get(span.parentSpanId);
    if (list === undefined) children.set(span.parentSpanId, [span]);
    else list.push(span);
  }
  for (const span of spans) {
    const kids = children.get(span.spanId);
    span.exclusiveTimeMs = kids === undefined ? span.durationMs : Math.max(0, span.durationMs - coveredMs(span, kids));
  }
}

/** Milliseconds of [parent.start, parent.end] covered by the union of the children's intervals. */
function coveredMs(parent: Span, kids: readonly Span[]): number {
  const intervals = kids
    .map((k) => [Math.max(k.start, parent.start), Math.min(k.end, parent.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const [s, e] of intervals) {
    if (Number.isNaN(curStart) || s > curEnd) {
      if (!Number.isNaN(curStart)) covered += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (!Number.isNaN(curStart)) covered += curEnd - curStart;
  return covered * 1000;
}
