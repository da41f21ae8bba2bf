import { serializeEnvelope } from '@faultline/protocol';
import { spanEnvelope } from '../corpus/build-span-corpus.js';
import { ID_PLACEHOLDER } from '../corpus/envelopes.js';
import { createRng } from '../corpus/rng.js';

/** What the spans stage seeds before measuring its query; equal parameters give byte-identical envelopes. */
export interface SpanSeedCorpus {
  readonly seed: number;
  /** stop once this many spans (segment spans included) have been produced */
  readonly spans: number;
  /** share of v2 span containers, as in the ingest corpus */
  readonly v2Share: number;
  /** receive times spread evenly over this many hours before `endMs` */
  readonly hours: number;
  readonly endMs: number;
}

export interface SeedSpanEnvelope {
  /** what the SDK would POST, uncompressed */
  readonly body: Buffer;
  /** the item type ingest would queue: `transaction` (v1) or `span` (v2 container) */
  readonly itemType: 'transaction' | 'span';
  /** a v1 transaction's event id (also its trace id), null for a span container */
  readonly eventId: string | null;
  readonly receivedAt: number;
  readonly spans: number;
}

const placeholder = Buffer.from(ID_PLACEHOLDER, 'latin1');

/**
 * The seeded requests, in receive order: envelope n is the spans corpus's envelope n of the
 * same seed (span-plan.ts: routes, ops, durations, statuses, users, releases), ending just
 * before its receive time, with a trace id of its own. The number of envelopes follows from
 * the span target (20–201 spans each, 110 on average).
 */
export function createSpanStream(c: SpanSeedCorpus): { next(): SeedSpanEnvelope | null } {
  const spanMs = c.hours * 3_600_000;
  // Envelopes needed at the mean span count, to space receive times; the last ones may crowd the end.
  const expected = Math.max(1, Math.ceil(c.spans / 111));
  const idPrefix = createRng(c.seed).fork(4_000_000_000).hex(20);
  let n = 0;
  let spans = 0;
  return {
    next() {
      if (spans >= c.spans) return null;
      const receivedAt = c.endMs - spanMs + Math.floor((Math.min(n + 1, expected) * spanMs) / expected);
      const e = spanEnvelope(c.seed, n, c.v2Share, receivedAt - 50);
      const body = Buffer.from(serializeEnvelope(e.spec.headers, e.spec.items));
      const id = `${idPrefix}${n.toString(16).padStart(12, '0')}`;
      for (let at = body.indexOf(placeholder); at !== -1; at = body.indexOf(placeholder, at + placeholder.length)) body.write(id, at, 'latin1');
      const itemType = e.spec.items[0]?.headers.type === 'span' ? 'span' : 'transaction';
      n++;
      spans += e.spans;
      return { body, itemType, eventId: itemType === 'transaction' ? id : null, receivedAt, spans: e.spans };
    },
  };
}
