import { isJsonObject, type JsonObject, parseJsonPayload } from '@faultline/protocol';
import type { QueueItem } from '../../jobs/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import { prepareSpanRows, type SpanBatch, type SpanRows, type StoredBatch, spansFromSpanItem, spansFromTransaction } from '../../performance/index.js';
import { applySegmentFilters, type SegmentFacts } from '../filter/index.js';
import type { ReadyEvent } from '../persist/index.js';
import type { ProcessingSettings } from '../project-settings.js';
import { scrubSpanBatches } from '../scrub/index.js';

/**
 * The span stage: what the performance domain keeps of each batch. A `transaction` item has
 * already been normalized, filtered and scrubbed as an event; its spans are read from that
 * scrubbed event. A `span` item (v2 container or legacy span) is parsed here, judged by the
 * project's inbound filters segment by segment, and scrubbed with the project's rules. Every span ends in one outcome: the kept ones accepted, the ones
 * that made no sense invalid (`invalid_span`), counted per span so one bad span never costs
 * the rest of its item.
 */

function envelopeTrace(item: QueueItem): JsonObject | undefined {
  const trace = item.envelopeHeaders.trace;
  return isJsonObject(trace) ? trace : undefined;
}

/** The spans of stored (not duplicate) transactions; a transaction without a usable trace context keeps only its event. */
export function spansOfTransactions(stored: readonly { item: QueueItem; ready: ReadyEvent }[]): StoredBatch[] {
  const out: StoredBatch[] = [];
  for (const { item, ready } of stored) {
    if (ready.itemType !== 'transaction') continue;
    const result = spansFromTransaction(ready.event as unknown as JsonObject, envelopeTrace(item));
    if (!result.ok) continue;
    for (const batch of result.batches) out.push({ projectId: item.projectId, receivedAt: item.receivedAt, batch });
  }
  return out;
}

/** Parses, scrubs and counts one `span` item. */
export function processSpanItem(item: QueueItem, settings: ProcessingSettings, outcomes: OutcomeCounts): StoredBatch[] {
  const payload = parseJsonPayload(item.payload);
  if (!payload.ok || !isJsonObject(payload.value)) {
    outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: payload.ok ? 'payload_not_object' : 'invalid_json' });
    return [];
  }
  const result = spansFromSpanItem(payload.value, envelopeTrace(item));
  if (!result.ok) {
    outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: 'invalid_span' });
    return [];
  }
  const passed: SpanBatch[] = [];
  for (const batch of result.batches) {
    const verdict = applySegmentFilters(segmentFacts(batch), settings.inboundFilters);
    if (verdict.filtered) outcomes.item(item.projectId, item.receivedAt, spanCount(item, batch.spans.length), { outcome: 'filtered', reason: verdict.reason });
    else passed.push(batch);
  }
  scrubSpanBatches(passed, settings.scrubbing);
  const kept = passed.reduce((n, b) => n + b.spans.length, 0);
  if (kept > 0) outcomes.item(item.projectId, item.receivedAt, spanCount(item, kept), { outcome: 'accepted' });
  if (result.droppedSpans > 0)
    outcomes.item(item.projectId, item.receivedAt, spanCount(item, result.droppedSpans), { outcome: 'invalid', reason: 'invalid_span' });
  return passed.map((batch: SpanBatch) => ({ projectId: item.projectId, receivedAt: item.receivedAt, batch }));
}

/** The segment as the inbound filters see it; spans that arrived without their segment span carry its release as an attribute. */
function segmentFacts(batch: SpanBatch): SegmentFacts {
  const attribute = batch.spans[0]?.data['sentry.release'];
  return { release: batch.segment?.release ?? (typeof attribute === 'string' ? attribute : null), segmentName: batch.segmentName };
}

/** The item as counted with `n` spans (outcomes count a span container by its `item_count`). */
function spanCount(item: QueueItem, n: number) {
  return { type: 'span', headers: { item_count: n }, payload: item.payload };
}

/**
 * Before the batch's transaction: the rows of every span batch the batch may store. A duplicate
 * transaction (its event already stored) must add nothing, which persist decides inside the
 * transaction; `forStored` re-prepares only in that rare case.
 */
export function prepareSpans(transactionSpans: ReadonlyMap<ReadyEvent, readonly StoredBatch[]>, streamed: readonly StoredBatch[]) {
  const all = prepareSpanRows([...[...transactionSpans.values()].flat(), ...streamed]);
  return {
    forStored(stored: ReadonlySet<ReadyEvent>): SpanRows {
      const duplicates = [...transactionSpans.entries()].some(([ready, batches]) => batches.length > 0 && !stored.has(ready));
      if (!duplicates) return all;
      const kept = [...transactionSpans.entries()].filter(([ready]) => stored.has(ready)).flatMap(([, batches]) => batches);
      return prepareSpanRows([...kept, ...streamed]);
    },
  };
}
