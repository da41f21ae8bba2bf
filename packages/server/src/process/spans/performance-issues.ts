import { createHash } from 'node:crypto';
import type { JsonObject } from '@faultline/protocol';
import { detectPerformanceProblems, type PerformanceProblem, type Span as PerfSpan, type StoredBatch } from '../../performance/index.js';
import { GROUPING_MECHANISM_IDS, type GroupingResult } from '../group/index.js';
import type { NormalizedEvent, Span } from '../normalize/index.js';
import type { ReadyEvent } from '../persist/index.js';

/**
 * Performance issues: every problem the detectors find in a stored segment becomes one event
 * that goes through persist like an error, grouped by the problem's fingerprint, so it gets
 * the whole issue lifecycle (regression, ignore, assignment, alerts). The event is the
 * segment's transaction with Sentry's `occurrence` on it (Sentry product docs, "Performance
 * Issues"); its issue has type `transaction`, which is category `performance`. The event id is
 * derived from the segment and the fingerprint, so reprocessing the same segment is a duplicate.
 */
export function performanceIssueEvents(stored: readonly StoredBatch[], detectedAt: number): ReadyEvent[] {
  const out: ReadyEvent[] = [];
  for (const { projectId, receivedAt, batch } of stored) {
    if (batch.segment === null) continue;
    for (const problem of detectPerformanceProblems(batch)) {
      out.push({
        projectId,
        receivedAt,
        itemType: 'event',
        event: occurrenceEvent(projectId, receivedAt, batch, problem, detectedAt),
        notes: [],
        grouping: groupingOf(problem),
      });
    }
  }
  return out;
}

function occurrenceEvent(projectId: number, receivedAt: number, batch: StoredBatch['batch'], problem: PerformanceProblem, detectedAt: number): NormalizedEvent {
  const segment = batch.segment;
  if (segment === null) throw new Error('a performance issue needs its segment');
  const span = segment.span;
  const eventId = createHash('md5').update(`${batch.traceId}:${span.spanId}:${problem.fingerprint}`).digest('hex');
  const involved = new Set([...problem.parentSpanIds, ...problem.causeSpanIds, ...problem.offenderSpanIds]);
  const tags: [string, string][] = [['transaction', segment.name]];
  if (segment.release !== null) tags.push(['release', segment.release]);
  if (segment.environment !== null) tags.push(['environment', segment.environment]);
  const event: NormalizedEvent = {
    event_id: eventId,
    project: projectId,
    type: 'transaction',
    level: 'info',
    platform: segment.platform ?? 'other',
    timestamp: span.end,
    receivedAt,
    start_timestamp: span.start,
    title: problem.title,
    culprit: problem.culprit,
    metadata: { title: problem.title, value: problem.subtitle, type: problem.typeName },
    transaction: segment.name,
    tags,
    contexts: { trace: { type: 'trace', trace_id: batch.traceId, span_id: span.spanId, op: span.op, status: span.status } },
    // The spans the problem is about, enough for the issue page to show them in the trace.
    spans: batch.spans.filter((s) => involved.has(s.spanId)).map(eventSpan),
    occurrence: {
      id: eventId,
      projectId,
      eventId,
      fingerprint: [problem.fingerprint],
      issueTitle: problem.title,
      subtitle: problem.subtitle,
      resourceId: null,
      type: problem.type,
      detectionTime: new Date(detectedAt).toISOString(),
      level: 'info',
      culprit: problem.culprit,
      evidenceDisplay: problem.evidenceDisplay.map((e) => ({ ...e })),
      evidenceData: JSON.parse(JSON.stringify(problem.evidenceData)) as JsonObject,
    },
  };
  if (segment.release !== null) event.release = segment.release;
  if (segment.environment !== null) event.environment = segment.environment;
  if (segment.user !== null) {
    event.user = {};
    if (segment.user.id !== null) event.user.id = segment.user.id;
    if (segment.user.email !== null) event.user.email = segment.user.email;
    if (segment.user.username !== null) event.user.username = segment.user.username;
    if (segment.user.ip !== null) event.user.ip_address = segment.user.ip;
  }
  return event;
}

function eventSpan(s: PerfSpan): Span {
  const out: Span = {
    span_id: s.spanId,
    trace_id: s.traceId,
    op: s.op,
    description: s.description,
    status: s.status,
    start_timestamp: s.start,
    timestamp: s.end,
    exclusive_time: s.exclusiveTimeMs,
  };
  if (s.parentSpanId !== null) out.parent_span_id = s.parentSpanId;
  return out;
}

function groupingOf(problem: PerformanceProblem): GroupingResult {
  return {
    mechanism: GROUPING_MECHANISM_IDS[0],
    // SHA-1 (40 hex) cannot collide with the 32-hex hashes of error grouping.
    hashes: [problem.fingerprint],
    fingerprintSource: 'default',
    fingerprint: [problem.typeName, problem.fingerprint],
    strategy: 'fallback',
    variant: 'custom',
    components: [`performance=${problem.typeName}`, `transaction=${problem.culprit}`],
    description: `performance issue: ${problem.title}`,
    title: null,
    matchedRule: null,
    effectiveInApp: { exception: [], threads: [], stacktrace: null },
  };
}
