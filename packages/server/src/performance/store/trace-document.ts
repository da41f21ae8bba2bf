import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { JsonValue } from '@faultline/protocol';
import type { Segment, Span, SpanBatch } from '../spans/index.js';

/**
 * The stored form of one span batch: spans as positional arrays (the keys would be most of
 * the bytes), deflated. Version 1; a reader refuses versions it does not know rather than
 * guess.
 */
type SpanRow = [
  spanId: string,
  parentSpanId: string | null,
  isSegment: 0 | 1,
  op: string,
  description: string,
  status: string,
  start: number,
  end: number,
  exclusiveTimeMs: number,
  data: Record<string, JsonValue> | 0,
];

interface DocumentJson {
  v: 1;
  trace: string;
  segmentId: string;
  segment: Omit<Segment, 'span'> | null;
  segmentName: string | null;
  spans: SpanRow[];
}

export function encodeTraceDocument(batch: SpanBatch): Uint8Array {
  const doc: DocumentJson = {
    v: 1,
    trace: batch.traceId,
    segmentId: batch.segmentId,
    segment: batch.segment === null ? null : withoutSpan(batch.segment),
    segmentName: batch.segmentName,
    spans: batch.spans.map((s) => [
      s.spanId,
      s.parentSpanId,
      s.isSegment ? 1 : 0,
      s.op,
      s.description,
      s.status,
      s.start,
      s.end,
      Math.round(s.exclusiveTimeMs * 1000) / 1000,
      Object.keys(s.data).length === 0 ? 0 : s.data,
    ]),
  };
  return deflateRawSync(Buffer.from(JSON.stringify(doc)), { level: 6 });
}

function withoutSpan(segment: Segment): Omit<Segment, 'span'> {
  const { span: _span, ...rest } = segment;
  return rest;
}

export function decodeTraceDocument(bytes: Uint8Array): SpanBatch {
  const doc = JSON.parse(inflateRawSync(bytes).toString('utf8')) as DocumentJson;
  if (doc.v !== 1) throw new Error(`trace document version ${String(doc.v)} is not known`);
  const spans: Span[] = doc.spans.map(([spanId, parentSpanId, isSegment, op, description, status, start, end, exclusiveTimeMs, data]) => ({
    traceId: doc.trace,
    spanId,
    parentSpanId,
    segmentId: doc.segmentId,
    isSegment: isSegment === 1,
    op,
    description,
    status,
    start,
    end,
    durationMs: (end - start) * 1000,
    exclusiveTimeMs,
    data: data === 0 ? {} : data,
  }));
  const segmentSpan = spans.find((s) => s.isSegment && s.spanId === doc.segmentId);
  return {
    traceId: doc.trace,
    segmentId: doc.segmentId,
    segment: doc.segment === null || segmentSpan === undefined ? null : { ...doc.segment, span: segmentSpan },
    segmentName: doc.segmentName,
    spans,
  };
}
