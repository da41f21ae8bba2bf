import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { isJsonObject, parseEnvelope } from '@faultline/protocol';
import { spansFromSpanItem, spansFromTransaction } from '@faultline/server/dist/performance/index.js';
import { buildSpanCorpus, type SpanCorpusOptions } from './build-span-corpus.js';
import { stampId } from './envelope-template.js';
import { MAX_SPANS, MIN_SPANS } from './span-plan.js';

const options: SpanCorpusOptions = { seed: 3, envelopes: 40, v2Share: 0.5, nowMs: 1_800_000_000_000 };
const corpus = buildSpanCorpus(options);

describe('buildSpanCorpus', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    assert.equal(buildSpanCorpus(options).stats.sha256, corpus.stats.sha256);
    assert.notEqual(buildSpanCorpus({ ...options, seed: 4 }).stats.sha256, corpus.stats.sha256);
  });

  it('mixes v1 transactions and v2 span containers of 20–200 child spans', () => {
    const s = corpus.stats;
    assert.equal(s.transactions + s.spanContainers, options.envelopes);
    assert.ok(s.transactions > 0 && s.spanContainers > 0, JSON.stringify(s));
    assert.ok(s.minSpans >= MIN_SPANS + 1 && s.maxSpans <= MAX_SPANS + 1, JSON.stringify(s));
    assert.ok(s.routes > 5, `${s.routes} routes`);
  });

  it('gives the server one segment per envelope with every span, under the trace id stamped per send', () => {
    const id = Buffer.from('0123456789abcdef0123456789abcdef', 'latin1');
    let spans = 0;
    for (const t of corpus.templates) {
      const wire = stampId(t, id, Buffer.from(t.wire));
      const parsed = parseEnvelope(t.encoding === 'gzip' ? gunzipSync(wire) : wire);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      const [item] = parsed.envelope.items;
      assert.ok(item);
      const payload: unknown = JSON.parse(Buffer.from(item.payload).toString('utf8'));
      assert.ok(isJsonObject(payload));
      const trace = parsed.envelope.headers.trace;
      assert.ok(isJsonObject(trace));
      const result = item.type === 'span' ? spansFromSpanItem(payload, trace) : spansFromTransaction(payload, trace);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.equal(result.droppedSpans, 0);
      assert.equal(result.batches.length, 1);
      const [batch] = result.batches;
      assert.ok(batch?.segment, 'the segment span is there');
      assert.equal(batch.traceId, id.toString('latin1'));
      assert.match(batch.segment.name, /^(GET|POST|PUT|DELETE) \//);
      assert.ok(batch.segment.httpStatusCode !== null && batch.segment.release !== null && batch.segment.user !== null);
      spans += batch.spans.length;
    }
    assert.equal(spans, corpus.stats.spans);
  });
});
