import { serializeEnvelope } from '@faultline/protocol';
import { errorEnvelope, ID_PLACEHOLDER } from '../corpus/envelopes.js';
import { createErrorType, type ErrorType } from '../corpus/error-types.js';
import { deployment } from '../corpus/event-context.js';
import { createRng, type Rng, zipfSampler } from '../corpus/rng.js';

/** What a seeded data set is made of; equal parameters give byte-identical envelopes. */
export interface SeedCorpus {
  readonly seed: number;
  /** error events to seed */
  readonly events: number;
  /** distinct error types: each becomes one issue */
  readonly issues: number;
  /** the events' receive times spread evenly over this many days before `endMs` */
  readonly days: number;
  /** share of events with a 30–80 KB `extra`, as in the ingest corpus */
  readonly largeShare: number;
  /** the last event's receive time */
  readonly endMs: number;
}

export interface SeedEvent {
  /** what the SDK would POST: the envelope with one `event` item, uncompressed */
  readonly body: Buffer;
  readonly eventId: string;
  readonly receivedAt: number;
}

// The same label spaces as buildCorpus, so error type t of seed s is the same error in the
// ingest corpus and in the seeded data set.
const TYPE_STREAM = 1_000_000_000;
const EVENT_STREAM = 2_000_000_000;
const placeholder = Buffer.from(ID_PLACEHOLDER, 'latin1');

/**
 * The seeded events, in receive order. Types are drawn Zipf-like (a few loud issues, a long
 * tail), except that every type is also given one event at an evenly spaced, shuffled position
 * so all `issues` issues exist and new ones keep appearing over the whole time span. Events
 * are built by the ingest corpus's generator (stack, breadcrumbs, contexts, user, request,
 * tags, sometimes a large `extra`); only the times differ: each event is sent at its receive time.
 */
export function createEventStream(c: SeedCorpus): { next(): SeedEvent | null; readonly produced: number } {
  if (c.events < c.issues) throw new RangeError(`need at least as many events (${c.events}) as issues (${c.issues})`);
  const root = createRng(c.seed);
  const types = new Map<number, ErrorType>();
  const typeOf = (t: number): ErrorType => {
    let type = types.get(t);
    if (type === undefined) {
      type = createErrorType(root.fork(TYPE_STREAM + t), t);
      types.set(t, type);
    }
    return type;
  };
  const zipf = zipfSampler(root.fork(TYPE_STREAM - 1), c.issues);
  const introductions = introductionSlots(root.fork(TYPE_STREAM - 3), c.events, c.issues);
  const spanMs = c.days * 86_400_000;
  const startMs = c.endMs - spanMs;
  const idPrefix = root.fork(TYPE_STREAM - 4).hex(20);
  let n = 0;
  return {
    next() {
      if (n >= c.events) return null;
      const rng: Rng = root.fork(EVENT_STREAM + n);
      const receivedAt = startMs + Math.floor(((n + 1) * spanMs) / c.events);
      const type = typeOf(introductions.get(n) ?? zipf());
      // The SDK stamps the event a little before the server receives it.
      const sentAt = receivedAt - rng.int(5, 1500);
      const spec = errorEnvelope(rng, type, deployment(rng), sentAt, rng.chance(c.largeShare) ? rng.int(30_000, 80_000) : 0);
      const body = Buffer.from(serializeEnvelope(spec.headers, spec.items));
      const eventId = `${idPrefix}${n.toString(16).padStart(12, '0')}`;
      for (let at = body.indexOf(placeholder); at !== -1; at = body.indexOf(placeholder, at + placeholder.length)) body.write(eventId, at, 'latin1');
      n++;
      return { body, eventId, receivedAt };
    },
    get produced() {
      return n;
    },
  };
}

/** Event position → error type for each type's guaranteed event, positions shuffled over the span. */
function introductionSlots(rng: Rng, events: number, issues: number): Map<number, number> {
  const order = Array.from({ length: issues }, (_, t) => t);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const slots = new Map<number, number>();
  for (let i = 0; i < issues; i++) slots.set(Math.floor((i * events) / issues), order[i] as number);
  return slots;
}
