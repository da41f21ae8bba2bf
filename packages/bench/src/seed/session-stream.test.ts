import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSessionAggregates, parseSessionUpdate } from '@faultline/server/dist/sessions/index.js';
import { createSessionStream, type SessionSeedCorpus } from './session-stream.js';

const corpus: SessionSeedCorpus = { seed: 7, updates: 20_000, releases: 12, days: 90, endMs: Date.UTC(2026, 11, 1), aggregateShare: 0.1 };

function drain(c: SessionSeedCorpus) {
  const stream = createSessionStream(c);
  const envelopes = [];
  for (let e = stream.next(); e !== null; e = stream.next()) envelopes.push(e);
  return { envelopes, totals: stream.totals };
}

describe('sessions stage corpus', () => {
  it('is the same bytes for the same seed, and another seed changes it', () => {
    const a = drain(corpus).envelopes.map((e) => e.body.toString());
    assert.deepEqual(
      drain(corpus).envelopes.map((e) => e.body.toString()),
      a,
    );
    assert.notDeepEqual(
      drain({ ...corpus, seed: 8 }).envelopes.map((e) => e.body.toString()),
      a,
    );
  });

  it("is valid for the server's own parsers, item by item, and adds up to the totals it reports", () => {
    const { envelopes, totals } = drain(corpus);
    let updates = 0;
    let started = 0;
    const releases = new Set<string>();
    for (const e of envelopes) {
      const payload = JSON.parse(e.body.toString().split('\n')[2] as string) as Record<string, unknown>;
      if (e.itemType === 'session') {
        const r = parseSessionUpdate(payload, e.receivedAt);
        assert.ok(r.ok, JSON.stringify(r));
        updates += 1;
        if (r.update.init) started += 1;
        releases.add(r.update.release);
      } else {
        const r = parseSessionAggregates(payload, e.receivedAt);
        assert.ok(r.ok, JSON.stringify(r));
        updates += e.updates;
        started += e.updates;
      }
    }
    assert.equal(updates, totals.updates);
    assert.equal(started, totals.sessionsStarted);
    assert.ok(totals.updates >= corpus.updates);
    assert.equal(releases.size, corpus.releases, 'every release gets traffic');
    assert.ok(
      envelopes.every((e, i) => i === 0 || e.receivedAt >= (envelopes[i - 1]?.receivedAt ?? 0)),
      'time only moves forward',
    );
  });
});
