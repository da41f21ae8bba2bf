import { brotliCompressSync, constants } from 'node:zlib';
import { type CategoryHint, isJsonObject, normalizeEventId, parseJsonPayload } from '@faultline/protocol';
import { randomHex } from '../kernel/index.js';
import { OutcomeCounts } from '../outcomes/index.js';
import type { NewParkedItem, NewStoredEvent, Store } from '../store/index.js';
import type { QueueItem } from './queue-item.js';
import type { ProcessBatch } from './worker.js';

const eventTypes = new Set(['event', 'transaction']);
// Quality 2 compresses a typical 16 KB event ~6× at ~30 µs; higher levels cost far more time.
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } };

/**
 * The placeholder processor until the processing pipeline (issue #4) replaces it:
 * `event` and `transaction` items are validated as JSON and stored brotli-compressed in
 * `events` (unique per project and event_id, so a resent event is counted `filtered`
 * as a duplicate, never stored twice); every other accepted item is parked verbatim in
 * `parked_items` for the processor that will own it. Each item gets its outcome here.
 */
export function createMinimalProcessor(deps: { store: Store }): ProcessBatch {
  const { store } = deps;
  return async (items, trx) => {
    const counts = new OutcomeCounts();
    const events: NewStoredEvent[] = [];
    const eventItems: { item: QueueItem; key: string; hint: CategoryHint }[] = [];
    const parked: NewParkedItem[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      if (!eventTypes.has(item.type)) {
        parked.push({
          projectId: item.projectId,
          type: item.type,
          eventId: item.eventId,
          receivedAt: item.receivedAt,
          envelopeHeaders: JSON.stringify(item.envelopeHeaders),
          itemHeaders: JSON.stringify(item.headers),
          payload: item.payload,
        });
        counts.item(item.projectId, item.receivedAt, item, { outcome: 'accepted' });
        continue;
      }
      const parsed = parseJsonPayload(item.payload);
      if (!parsed.ok || !isJsonObject(parsed.value)) {
        counts.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.ok ? 'payload_not_object' : 'invalid_json' });
        continue;
      }
      const payloadId = normalizeEventId(parsed.value.event_id);
      const eventId = payloadId.ok ? payloadId.id : (item.eventId ?? randomHex(16));
      const hint: CategoryHint = typeof parsed.value.type === 'string' ? { eventType: parsed.value.type } : {};
      const key = `${item.projectId}:${eventId}`;
      if (seen.has(key)) {
        counts.item(item.projectId, item.receivedAt, item, { outcome: 'filtered', reason: 'duplicate' }, hint);
        continue;
      }
      seen.add(key);
      events.push({
        projectId: item.projectId,
        eventId,
        type: item.type,
        receivedAt: item.receivedAt,
        payloadEncoding: 'br',
        payload: brotliCompressSync(item.payload, brotliOptions),
      });
      eventItems.push({ item, key, hint });
    }
    const inserted = events.length > 0 ? await store.events.insertNew(trx, events) : new Set<string>();
    for (const { item, key, hint } of eventItems) {
      const verdict = inserted.has(key) ? ({ outcome: 'accepted' } as const) : ({ outcome: 'filtered', reason: 'duplicate' } as const);
      counts.item(item.projectId, item.receivedAt, item, verdict, hint);
    }
    if (parked.length > 0) await store.parkedItems.insert(trx, parked);
    await store.outcomes.increment(trx, counts.increments());
  };
}
