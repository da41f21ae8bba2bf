import { normalizeSpanDescription, type Span, type SpanBatch } from '../spans/index.js';
import { isDbQuerySpan } from './db-spans.js';
import { isTruncated, PERFORMANCE_GROUP_TYPES, type PerformanceProblem, problemFingerprint, segmentNameOf, spanEvidenceValue } from './performance-problem.js';
import type { DetectorSettings } from './settings.js';

/**
 * Slow DB queries (Sentry product docs, "Issues › Performance Issues › Slow DB Queries"): one
 * database span whose description is a full SELECT statement and whose duration is at least
 * `minDurationMs` (500 ms). Only SELECTs: a slow write is often a migration or a batch job
 * doing its work, a slow read on a request path is usually a missing index. One span is the
 * whole evidence, so parent and cause stay empty. That the same query must be slow in many
 * events before an issue opens is a rule of issue creation, not of detection (see
 * `PERFORMANCE_GROUP_TYPES.slowDbQuery.minEventsBeforeIssue`).
 */
export function detectSlowDbQueries(batch: SpanBatch, settings: DetectorSettings['slowDbQuery']): PerformanceProblem[] {
  if (!settings.enabled) return [];
  const segmentName = segmentNameOf(batch);
  const group = PERFORMANCE_GROUP_TYPES.slowDbQuery;
  const found = new Map<string, PerformanceProblem>();
  for (const span of batch.spans) {
    if (!isSelectStatement(span) || span.durationMs < settings.minDurationMs) continue;
    const fingerprint = problemFingerprint(group, segmentName, [normalizeSpanDescription(span.op, span.description)]);
    // The same statement slow twice in one request is one problem; the first one is the evidence.
    if (found.has(fingerprint)) continue;
    const description = span.description.trim();
    found.set(fingerprint, {
      type: group.type,
      typeName: group.typeName,
      title: group.title,
      subtitle: description,
      fingerprint,
      culprit: segmentName,
      parentSpanIds: [],
      causeSpanIds: [],
      offenderSpanIds: [span.spanId],
      evidenceData: {
        transactionName: segmentName,
        op: span.op,
        parentSpan: '',
        parentSpanIds: [],
        causeSpanIds: [],
        offenderSpanIds: [span.spanId],
        repeatingSpans: spanEvidenceValue(span),
        repeatingSpansCompact: description,
        numberRepeatingSpans: '1',
        numPatternRepetitions: 1,
      },
      evidenceDisplay: [{ name: 'Offending Spans', value: spanEvidenceValue(span), important: true }],
    });
  }
  return [...found.values()];
}

function isSelectStatement(span: Span): boolean {
  if (!isDbQuerySpan(span)) return false;
  const text = span.description.trimStart();
  // "SELECT" followed by anything but a word character: `SELECT *`, `SELECT\n`, `select(`.
  return text.slice(0, 6).toUpperCase() === 'SELECT' && !/^\w/.test(text.slice(6, 7)) && !isTruncated(text);
}
