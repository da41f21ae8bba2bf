import { createHash } from 'node:crypto';
import { compileTemplate, type EnvelopeTemplate } from './envelope-template.js';
import { type EnvelopeKind, type EnvelopeSpec, errorEnvelope, sessionEnvelope, transactionEnvelope } from './envelopes.js';
import { createErrorType, type ErrorType } from './error-types.js';
import { deployment } from './event-context.js';
import { createRng, type Rng, zipfSampler } from './rng.js';

export interface CorpusOptions {
  readonly seed: number;
  readonly envelopes: number;
  /** Distinct error types (future issues); events spread over them Zipf-like. */
  readonly errorTypes: number;
  readonly transactionShare: number;
  readonly sessionShare: number;
  /** Share of error events carrying a large `extra` (40–100 KB), which the SDK gzips. */
  readonly largeShare: number;
  /** Event times are set just before this instant, so a server's age checks accept them. */
  readonly nowMs: number;
}

export interface CorpusStats {
  readonly envelopes: number;
  readonly byKind: Readonly<Record<EnvelopeKind, number>>;
  readonly errorTypes: number;
  readonly errorTypesUsed: number;
  readonly gzipped: number;
  readonly meanUncompressedBytes: number;
  readonly meanErrorUncompressedBytes: number;
  readonly maxUncompressedBytes: number;
  readonly wireBytes: number;
  /** SHA-256 over all wire bytes: equal for equal seed, options and nowMs. */
  readonly sha256: string;
}

export interface Corpus {
  readonly templates: readonly EnvelopeTemplate[];
  readonly stats: CorpusStats;
}

// Labels keep the per-envelope and per-type streams independent of one another.
const TYPE_STREAM = 1_000_000_000;

function kindsInOrder(rng: Rng, o: CorpusOptions): EnvelopeKind[] {
  const sessions = Math.round(o.envelopes * o.sessionShare);
  const transactions = Math.round(o.envelopes * o.transactionShare);
  const kinds: EnvelopeKind[] = [];
  for (let i = 0; i < o.envelopes; i++) kinds.push(i < sessions ? 'session' : i < sessions + transactions ? 'transaction' : 'error');
  // Fisher–Yates, so round-robin sending interleaves kinds the way a live app does.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = kinds[i] as EnvelopeKind;
    kinds[i] = kinds[j] as EnvelopeKind;
    kinds[j] = a;
  }
  return kinds;
}

export function buildCorpus(o: CorpusOptions): Corpus {
  const root = createRng(o.seed);
  const types: ErrorType[] = Array.from({ length: o.errorTypes }, (_, t) => createErrorType(root.fork(TYPE_STREAM + t), t));
  const pickType = zipfSampler(root.fork(TYPE_STREAM - 1), o.errorTypes);
  const kinds = kindsInOrder(root.fork(TYPE_STREAM - 2), o);

  const templates: EnvelopeTemplate[] = [];
  const hash = createHash('sha256');
  for (const [i, kind] of kinds.entries()) {
    const rng = root.fork(i);
    const nowMs = o.nowMs - rng.int(0, 60_000);
    const d = deployment(rng);
    const type = types[pickType()] as ErrorType;
    let spec: EnvelopeSpec;
    if (kind === 'error') spec = errorEnvelope(rng, type, d, nowMs, rng.chance(o.largeShare) ? rng.int(30_000, 80_000) : 0);
    else if (kind === 'transaction') spec = transactionEnvelope(rng, type.sdk, type.route, type.method, d, nowMs);
    else spec = sessionEnvelope(rng, type.sdk, d, nowMs);
    const template = compileTemplate(spec);
    hash.update(template.wire);
    templates.push(template);
  }
  return { templates, stats: summarize(templates, o.errorTypes, hash.digest('hex')) };
}

function summarize(templates: readonly EnvelopeTemplate[], errorTypes: number, sha256: string): CorpusStats {
  const byKind: Record<EnvelopeKind, number> = { error: 0, transaction: 0, session: 0 };
  const used = new Set<number>();
  let gzipped = 0;
  let plain = 0;
  let errorPlain = 0;
  let max = 0;
  let wire = 0;
  for (const t of templates) {
    byKind[t.kind]++;
    if (t.errorType !== null) used.add(t.errorType);
    if (t.encoding === 'gzip') gzipped++;
    if (t.kind === 'error') errorPlain += t.plainBytes;
    plain += t.plainBytes;
    max = Math.max(max, t.plainBytes);
    wire += t.wire.length;
  }
  return {
    envelopes: templates.length,
    byKind,
    errorTypes,
    errorTypesUsed: used.size,
    gzipped,
    meanUncompressedBytes: Math.round(plain / Math.max(1, templates.length)),
    meanErrorUncompressedBytes: Math.round(errorPlain / Math.max(1, byKind.error)),
    maxUncompressedBytes: max,
    wireBytes: wire,
    sha256,
  };
}
