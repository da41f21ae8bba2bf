import { normalizeSpanDescription, type Span, type SpanBatch } from '../spans/index.js';
import { dbSystemOf, isDbQuerySpan } from './db-spans.js';
import { isTruncated, PERFORMANCE_GROUP_TYPES, type PerformanceProblem, problemFingerprint, segmentNameOf, spanEvidenceValue } from './performance-problem.js';
import type { DetectorSettings } from './settings.js';
import { childrenInStartOrder, overlaps } from './span-tree.js';

/**
 * N+1 queries (Sentry product docs, "Issues › Performance Issues › N+1 Queries"): under one
 * parent span, a "source" query followed by a run of sequential, non-overlapping queries that
 * share one normalized description (the same statement with other parameters): the loop that
 * should have been one query. The docs' criteria, each checked here:
 * - at least `minRepeatingSpans` repeating spans ("usually five"), together at least
 *   `minTotalDurationMs` long ("exceed 50ms");
 * - full queries: a description an SDK cut short ("...") may hide a difference;
 * - a source span: a different query right before the run, under the same parent. It and the
 *   parent go into the fingerprint, so two runs of one statement from different code paths
 *   stay apart.
 * A sibling that is not a query (an HTTP call, a function span) ends the run, as does a repeat
 * that overlaps the previous one (they ran in parallel, not in a loop).
 */
export function detectNPlusOneDbQueries(batch: SpanBatch, settings: DetectorSettings['nPlusOneDbQueries']): PerformanceProblem[] {
  if (!settings.enabled) return [];
  const segmentName = segmentNameOf(batch);
  const byId = new Map(batch.spans.map((span) => [span.spanId, span]));
  const found = new Map<string, PerformanceProblem>();
  for (const [parentId, children] of childrenInStartOrder(batch.spans)) {
    const parent = byId.get(parentId);
    // The parent is part of the evidence and of the fingerprint; a query is never one.
    if (parent === undefined || isDbQuerySpan(parent)) continue;
    for (const run of queryRuns(children)) {
      if (!qualifies(run, settings)) continue;
      const problem = toProblem(run, parent, segmentName);
      // One issue per fingerprint and segment: a second identical loop adds nothing.
      if (!found.has(problem.fingerprint)) found.set(problem.fingerprint, problem);
    }
  }
  return [...found.values()];
}

interface Query {
  readonly span: Span;
  /** the normalized description: what a repeat must share */
  readonly key: string;
}

interface QueryRun {
  readonly source: Query;
  readonly repeats: readonly Query[];
}

/** Every source-then-repeats run among one parent's children (in start order), in one pass. */
function queryRuns(children: readonly Span[]): QueryRun[] {
  const runs: QueryRun[] = [];
  let source: Query | null = null;
  let repeats: Query[] = [];
  for (const span of children) {
    // A pool handing out a connection between the queries of a loop is part of each round
    // trip, not a different query: it neither counts nor ends the run.
    if (isConnectionCheckout(span)) continue;
    if (!isDbQuerySpan(span)) {
      if (source !== null && repeats.length > 0) runs.push({ source, repeats });
      source = null;
      repeats = [];
      continue;
    }
    const query: Query = { span, key: normalizeSpanDescription(span.op, span.description) };
    if (source === null) {
      source = query;
      continue;
    }
    const last = repeats[repeats.length - 1];
    if (last !== undefined) {
      if (query.key === last.key && !overlaps(last.span, query.span)) {
        repeats.push(query);
        continue;
      }
      // The run ended; its last query may be the source of the next one (A, B×n, C×m).
      runs.push({ source, repeats });
      source = last;
      repeats = [];
    }
    // A repeat must differ from its source: the same statement again only moves the source on.
    if (query.key !== source.key) repeats = [query];
    else source = query;
  }
  if (source !== null && repeats.length > 0) runs.push({ source, repeats });
  return runs;
}

function qualifies(run: QueryRun, settings: DetectorSettings['nPlusOneDbQueries']): boolean {
  if (run.repeats.length < settings.minRepeatingSpans) return false;
  // Repeats never overlap, so their total time is the sum of their durations.
  let totalMs = 0;
  for (const { span } of run.repeats) totalMs += span.durationMs;
  if (totalMs < settings.minTotalDurationMs) return false;
  if (run.repeats.some(({ span }) => isTruncated(span.description))) return false;
  return isQueryStatement(run.repeats[0]?.span);
}

/** `pg-pool.connect`, `pg.connect`, `db.connection`: getting a connection, not running a query. */
function isConnectionCheckout(span: Span): boolean {
  const d = span.description.trim();
  return span.op === 'db.connection' || d === 'pg-pool.connect' || d === 'pg.connect';
}

/**
 * Some db spans are client calls, not statements: a pool checking out a connection
 * (`pg-pool.connect`), or a MongoDB client call without its query document. A loop of those is
 * not a loop of queries.
 */
function isQueryStatement(span: Span | undefined): boolean {
  if (span === undefined) return false;
  if (span.description.includes('pg-pool.connect')) return false;
  if (dbSystemOf(span).includes('mongo')) return span.description.includes('{');
  return true;
}

function toProblem(run: QueryRun, parent: Span, segmentName: string): PerformanceProblem {
  const group = PERFORMANCE_GROUP_TYPES.nPlusOneDbQueries;
  const first = run.repeats[0]?.span ?? run.source.span;
  const description = first.description.trim();
  const offenderSpanIds = run.repeats.map(({ span }) => span.spanId);
  // The segment span's description is the request as sent (ids and all); the segment name in
  // the fingerprint already says which route it was.
  const parentKey = parent.isSegment ? parent.op : `${parent.op} ${normalizeSpanDescription(parent.op, parent.description)}`;
  const count = offenderSpanIds.length;
  return {
    type: group.type,
    typeName: group.typeName,
    title: group.title,
    subtitle: description,
    fingerprint: problemFingerprint(group, segmentName, [parentKey, run.source.key, run.repeats[0]?.key ?? '']),
    culprit: segmentName,
    parentSpanIds: [parent.spanId],
    causeSpanIds: [run.source.span.spanId],
    offenderSpanIds,
    evidenceData: {
      transactionName: segmentName,
      op: 'db',
      parentSpan: spanEvidenceValue(parent),
      parentSpanIds: [parent.spanId],
      causeSpanIds: [run.source.span.spanId],
      offenderSpanIds,
      repeatingSpans: spanEvidenceValue(first),
      repeatingSpansCompact: description,
      numberRepeatingSpans: String(count),
      numPatternRepetitions: count,
    },
    evidenceDisplay: [{ name: 'Offending Spans', value: `db - ${description}`, important: true }],
  };
}
