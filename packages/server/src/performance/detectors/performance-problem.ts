import { createHash } from 'node:crypto';
import type { Span } from '../spans/index.js';

/**
 * What a detector reports: one problem found in one segment, shaped like the `occurrence` of a
 * Sentry performance issue (Sentry product docs, "Issues › Performance Issues": a performance
 * issue's event is the transaction, its evidence names the spans involved), so the issue it
 * becomes can be served to Sentry's UI and MCP server unchanged.
 */

/** The issue types these detectors raise, with Sentry's group type id, slug and issue title. */
export const PERFORMANCE_GROUP_TYPES = Object.freeze({
  nPlusOneDbQueries: Object.freeze({ type: 1006, typeName: 'performance_n_plus_one_db_queries', title: 'N+1 Query', minEventsBeforeIssue: 1 }),
  // "the issue will be created only if the same query is detected as a slow query in 100 events
  // within a 24-hour period" (Sentry product docs, "Slow DB Queries"): one slow run is noise.
  slowDbQuery: Object.freeze({ type: 1001, typeName: 'performance_slow_db_query', title: 'Slow DB Query', minEventsBeforeIssue: 100 }),
  consecutiveHttp: Object.freeze({ type: 1009, typeName: 'performance_consecutive_http', title: 'Consecutive HTTP', minEventsBeforeIssue: 1 }),
});

export type PerformanceGroupType = (typeof PERFORMANCE_GROUP_TYPES)[keyof typeof PERFORMANCE_GROUP_TYPES];

export interface EvidenceEntry {
  readonly name: string;
  readonly value: string;
  /** shown in notifications */
  readonly important: boolean;
}

/** The keys Sentry's issue page and MCP server read from `occurrence.evidenceData`. */
export interface PerformanceEvidenceData {
  readonly transactionName: string;
  readonly op: string;
  /** `op - description` of the span the repeated work runs under ('' when none applies) */
  readonly parentSpan: string;
  readonly parentSpanIds: readonly string[];
  readonly causeSpanIds: readonly string[];
  readonly offenderSpanIds: readonly string[];
  /** `op - description` of the first offending span */
  readonly repeatingSpans: string;
  /** the first offending span's description alone */
  readonly repeatingSpansCompact: string;
  /** how many offending spans, as a string (Sentry sends it so) */
  readonly numberRepeatingSpans: string;
  /** how many times the offending span's work ran */
  readonly numPatternRepetitions: number;
}

export interface PerformanceProblem {
  readonly type: PerformanceGroupType['type'];
  readonly typeName: PerformanceGroupType['typeName'];
  readonly title: PerformanceGroupType['title'];
  /** the offending span's description, as Sentry's issue subtitle */
  readonly subtitle: string;
  /** stable across events of the same problem: a hex SHA-1 (see `problemFingerprint`) */
  readonly fingerprint: string;
  /** the segment (transaction) name */
  readonly culprit: string;
  readonly parentSpanIds: readonly string[];
  readonly causeSpanIds: readonly string[];
  readonly offenderSpanIds: readonly string[];
  readonly evidenceData: PerformanceEvidenceData;
  readonly evidenceDisplay: readonly EvidenceEntry[];
}

/**
 * The fingerprint of a problem: the detector's group type, the segment name and the normalized
 * descriptions that identify the offending code, hashed. Span ids, timings and query parameters
 * never enter it, so every request of one route that makes the same mistake lands in one issue.
 * Parts are joined with a separator no normalized description contains, so ("a b", "c") and
 * ("a", "b c") differ.
 */
export function problemFingerprint(group: PerformanceGroupType, segmentName: string, parts: readonly string[]): string {
  return createHash('sha1')
    .update([String(group.type), segmentName, ...parts].join('\u0000'))
    .digest('hex');
}

/** `op - description` as Sentry's span evidence shows a span; either alone when the other is empty. */
export function spanEvidenceValue(span: Pick<Span, 'op' | 'description'>): string {
  const op = span.op.trim();
  const description = span.description.trim();
  if (op !== '' && description !== '') return `${op} - ${description}`;
  return op !== '' ? op : description !== '' ? description : 'no value';
}

/** The segment's name, or '' when the batch does not know it (streamed spans without their segment). */
export function segmentNameOf(batch: { readonly segmentName: string | null; readonly segment: { readonly name: string } | null }): string {
  return batch.segmentName ?? batch.segment?.name ?? '';
}

/** Descriptions an SDK cut short end with an ellipsis; the part that was cut may differ between spans. */
export function isTruncated(description: string): boolean {
  const text = description.trimEnd();
  return text.endsWith('...') || text.endsWith('\u2026');
}
