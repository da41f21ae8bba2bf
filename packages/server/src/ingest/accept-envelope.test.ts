import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventEnvelope, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

async function detail(res: Response): Promise<string> {
  return ((await res.json()) as { detail: string }).detail;
}

for (const dialect of testDialects()) {
  describe(`hostile and oversized envelopes (${dialect})`, () => {
    let server: TestServer;
    let pid: number;
    before(async () => {
      server = await startTestServer({ dialect });
      pid = server.workspace.projectId;
    });
    after(() => server.close());

    async function outcome(outcome: string, reason: string, category: string): Promise<number> {
      const rows = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: [outcome],
        reasons: [reason],
        categories: [category],
      });
      return rows.reduce((n, r) => n + r.quantity, 0);
    }

    /** Sends a hostile body next to a valid envelope; the valid one must be accepted either way. */
    async function hostile(body: string | Uint8Array): Promise<Response> {
      const [res, valid] = await Promise.all([post(server, body), post(server, eventEnvelope())]);
      assert.equal(valid.status, 200);
      return res;
    }

    it('answers malformed envelopes with 400 and a detail', async () => {
      const cases: [string, string | Uint8Array, RegExp][] = [
        ['empty body', '', /empty envelope/],
        ['non-JSON header', 'not json\n{"type":"event"}\n{}', /envelope header: not valid JSON/],
        ['header not an object', '[1,2]\n', /must be a JSON object/],
        ['truncated item (length past the end)', '{}\n{"type":"attachment","length":500}\nshort', /exceeds the 5 bytes remaining/],
        ['negative length', '{}\n{"type":"attachment","length":-1}\nabc', /non-negative integer/],
        ['item header not JSON', '{}\n{type:event}\n{}', /item 0 header/],
        ['bad event id', '{"event_id":"nope"}\n', /event_id/],
        ['invalid UTF-8 in a header', Buffer.concat([Buffer.from('{"sdk":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]), /UTF-8/],
        ['200k-deep header', `${'['.repeat(200_000)}\n`, /longer than/],
        ['1000-deep header', `${'['.repeat(1000)}\n`, /nested deeper/],
      ];
      for (const [name, body, reason] of cases) {
        const res = await hostile(body);
        assert.equal(res.status, 400, name);
        assert.match(await detail(res), reason, name);
      }
      assert.equal((await post(server, eventEnvelope())).status, 200);
    });

    it('answers 100k tiny items with a 4xx quickly', async () => {
      const started = Date.now();
      const res = await hostile(`{}\n${'{"type":"event"}\n{}\n'.repeat(100_000)}`);
      assert.equal(res.status, 400);
      assert.match(await detail(res), /too many items/);
      assert.ok(Date.now() - started < 5000);
    });

    it('accepts the envelope but counts an event with invalid UTF-8 or 200k-deep JSON as invalid', async () => {
      const badUtf8 = newEventId();
      const deep = newEventId();
      const res1 = await hostile(
        Buffer.concat([Buffer.from(`{"event_id":"${badUtf8}"}\n{"type":"event"}\n{"message":"`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      );
      const res2 = await hostile(`{"event_id":"${deep}"}\n{"type":"event"}\n${'['.repeat(200_000)}${']'.repeat(200_000)}`);
      assert.equal(res1.status, 200);
      assert.equal(res2.status, 200);
      await server.app.jobs.worker.drain();
      assert.equal(await server.store.events.byEventId(pid, badUtf8), undefined);
      assert.equal(await server.store.events.byEventId(pid, deep), undefined);
      assert.equal(await outcome('invalid', 'invalid_json', 'error'), 2);
      assert.equal((await post(server, eventEnvelope())).status, 200);
    });

    it('filters unknown and deprecated item types without failing the envelope', async () => {
      const id = newEventId();
      const res = await post(
        server,
        `{"event_id":"${id}"}\n{"type":"hologram"}\n{"x":1}\n{"type":"statsd","length":3}\nabc\n{"type":"metric_buckets"}\n[]\n{"type":"event"}\n{"message":"kept"}`,
      );
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { id });
      await server.app.jobs.worker.drain();
      assert.ok(await server.store.events.byEventId(pid, id));
      assert.equal(await outcome('filtered', 'unsupported_item_type', 'unknown'), 1);
      assert.equal(await outcome('filtered', 'deprecated_item_type', 'metric_bucket'), 2);
      const onlyUnknown = await post(server, '{}\n{"type":"hologram"}\n{}');
      assert.equal(onlyUnknown.status, 200);
      assert.deepEqual(await onlyUnknown.json(), {});
    });

    it('answers 413 for an envelope over a size limit and counts its items invalid (too_large)', async () => {
      const big = 'x'.repeat(1024 * 1024);
      const cases: [string, string, RegExp][] = [
        ['event over 1 MiB', `{}\n{"type":"event"}\n{"message":"${big}"}\n{"type":"session"}\n{}`, /event items/],
        ['101 session items', `{}\n${'{"type":"session"}\n{}\n'.repeat(101)}`, /session items/],
        ['client reports over 4 KiB', `{}\n{"type":"client_report"}\n{"discarded_events":[],"pad":"${'y'.repeat(5000)}"}`, /client reports/],
        ['check-in over 100 KiB', `{}\n{"type":"check_in"}\n{"pad":"${'z'.repeat(110 * 1024)}"}`, /check_in item/],
      ];
      for (const [name, body, reason] of cases) {
        const res = await hostile(body);
        assert.equal(res.status, 413, name);
        assert.match(await detail(res), reason, name);
      }
      await server.app.jobs.queue.flush();
      assert.equal(await outcome('invalid', 'too_large', 'error'), 1);
      assert.equal(await outcome('invalid', 'too_large', 'session'), 1 + 101);
      assert.equal(await outcome('invalid', 'too_large', 'internal'), 1);
      assert.equal(await outcome('invalid', 'too_large', 'monitor'), 1);
    });

    it('counts what SDKs report they discarded, and a malformed client report as invalid', async () => {
      const res = await post(
        server,
        '{}\n{"type":"client_report"}\n{"timestamp":1795275037.638,"discarded_events":[{"reason":"ratelimit_backoff","category":"error","quantity":2},{"reason":"sample_rate","category":"transaction","quantity":5}]}',
      );
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {});
      assert.equal(await outcome('client_discard', 'ratelimit_backoff', 'error'), 2);
      assert.equal(await outcome('client_discard', 'sample_rate', 'transaction'), 5);
      assert.equal((await post(server, '{}\n{"type":"client_report"}\nnot json')).status, 200);
      assert.equal(await outcome('invalid', 'invalid_client_report', 'internal'), 1);
    });
  });
}
