import { createHash } from 'node:crypto';
import { compileTemplate, type EnvelopeTemplate } from './envelope-template.js';
import type { EnvelopeSpec } from './envelopes.js';
import { deployment } from './event-context.js';
import { createRng, type Rng } from './rng.js';
import { spanContainerEnvelope, transactionSpanEnvelope } from './span-envelopes.js';
import { planSegment } from './span-plan.js';
import { SDKS } from './vocabulary.js';

export interface SpanCorpusOptions {
  readonly seed: number;
  readonly envelopes: number;
  /** share of v2 span containers; the rest are v1 transactions */
  readonly v2Share: number;
  /** envelopes end within the minute before this */
  readonly nowMs: number;
}

export interface SpanCorpusStats {
  readonly envelopes: number;
  readonly transactions: number;
  readonly spanContainers: number;
  /** spans in all envelopes, segment spans included */
  readonly spans: number;
  readonly minSpans: number;
  readonly maxSpans: number;
  readonly routes: number;
  readonly serverErrors: number;
  readonly gzipped: number;
  readonly meanUncompressedBytes: number;
  readonly wireBytes: number;
  readonly sha256: string;
}

// Label spaces apart from buildCorpus's, so the span corpus of seed s does not repeat its draws.
const SPAN_STREAM = 3_000_000_000;

export interface SpanEnvelope {
  readonly spec: EnvelopeSpec;
  /** spans it carries, the segment span included */
  readonly spans: number;
  readonly route: string;
  readonly statusCode: number;
}

/**
 * Envelope `n` of seed `seed`, a request ending at `endMs`: v1 or v2 by `v2Share`, a 8.55
 * SDK for a quarter of the v1 transactions (8.55 has no span streaming). Deterministic.
 */
export function spanEnvelope(seed: number, n: number, v2Share: number, endMs: number): SpanEnvelope {
  const rng: Rng = createRng(seed).fork(SPAN_STREAM + n);
  const v2 = rng.chance(v2Share);
  const sdk = v2 ? (SDKS[0] as (typeof SDKS)[number]) : rng.pick(SDKS);
  const seg = planSegment(rng, endMs);
  const d = deployment(rng);
  const spec = v2 ? spanContainerEnvelope(rng, sdk, seg, d) : transactionSpanEnvelope(rng, sdk, seg, d);
  return { spec, spans: seg.spans.length + 1, route: seg.route, statusCode: seg.statusCode };
}

/** The spans stage's corpus: compiled templates the load generator sends round-robin with a fresh trace id each time. */
export function buildSpanCorpus(o: SpanCorpusOptions): { templates: EnvelopeTemplate[]; stats: SpanCorpusStats } {
  const templates: EnvelopeTemplate[] = [];
  const hash = createHash('sha256');
  const routes = new Set<string>();
  let spans = 0;
  let minSpans = Number.POSITIVE_INFINITY;
  let maxSpans = 0;
  let v2 = 0;
  let serverErrors = 0;
  let plain = 0;
  let wire = 0;
  let gzipped = 0;
  for (let n = 0; n < o.envelopes; n++) {
    const endMs = o.nowMs - createRng(o.seed).fork(n).int(0, 60_000);
    const e = spanEnvelope(o.seed, n, o.v2Share, endMs);
    const t = compileTemplate(e.spec);
    templates.push(t);
    hash.update(t.wire);
    routes.add(e.route);
    spans += e.spans;
    minSpans = Math.min(minSpans, e.spans);
    maxSpans = Math.max(maxSpans, e.spans);
    if (e.spec.items[0]?.headers.type === 'span') v2++;
    if (e.statusCode >= 500) serverErrors++;
    plain += t.plainBytes;
    wire += t.wire.length;
    if (t.encoding === 'gzip') gzipped++;
  }
  return {
    templates,
    stats: {
      envelopes: o.envelopes,
      transactions: o.envelopes - v2,
      spanContainers: v2,
      spans,
      minSpans: o.envelopes === 0 ? 0 : minSpans,
      maxSpans,
      routes: routes.size,
      serverErrors,
      gzipped,
      meanUncompressedBytes: Math.round(plain / Math.max(1, o.envelopes)),
      wireBytes: wire,
      sha256: hash.digest('hex'),
    },
  };
}
