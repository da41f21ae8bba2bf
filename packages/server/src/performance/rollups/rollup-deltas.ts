import { isFailureStatus, normalizeSpanDescription, type SegmentUser, type SpanBatch, spanGroup } from '../spans/index.js';
import { addDuration, type DurationCounts, emptyDurationCounts } from './duration-counts.js';
import { SketchAccumulator } from './sketch.js';

/**
 * What one processing batch adds to the rollups, accumulated in memory so the batch writes one
 * row per key and minute however many transactions it held. Transactions are bucketed by their
 * end time (Sentry's event `timestamp`); users per hour.
 */

/** Sentry's default apdex threshold (Sentry product docs, "Apdex"): satisfied ≤ T, tolerated ≤ 4T. */
export const DEFAULT_APDEX_THRESHOLD_MS = 300;

export interface TransactionKey {
  readonly projectId: number;
  readonly minute: number;
  readonly name: string;
  readonly op: string;
  readonly httpMethod: string;
  readonly status: string;
  readonly statusClass: string;
  readonly environment: string;
  readonly release: string;
}

export interface TransactionDelta extends TransactionKey, DurationCounts {}

export interface UserDelta {
  readonly projectId: number;
  readonly hour: number;
  readonly name: string;
  readonly environment: string;
  readonly release: string;
  readonly userKey: string;
}

/** Span rollups are per hour: a transaction has many span groups, so per-minute rows would cost more than the spans. */
export const SPAN_ROLLUP_SECONDS = 3600;

export interface SpanKey {
  readonly projectId: number;
  /** start of the span rollup's bucket (an hour), epoch seconds; the column keeps the name `minute` */
  readonly minute: number;
  readonly segmentName: string;
  readonly op: string;
  readonly spanGroup: string;
  readonly description: string;
}

export interface SpanDelta extends SpanKey {
  count: number;
  failureCount: number;
  sumMs: number;
  sumSelfMs: number;
  maxSelfMs: number;
  /** self times */
  sketch: SketchAccumulator;
  durationSketch: SketchAccumulator;
}

export interface RollupDeltas {
  readonly transactions: TransactionDelta[];
  readonly users: UserDelta[];
  readonly spans: SpanDelta[];
}

export function statusClassOf(code: number | null): string {
  return code === null || code < 100 || code > 599 ? '' : `${Math.floor(code / 100)}xx`;
}

/** A stable key for a user: the first of id, email, username, ip (as Sentry's `user` column). */
export function userKeyOf(user: SegmentUser | null): string | null {
  if (user === null) return null;
  if (user.id !== null) return `id:${user.id}`;
  if (user.email !== null) return `email:${user.email}`;
  if (user.username !== null) return `username:${user.username}`;
  if (user.ip !== null) return `ip:${user.ip}`;
  return null;
}

export function accumulateRollups(batches: readonly { projectId: number; batch: SpanBatch }[], apdexThresholdMs = DEFAULT_APDEX_THRESHOLD_MS): RollupDeltas {
  const transactions = new Map<string, TransactionDelta>();
  const users = new Map<string, UserDelta>();
  const spans = new Map<string, SpanDelta>();
  for (const { projectId, batch } of batches) {
    const segment = batch.segment;
    if (segment !== null) {
      const span = segment.span;
      const key: TransactionKey = {
        projectId,
        minute: Math.floor(span.end / 60) * 60,
        name: segment.name,
        op: span.op,
        httpMethod: segment.httpMethod ?? '',
        status: span.status,
        statusClass: statusClassOf(segment.httpStatusCode),
        environment: segment.environment ?? '',
        release: segment.release ?? '',
      };
      const id = JSON.stringify(Object.values(key));
      let delta = transactions.get(id);
      if (delta === undefined) {
        delta = { ...key, ...emptyDurationCounts() };
        transactions.set(id, delta);
      }
      addDuration(delta, span.durationMs, isFailureStatus(span.status), 1 / (segment.sampleRate ?? 1), apdexThresholdMs);
      const userKey = userKeyOf(segment.user);
      if (userKey !== null) {
        const user: UserDelta = {
          projectId,
          hour: Math.floor(span.end / 3600) * 3600,
          name: key.name,
          environment: key.environment,
          release: key.release,
          userKey,
        };
        users.set(JSON.stringify(Object.values(user)), user);
      }
    }
    const segmentName = batch.segmentName ?? '';
    for (const span of batch.spans) {
      const description = normalizeSpanDescription(span.op, span.description);
      // Span groups are many per transaction: kept per hour, not per minute (docs/performance-monitoring.md › Storage).
      const hour = Math.floor(span.end / SPAN_ROLLUP_SECONDS) * SPAN_ROLLUP_SECONDS;
      // Keyed by the description itself, so the MD5 of the span group is taken once per delta, not per span.
      const id = `${projectId}\u0000${hour}\u0000${segmentName}\u0000${span.op}\u0000${description}`;
      let delta = spans.get(id);
      if (delta === undefined) {
        delta = {
          projectId,
          minute: hour,
          segmentName,
          op: span.op,
          spanGroup: spanGroup(description),
          description,
          count: 0,
          failureCount: 0,
          sumMs: 0,
          sumSelfMs: 0,
          maxSelfMs: 0,
          sketch: new SketchAccumulator(),
          durationSketch: new SketchAccumulator(),
        };
        spans.set(id, delta);
      }
      delta.count++;
      if (isFailureStatus(span.status)) delta.failureCount++;
      delta.sumMs += span.durationMs;
      delta.sumSelfMs += span.exclusiveTimeMs;
      delta.maxSelfMs = Math.max(delta.maxSelfMs, span.exclusiveTimeMs);
      delta.sketch.accept(span.exclusiveTimeMs);
      delta.durationSketch.accept(span.durationMs);
    }
  }
  return { transactions: [...transactions.values()], users: [...users.values()], spans: [...spans.values()] };
}
