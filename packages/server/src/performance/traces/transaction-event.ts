import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import { normalizeSpanDescription, type Span, type SpanBatch, spanGroup, spansFromTransaction } from '../spans/index.js';
import type { PerformanceRepo } from '../store/performance-repo.js';

/**
 * What a transaction's event JSON adds to an error event's (Sentry API docs, "Retrieve an Event
 * for a Project"; docs/performance-monitoring.md › Traces): the `spans` entry, the child spans as
 * ingested (the root is `contexts.trace`) each with its `exclusive_time` (ms) and `hash` (its span
 * group, as the span rollups group it), and the `span_ops` breakdown.
 */
export interface TransactionEventSpans {
  readonly spans: JsonObject[];
  readonly breakdowns: { span_ops: Record<string, { value: number; unit: 'millisecond' }> };
}

/**
 * Sentry's default operation breakdown (Sentry product docs, "Performance" › "Transaction
 * Summary" › "Operation Breakdown"): time spent in spans whose op starts with one of these,
 * overlapping spans of one family counted once, and `total.time` their sum.
 */
export const BREAKDOWN_OPS = ['http', 'db', 'browser', 'resource', 'ui'] as const;

const ms = (value: number) => Math.round(value * 1000) / 1000;

export async function transactionEventSpans(repo: PerformanceRepo, projectId: number, doc: JsonObject): Promise<TransactionEventSpans> {
  const eventId = typeof doc.event_id === 'string' ? doc.event_id : '';
  // The pipeline stored the spans with their self times; a transaction stored without a usable
  // trace context (or before spans were kept) is parsed here the same way instead.
  const stored = eventId === '' ? null : await repo.batchByEventId(projectId, eventId);
  const batch = stored?.batch ?? batchOf(doc);
  const computed = new Map((batch?.spans ?? []).filter((s) => !s.isSegment).map((s) => [s.spanId, s] as const));
  const raw = Array.isArray(doc.spans) ? doc.spans : [];
  const spans = raw.filter(isJsonObject).map((span) => spanJson(span, computed));
  return { spans, breakdowns: { span_ops: spanOpsBreakdown([...computed.values()]) } };
}

function batchOf(doc: JsonObject): SpanBatch | null {
  const parsed = spansFromTransaction(doc, undefined);
  return parsed.ok ? (parsed.batches[0] ?? null) : null;
}

function spanJson(span: JsonObject, computed: ReadonlyMap<string, Span>): JsonObject {
  const id = typeof span.span_id === 'string' ? span.span_id.toLowerCase() : '';
  const op = typeof span.op === 'string' ? span.op : '';
  const description = typeof span.description === 'string' ? span.description : '';
  const self = computed.get(id);
  const out: JsonObject = {
    ...span,
    hash: spanGroup(normalizeSpanDescription(op || 'default', description)),
    data: isJsonObject(span.data) ? span.data : {},
    tags: (span.tags ?? null) as JsonValue,
  };
  if (self !== undefined) out.exclusive_time = ms(self.exclusiveTimeMs);
  return out;
}

/** Per op family: the length of the union of its spans' intervals, in ms. */
export function spanOpsBreakdown(spans: readonly Span[]): Record<string, { value: number; unit: 'millisecond' }> {
  const families = new Map<string, [number, number][]>();
  for (const span of spans) {
    const family = BREAKDOWN_OPS.find((prefix) => span.op.startsWith(prefix));
    if (family === undefined) continue;
    const list = families.get(family) ?? [];
    list.push([span.start, span.end]);
    families.set(family, list);
  }
  const out: Record<string, { value: number; unit: 'millisecond' }> = {};
  let total = 0;
  for (const [family, intervals] of families) {
    const covered = unionSeconds(intervals) * 1000;
    total += covered;
    out[`ops.${family}`] = { value: ms(covered), unit: 'millisecond' };
  }
  out['total.time'] = { value: ms(total), unit: 'millisecond' };
  return out;
}

function unionSeconds(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let from = Number.NaN;
  let to = Number.NaN;
  for (const [s, e] of intervals) {
    if (Number.isNaN(from) || s > to) {
      if (!Number.isNaN(from)) covered += to - from;
      from = s;
      to = e;
    } else if (e > to) to = e;
  }
  if (!Number.isNaN(from)) covered += to - from;
  return covered;
}
