import { type EnvelopeHeaders, type ItemHeaders, parseEnvelope } from '@faultline/protocol';
import type { QueuedEnvelope } from '../store/index.js';
import { decodeStoredBody } from './stored-body.js';

/** One accepted item as processors see it. */
export interface QueueItem {
  /** ingest_queue row the item came from */
  readonly queueId: number;
  /** position in its envelope */
  readonly index: number;
  readonly projectId: number;
  readonly receivedAt: number;
  /** the envelope header's event_id (32 hex), which event-bound items inherit */
  readonly eventId: string | null;
  readonly type: string;
  readonly envelopeHeaders: EnvelopeHeaders;
  readonly headers: ItemHeaders;
  /** a view into the decoded envelope body */
  readonly payload: Uint8Array;
  /** the sending client's address as ingest saw it (Fastify's request.ip), for `{{auto}}` user IPs */
  readonly clientIp?: string | null;
  /** the request's User-Agent when ingest kept it (envelopes with log items) */
  readonly clientUserAgent?: string | null;
}

export type ExpandResult = { ok: true; items: QueueItem[] } | { ok: false; reason: string };

// Ingest already enforced its item limit; this only guards against a corrupted row.
const maxItemsWhenReplaying = 100_000;

/** Decodes a queued envelope and picks the items ingest accepted. Never throws. */
export async function expandQueuedEnvelope(row: QueuedEnvelope): Promise<ExpandResult> {
  let bytes: Uint8Array;
  try {
    bytes = await decodeStoredBody(row.encoding, row.body, row.decodedBytes);
  } catch (err) {
    return { ok: false, reason: `stored body does not decode: ${(err as Error).message}` };
  }
  const parsed = parseEnvelope(bytes, { maxItems: maxItemsWhenReplaying });
  if (!parsed.ok) return { ok: false, reason: `stored envelope does not parse: ${parsed.reason}` };
  const items: QueueItem[] = [];
  for (const [index, type] of row.items) {
    const item = parsed.envelope.items[index];
    if (item === undefined || item.type !== type) return { ok: false, reason: `stored envelope has no ${type} item at ${index}` };
    items.push({
      queueId: row.id,
      index,
      projectId: row.projectId,
      receivedAt: row.receivedAt,
      eventId: row.eventId,
      type,
      envelopeHeaders: parsed.envelope.headers,
      headers: item.headers,
      payload: item.payload,
      clientIp: row.clientIp ?? null,
      clientUserAgent: row.clientUserAgent ?? null,
    });
  }
  return { ok: true, items };
}
