import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { isJsonObject, type JsonObject, parseEnvelope } from '@faultline/protocol';
import { buildCorpus, type CorpusOptions } from './build-corpus.js';
import type { EnvelopeTemplate } from './envelope-template.js';
import { ID_PLACEHOLDER } from './envelopes.js';

const options: CorpusOptions = { seed: 7, envelopes: 300, errorTypes: 25, transactionShare: 0.2, sessionShare: 0.1, largeShare: 0.1, nowMs: 1_800_000_000_000 };
const corpus = buildCorpus(options);

function plainOf(t: EnvelopeTemplate): Buffer {
  return t.encoding === 'gzip' ? gunzipSync(t.wire) : t.wire;
}

function eventOf(t: EnvelopeTemplate): { headers: JsonObject; itemType: string; payload: JsonObject } {
  const parsed = parseEnvelope(plainOf(t));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  const [item] = parsed.envelope.items;
  assert.ok(item);
  const payload: unknown = JSON.parse(Buffer.from(item.payload).toString('utf8'));
  assert.ok(isJsonObject(payload));
  return { headers: parsed.envelope.headers, itemType: item.type, payload };
}

/** The first event of a real @sentry/node 11.12.0 capture (express error). */
function capturedEvent(): JsonObject {
  const text = readFileSync(new URL('../../test-fixtures/sentry-node-11.12.0/006-express--envelope-event.txt', import.meta.url), 'utf8');
  const body = text.slice(text.indexOf('\n\n') + 2);
  const payload: unknown = JSON.parse(body.split('\n')[2] ?? '');
  assert.ok(isJsonObject(payload));
  return payload;
}

describe('buildCorpus', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    assert.equal(buildCorpus(options).stats.sha256, corpus.stats.sha256);
    assert.notEqual(buildCorpus({ ...options, seed: 8 }).stats.sha256, corpus.stats.sha256);
  });

  it('mixes kinds in the configured shares and spreads errors over the error types', () => {
    assert.deepEqual(corpus.stats.byKind, { error: 210, transaction: 60, session: 30 });
    assert.ok(corpus.stats.errorTypesUsed >= 15 && corpus.stats.errorTypesUsed <= 25, `${corpus.stats.errorTypesUsed} types used`);
  });

  it('gzips exactly the bodies over 32 KiB, and those decompress to valid envelopes', () => {
    assert.ok(corpus.stats.gzipped > 0);
    for (const t of corpus.templates) {
      assert.equal(t.encoding === 'gzip', t.plainBytes > 32 * 1024);
      assert.equal(plainOf(t).length, t.plainBytes);
    }
  });

  it('makes error events of ~16 KB like the Node SDK captures', () => {
    const sizes = corpus.templates.filter((t) => t.kind === 'error' && t.encoding === 'identity').map((t) => t.plainBytes);
    sizes.sort((a, b) => a - b);
    const median = sizes[sizes.length >> 1] ?? 0;
    assert.ok(median > 12_000 && median < 22_000, `median error envelope ${median} bytes`);
  });

  it('parses with the protocol parser, with the id slot in the header and the payload', () => {
    for (const t of corpus.templates) {
      const { headers, itemType, payload } = eventOf(t);
      assert.equal(itemType, { error: 'event', transaction: 'transaction', session: 'session' }[t.kind]);
      if (t.kind === 'session') assert.equal(payload.sid, ID_PLACEHOLDER);
      else {
        assert.equal(headers.event_id, ID_PLACEHOLDER);
        assert.equal(payload.event_id, ID_PLACEHOLDER);
      }
    }
  });

  it('gives error events every field a real @sentry/node event has, and 10–30 frames with source context', () => {
    const real = capturedEvent();
    const error = corpus.templates.find((t) => t.kind === 'error' && t.encoding === 'identity');
    assert.ok(error);
    const ours = eventOf(error).payload;
    for (const key of Object.keys(real)) assert.ok(key in ours, `generated event lacks "${key}"`);
    for (const key of Object.keys(real.contexts as JsonObject)) assert.ok(key in (ours.contexts as JsonObject), `generated contexts lack "${key}"`);
    const values = (ours.exception as { values: { stacktrace: { frames: JsonObject[] } }[] }).values;
    const frames = values.at(-1)?.stacktrace.frames ?? [];
    assert.ok(frames.length >= 10 && frames.length <= 30, `${frames.length} frames`);
    const withContext = frames.filter((f) => Array.isArray(f.pre_context) && typeof f.context_line === 'string' && Array.isArray(f.post_context));
    assert.ok(withContext.length > frames.length / 2, `${withContext.length} of ${frames.length} frames have context`);
    assert.equal((ours.breadcrumbs as unknown[]).length, 15);
  });
});
