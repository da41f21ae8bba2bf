import type { JsonValue } from '@faultline/protocol';
import type { Span } from '../spans/index.js';
import { breakParentCycles } from '../spans/span-fields.js';
import type { TraceErrorRow } from '../store/event-traces.js';
import type { TraceSegmentRow } from '../store/performance-repo.js';
import type { OccurrenceNode, TraceOccurrence } from './trace-occurrences.js';

/**
 * A trace as Sentry's trace view and the Sentry MCP server read it (Sentry API docs, "Retrieve a
 * Trace"; docs/performance-monitoring.md › Traces): span nodes nested by `parent_span_id` across
 * every stored batch of the trace (transactions and streamed spans alike), each carrying the
 * errors that happened in it; a span whose parent was never stored is a root, and an error whose
 * span is not in the trace is appended at the top level.
 */

export interface ErrorNode {
  readonly event_type: 'error';
  readonly event_id: string;
  readonly issue_id: number | null;
  readonly project_id: number;
  readonly project_slug: string;
  readonly transaction: string;
  readonly description: string;
  readonly level: string;
  /** epoch seconds */
  readonly start_timestamp: number;
  readonly culprit: string;
  readonly short_id: string;
  /** Sentry's group type id of errors */
  readonly issue_type: 1;
}

export interface SpanNode {
  readonly event_type: 'span';
  /** the span id */
  readonly event_id: string;
  /** the transaction event that carried the span; a streamed segment has none, so its segment's span id */
  readonly transaction_id: string;
  readonly project_id: number;
  readonly project_slug: string;
  readonly profile_id: string;
  readonly profiler_id: string;
  readonly parent_span_id: string | null;
  readonly start_timestamp: number;
  readonly end_timestamp: number;
  /** ms */
  readonly duration: number;
  readonly transaction: string;
  readonly is_transaction: boolean;
  readonly description: string;
  readonly name: string;
  readonly op: string;
  readonly sdk_name: string;
  readonly measurements: Record<string, number>;
  readonly additional_attributes: Record<string, JsonValue>;
  readonly errors: ErrorNode[];
  readonly occurrences: OccurrenceNode[];
  readonly children: SpanNode[];
}

export type TraceNode = SpanNode | ErrorNode;

export interface TraceNaming {
  /** the slug of a project of the trace (every row's project is one the caller may read) */
  slugOf(projectId: number): string;
  /** `WEB-1A` from the project slug and the issue's counter */
  shortIdOf(projectSlug: string, counter: number): string;
}

/** One span with the batch it came in, after duplicates across batches are dropped. */
export interface TraceSpan {
  readonly span: Span;
  readonly row: TraceSegmentRow;
}

/**
 * Every span of the trace once: a span sent twice (a redelivered streamed item, a transaction and
 * its spans also streamed) keeps its first stored copy. Parent links that loop across batches are
 * cut (each batch is already a forest; two batches can still point at each other).
 */
export function traceSpans(rows: readonly TraceSegmentRow[]): TraceSpan[] {
  const seen = new Set<string>();
  const out: TraceSpan[] = [];
  for (const row of rows) {
    for (const span of row.batch.spans) {
      if (seen.has(span.spanId)) continue;
      seen.add(span.spanId);
      out.push({ span, row });
    }
  }
  const unlooped = breakParentCycles(
    out.map((t) => ({ spanId: t.span.spanId, parentSpanId: t.span.parentSpanId, t })),
    [],
  );
  return unlooped.map((u) => (u.parentSpanId === u.t.span.parentSpanId ? u.t : { row: u.t.row, span: { ...u.t.span, parentSpanId: null } }));
}

/** The transaction id a span node and trace-meta's per-transaction counts use. */
export function transactionIdOf(row: TraceSegmentRow): string {
  return row.batch.segment?.eventId ?? row.batch.segmentId;
}

const ms = (value: number) => Math.round(value * 1000) / 1000;
const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : '');

