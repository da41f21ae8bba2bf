import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span, SpanBatch } from '../spans/index.js';
import type { TraceErrorRow } from '../store/event-traces.js';
import type { TraceSegmentRow } from '../store/performance-repo.js';
import type { TraceOccurrence } from './trace-occurrences.js';
import { buildTraceTree, MAX_TREE_DEPTH, type SpanNode, type TraceNaming, traceSpans } from './trace-tree.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const naming: TraceNaming = { slugOf: (id) => `p${id}`, shortIdOf: (slug, n) => `${slug.toUpperCase()}-${n.toString(36).toUpperCase()}` };

function span(spanId: string, parentSpanId: string | null, start: number, end: number, isSegment = false): Span {
  return {
    traceId: TRACE,
    spanId,
    parentSpanId,
    segmentId: spanId,
    isSegment,
    op: 'function',
    description: spanId,
    status: 'ok',
    start,
    end,
    durationMs: (end - start) * 1000,
    exclusiveTimeMs: 0,
    data: {},
  };
}

function row(id: number, spans: Span[], projectId = 1): TraceSegmentRow {
  const batch: SpanBatch = { traceId: TRACE, segmentId: spans[0]?.spanId ?? '', segment: null, segmentName: 'job', spans };
  return { id, projectId, receivedAt: 0, batch };
}

function error(eventId: string, spanId: string | null): TraceErrorRow {
  return {
    projectId: 1,
    eventId,
    spanId,
    issueId: 7,
    transaction: 'job',
    timestamp: 1500,
    title: 'Error: x',
    level: 'error',
    issueShortId: 10,
    culprit: 'app',
  };
}

const ids = (nodes: readonly { event_id: string }[]) => nodes.map((n) => n.event_id);

describe('buildTraceTree', () => {
  it('nests spans of different batches by parent, children by start; a span whose parent was not stored is a root', () => {
    const rows = [row(1, [span('a', 'remote', 1, 5, true), span('c', 'a', 3, 4)]), row(2, [span('b', 'a', 2, 3), span('d', 'b', 2.5, 2.6)])];
    const tree = buildTraceTree(traceSpans(rows), [], [], naming) as SpanNode[];
    assert.deepEqual(ids(tree), ['a']);
    assert.equal(tree[0]?.parent_span_id, 'remote', 'the parent as sent, though not in the trace');
    assert.deepEqual(ids(tree[0]?.children ?? []), ['b', 'c']);
    assert.deepEqual(ids(tree[0]?.children[0]?.children ?? []), ['d']);
    assert.equal(tree[0]?.duration, 4000);
  });

  it('keeps the first copy of a span stored twice', () => {
    const rows = [row(1, [span('a', null, 1, 2)]), row(2, [span('a', null, 1, 9)])];
    const spans = traceSpans(rows);
    assert.equal(spans.length, 1);
    assert.equal(spans[0]?.span.end, 2);
  });

  it('cuts parent links that loop across batches, so the tree stays finite and serializable', () => {
    const rows = [row(1, [span('a', 'b', 1, 2)]), row(2, [span('b', 'a', 1, 2)])];
    const tree = buildTraceTree(traceSpans(rows), [], [], naming);
    const json = JSON.stringify(tree);
    assert.equal(tree.length, 1, json);
    assert.equal((tree[0] as SpanNode).children.length, 1, json);
  });

  it('puts errors on their span and appends orphans (unknown or no span) after the roots', () => {
    const rows = [row(1, [span('a', null, 1, 5, true), span('b', 'a', 2, 3)])];
    const errors = [error('e1', 'b'), error('e2', 'ffffffffffffffff'), error('e3', null)];
    const tree = buildTraceTree(traceSpans(rows), errors, [], naming);
    assert.deepEqual(ids(tree), ['a', 'e2', 'e3']);
    const b = (tree[0] as SpanNode).children[0] as SpanNode;
    assert.deepEqual(b.errors, [
      {
        event_type: 'error',
        event_id: 'e1',
        issue_id: 7,
        project_id: 1,
        project_slug: 'p1',
        transaction: 'job',
        description: 'Error: x',
        level: 'error',
        start_timestamp: 1.5,
        culprit: 'app',
        short_id: 'P1-A',
        issue_type: 1,
      },
    ]);
    assert.deepEqual((tree[0] as SpanNode).errors, []);
  });

  it('shows an occurrence under each offending span of the trace (the detectors’ seam)', () => {
    const rows = [row(1, [span('a', null, 1, 5, true), span('b', 'a', 2, 3), span('c', 'a', 3, 4)])];
    const node = {
      event_type: 'occurrence',
      event_id: 'o1',
      issue_id: 9,
      project_id: 1,
      project_slug: 'p1',
      transaction: 'job',
      description: 'N+1 Query',
      level: 'info',
      start_timestamp: 2,
      end_timestamp: 4,
      culprit: 'job',
      short_id: 'P1-9',
      issue_type: 1006,
    } as const;
    const occurrence: TraceOccurrence = { offenderSpanIds: ['b', 'c', 'c', 'zz'], node };
    const tree = buildTraceTree(traceSpans(rows), [], [occurrence], naming) as SpanNode[];
    const [b, c] = tree[0]?.children ?? [];
    assert.deepEqual(b?.occurrences, [node]);
    assert.deepEqual(c?.occurrences, [node], 'once per span, though named twice');
    assert.deepEqual(tree[0]?.occurrences, []);
  });

  it('bounds the nesting of a chain of spans so the answer always serializes, losing no span', () => {
    const n = 3 * MAX_TREE_DEPTH + 5;
    const chain = Array.from({ length: n }, (_, i) => span(`s${i}`, i === 0 ? null : `s${i - 1}`, i, i + 1));
    const tree = buildTraceTree(traceSpans([row(1, chain)]), [], [], naming) as SpanNode[];
    const json = JSON.stringify(tree);
    const depth = (node: SpanNode): number => 1 + Math.max(0, ...node.children.map(depth));
    assert.equal(tree.length, 4, 'the chain is cut every MAX_TREE_DEPTH spans');
    assert.ok(tree.every((root) => depth(root) <= MAX_TREE_DEPTH));
    assert.equal((json.match(/"event_type":"span"/g) ?? []).length, n);
    assert.equal(tree[1]?.parent_span_id, `s${MAX_TREE_DEPTH - 1}`, 'a cut span still names its parent');
  });
});
