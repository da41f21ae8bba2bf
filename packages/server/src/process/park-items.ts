import type { QueueItem } from '../jobs/index.js';
import type { OutcomeCounts } from '../outcomes/index.js';
import type { NewParkedItem, Store, StoreExecutor } from '../store/index.js';

/**
 * Items whose processor does not exist yet (attachments, replays, check-ins,
 * security reports…) are kept verbatim in `parked_items` and counted accepted, exactly as the
 * minimal processor of the ingest issue did, so their processors can replay them later.
 */
export async function parkItems(store: Store, trx: StoreExecutor, items: readonly QueueItem[], outcomes: OutcomeCounts): Promise<void> {
  if (items.length === 0) return;
  const parked: NewParkedItem[] = items.map((item) => {
    outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'accepted' });
    return {
      projectId: item.projectId,
      type: item.type,
      eventId: item.eventId,
      receivedAt: item.receivedAt,
      envelopeHeaders: JSON.stringify(item.envelopeHeaders),
      itemHeaders: JSON.stringify(item.headers),
      payload: item.payload,
    };
  });
  await store.parkedItems.insert(trx, parked);
}