function spanNode({ span, row }: TraceSpan, naming: TraceNaming): SpanNode {
  const segment = row.batch.segment;
  const measurements: Record<string, number> = {};
  if (span.isSegment && segment !== null) for (const [name, m] of Object.entries(segment.measurements)) measurements[`measurements.${name}`] = m.value;
  return {
    event_type: 'span',
    event_id: span.spanId,
    transaction_id: transactionIdOf(row),
    project_id: row.projectId,
    project_slug: naming.slugOf(row.projectId),
    profile_id: text(span.data['sentry.profile_id']),
    profiler_id: text(span.data['sentry.profiler_id']),
    parent_span_id: span.parentSpanId,
    start_timestamp: span.start,
    end_timestamp: span.end,
    duration: ms(span.durationMs),
    transaction: row.batch.segmentName ?? '',
    is_transaction: span.isSegment,
    description: span.description,
    name: span.description,
    op: span.op,
    sdk_name: segment?.sdkName ?? text(span.data['sentry.sdk.name']),
    measurements,
    additional_attributes: {},
    errors: [],
    occurrences: [],
    children: [],
  };
}

export function errorNode(error: TraceErrorRow, naming: TraceNaming): ErrorNode {
  const slug = naming.slugOf(error.projectId);
  return {
    event_type: 'error',
    event_id: error.eventId,
    issue_id: error.issueId,
    project_id: error.projectId,
    project_slug: slug,
    transaction: error.transaction ?? '',
    description: error.title ?? '',
    level: error.level ?? 'error',
    start_timestamp: error.timestamp / 1000,
    culprit: error.culprit ?? '',
    short_id: error.issueShortId === null ? '' : naming.shortIdOf(slug, error.issueShortId),
    issue_type: 1,
  };
}

/**
 * Nesting deeper than this would overflow the stack of the JSON serializer (a client can chain
 * spans, 2,000 per item, over many items); the children of a span this deep become roots, still
 * naming their parent, so nothing is lost and the answer is never a 500.
 */
export const MAX_TREE_DEPTH = 1000;

function limitDepth(roots: SpanNode[]): void {
  const queue: [SpanNode, number][] = roots.map((r) => [r, 1]);
  for (let i = 0; i < queue.length; i++) {
    const [node, depth] = queue[i] as [SpanNode, number];
    if (depth < MAX_TREE_DEPTH) {
      for (const child of node.children) queue.push([child, depth + 1]);
      continue;
    }
    const moved = node.children.splice(0);
    roots.push(...moved);
    for (const m of moved) queue.push([m, 1]);
  }
}

/** The trace's root nodes: span trees ordered by start, then the errors no span of the trace holds. */
export function buildTraceTree(
  spans: readonly TraceSpan[],
  errors: readonly TraceErrorRow[],
  occurrences: readonly TraceOccurrence[],
  naming: TraceNaming,
): TraceNode[] {
  const nodes = new Map<string, SpanNode>();
  for (const s of spans) nodes.set(s.span.spanId, spanNode(s, naming));
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_span_id === null ? undefined : nodes.get(node.parent_span_id);
    if (parent === undefined) roots.push(node);
    else parent.children.push(node);
  }
  limitDepth(roots);
  const byStart = (a: SpanNode, b: SpanNode) => a.start_timestamp - b.start_timestamp || (a.event_id < b.event_id ? -1 : 1);
  for (const node of nodes.values()) node.children.sort(byStart);
  roots.sort(byStart);

  const orphans: ErrorNode[] = [];
  for (const error of errors) {
    const holder = error.spanId === null ? undefined : nodes.get(error.spanId);
    if (holder === undefined) orphans.push(errorNode(error, naming));
    else holder.errors.push(errorNode(error, naming));
  }
  for (const occurrence of occurrences) {
    for (const spanId of new Set(occurrence.offenderSpanIds)) nodes.get(spanId)?.occurrences.push(occurrence.node);
  }
  return [...roots, ...orphans];
}
