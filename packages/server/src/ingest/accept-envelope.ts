import {
  dataCategoryOf,
  type Envelope,
  type EnvelopeItem,
  formatRateLimits,
  isKnownItemType,
  itemTypeInfo,
  parseClientReport,
  parseJsonPayload,
  retryAfterSeconds,
  serializeEnvelope,
} from '@faultline/protocol';
import type { QueueWriter } from '../jobs/index.js';
import { fail } from '../kernel/index.js';
import { OutcomeCounts } from '../outcomes/index.js';
import type { NewQueuedEnvelope } from '../store/index.js';
import { type EnvelopeSizeLimits, exceededLimit } from './envelope-limits.js';
import type { IngestKey } from './key-cache.js';
import { limitedCategories, type RateLimiter } from './rate-limiter.js';

export interface AcceptDeps {
  queue: QueueWriter;
  limiter: RateLimiter;
  limits: EnvelopeSizeLimits;
}

export interface EnvelopeInput {
  key: IngestKey;
  envelope: Envelope;
  /** the body as received, kept in the queue when most of it is accepted */
  stored: { encoding: string; bytes: Uint8Array };
  decodedBytes: number;
  receivedAt: number;
  /** the client's address (Fastify's request.ip: the socket's, or a trusted proxy's header per `trustProxy`) */
  clientIp?: string | undefined;
  /** the request's User-Agent header; queued only with items that read it */
  userAgent?: string | undefined;
}

/** Headers for the 200 (`X-Sentry-Rate-Limits` when a limit is active). */
export type AcceptResult = { headers: Record<string, string> };

const limited: ReadonlySet<string> = new Set(limitedCategories);
// Re-serialize only the accepted items when storing the body as received would keep this much dropped data.
const compactAboveDroppedBytes = 64 * 1024;
/** Longer User-Agent headers are cut: browsers send well under this. */
const MAX_USER_AGENT = 512;

/**
 * The ingest stages for one authenticated, parsed envelope, in Relay's order: size
 * limits (413 for the whole envelope), item triage (client reports counted, deprecated
 * and unknown types filtered), rate limits (429 when nothing is left), then one durable
 * write of the queue row and every outcome. Returns once that write is committed.
 */
export async function acceptEnvelope(deps: AcceptDeps, input: EnvelopeInput): Promise<AcceptResult> {
  const { key, envelope, receivedAt } = input;
  const counts = new OutcomeCounts();
  const count = (item: EnvelopeItem, verdict: Parameters<OutcomeCounts['item']>[3]) => counts.item(key.projectId, receivedAt, item, verdict);

  const tooLarge = exceededLimit(envelope.items, deps.limits);
  if (tooLarge !== undefined) {
    for (const item of envelope.items) count(item, { outcome: 'invalid', reason: 'too_large' });
    deps.queue.record({ outcomes: counts.increments() });
    fail('payload_too_large', `envelope exceeds size limits: ${tooLarge}`);
  }

  const kept: [number, EnvelopeItem][] = [];
  let limitedQuantity = 0;
  for (const [index, item] of envelope.items.entries()) {
    if (item.type === 'client_report') {
      countClientReport(counts, key.projectId, receivedAt, item);
      continue;
    }
    if (!isKnownItemType(item.type)) {
      count(item, { outcome: 'filtered', reason: 'unsupported_item_type' });
      continue;
    }
    if (itemTypeInfo(item.type).deprecated) {
      count(item, { outcome: 'filtered', reason: 'deprecated_item_type' });
      continue;
    }
    kept.push([index, item]);
    if (limited.has(dataCategoryOf(item.type))) limitedQuantity++;
  }

  const decision = await deps.limiter.decide(key, limitedQuantity);
  const accepted = decision.allowed ? kept : kept.filter(([, item]) => !limited.has(dataCategoryOf(item.type)));
  if (!decision.allowed) {
    const reason = decision.active[0]?.reasonCode ?? 'rate_limited';
    for (const [, item] of kept) if (limited.has(dataCategoryOf(item.type))) count(item, { outcome: 'rate_limited', reason });
  }
  const headers: Record<string, string> = {};
  if (decision.active.length > 0) headers['x-sentry-rate-limits'] = formatRateLimits(decision.active);
  if (accepted.length === 0 && !decision.allowed) {
    deps.queue.record({ outcomes: counts.increments() });
    fail('too_many_requests', 'Event dropped due to rate limiting', { ...headers, 'retry-after': String(retryAfterSeconds(decision.active)) });
  }

  const envelopes = accepted.length > 0 ? [queueRow(input, accepted)] : [];
  try {
    const totals = await deps.queue.write({ envelopes, outcomes: counts.increments(), windows: decision.increments });
    deps.limiter.settle(decision.increments, totals);
  } catch (err) {
    deps.limiter.settle(decision.increments, null);
    throw err;
  }
  return { headers };
}

function countClientReport(counts: OutcomeCounts, projectId: number, at: number, item: EnvelopeItem): void {
  const json = parseJsonPayload(item.payload);
  const report = json.ok ? parseClientReport(json.value) : json;
  if (!report.ok) {
    counts.item(projectId, at, item, { outcome: 'invalid', reason: 'invalid_client_report' });
    return;
  }
  counts.clientReport(projectId, at, report.report);
  // The report itself is consumed here; its own outcome keeps "items in = outcomes out".
  counts.item(projectId, at, item, { outcome: 'accepted' });
}

function queueRow(input: EnvelopeInput, accepted: readonly [number, EnvelopeItem][]): NewQueuedEnvelope {
  const { envelope } = input;
  // Relay fills a log line's browser from the request's User-Agent; nothing else reads it, so other envelopes do not keep it.
  const userAgent = input.userAgent !== undefined && accepted.some(([, item]) => item.type === 'log') ? input.userAgent.slice(0, MAX_USER_AGENT) : null;
  const base = {
    projectId: input.key.projectId,
    receivedAt: input.receivedAt,
    eventId: envelope.headers.event_id ?? null,
    clientIp: input.clientIp ?? null,
    clientUserAgent: userAgent,
  };
  let keptBytes = 0;
  for (const [, item] of accepted) keptBytes += item.payload.byteLength;
  if (input.decodedBytes - keptBytes <= compactAboveDroppedBytes) {
    return {
      ...base,
      encoding: input.stored.encoding,
      body: input.stored.bytes,
      decodedBytes: input.decodedBytes,
      items: accepted.map(([i, item]) => [i, item.type] as const),
    };
  }
  const body = serializeEnvelope(
    envelope.headers,
    accepted.map(([, item]) => ({ headers: item.headers, payload: item.payload })),
  );
  return { ...base, encoding: 'identity', body, decodedBytes: body.byteLength, items: accepted.map(([, item], i) => [i, item.type] as const) };
}
