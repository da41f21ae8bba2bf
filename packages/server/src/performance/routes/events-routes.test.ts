import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { addOrganization, addPerson, explainSkippedPostgres, mintToken, post, startTestServer, type TestServer, testDialects } from '../../testing/index.js';
import { capturedSpanItems } from '../spans/captured-span-items.test-support.js';
import { type SpanBatch, spansFromSpanItem, spansFromTransaction } from '../spans/index.js';
import { createPerformanceRepo } from '../store/performance-repo.js';

explainSkippedPostgres();

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);
const CAPTURES = [
  'sentry-node-11.12.0/007-express--envelope-span.txt',
  'sentry-node-11.12.0/010-express-static--envelope-transaction.txt',
  'sentry-node-11.12.0/011-express-static--envelope-transaction.txt',
  'sentry-node-11.12.0/013-express-static--envelope-transaction.txt',
  'sentry-node-11.12.0/016-spans--envelope-span.txt',
  'sentry-node-8.55.2/009-express--envelope-transaction.txt',
  'sentry-node-8.55.2/010-express--envelope-transaction.txt',
  'sentry-node-8.55.2/013-express--envelope-transaction.txt',
  'sentry-python-1.9.10/003-transaction--envelope-transaction.txt',
];

function envelopeBody(file: string): Uint8Array {
  const raw = readFileSync(new URL(file, FIXTURES));
  return raw.subarray(raw.indexOf('\n\n') + 2);
}

/** What the SDKs sent, parsed by the same model: the expectations come from the captures, not from constants. */
function sentBatches(): SpanBatch[] {
  return CAPTURES.flatMap((file) =>
    capturedSpanItems(file).flatMap((item) => {
      const r = item.type === 'transaction' ? spansFromTransaction(item.payload, item.envelopeTrace) : spansFromSpanItem(item.payload, item.envelopeTrace);
      return r.ok ? r.batches : [];
    }),
  );
}

/** DDSketch's quantile is the sorted value at rank floor(q·(n−1)), within its 1% relative accuracy. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

function within1Percent(actual: unknown, expected: number, what: string): void {
  assert.equal(typeof actual, 'number', `${what}: ${String(actual)}`);
  assert.ok(Math.abs((actual as number) - expected) <= expected * 0.0101 + 1e-9, `${what}: ${String(actual)} vs ${expected}`);
}

for (const dialect of testDialects()) {
  describe(`performance: GET /organizations/{org}/events/ over transactions and spans (${dialect})`, () => {
    let server: TestServer;
    const sent = sentBatches();
    const segments = sent.flatMap((b) => (b.segment === null ? [] : [b.segment]));

    before(async () => {
      server = await startTestServer({ dialect });
      for (const file of CAPTURES) assert.equal((await post(server, envelopeBody(file))).status, 200, file);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    });
    after(() => server.close());

    async function events(query: string, token = server.workspace.token, org = server.workspace.org) {
      const res = await fetch(`${server.url}/api/0/organizations/${org}/events/?statsPeriod=90d&${query}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, link: res.headers.get('link'), body: (await res.json()) as { data: JsonObject[]; meta: JsonObject; detail?: string } };
    }

    it('stores a transaction sent twice once: the copy adds no document and no rollup', async () => {
      const before = await server.store.db
        .selectFrom('trace_segments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal((await post(server, envelopeBody('sentry-node-11.12.0/010-express-static--envelope-transaction.txt'))).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      const after = await server.store.db
        .selectFrom('trace_segments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
      // The next test's counts, checked against what was sent once, would fail on a doubled rollup.
    });

    it('counts each route and its p95 from the rollups, as the SDKs sent them', async () => {
      const { status, body } = await events(
        'dataset=transactions&field=transaction&field=count()&field=p95(transaction.duration)&field=failure_rate()&field=avg(transaction.duration)&sort=-count()',
      );
      assert.equal(status, 200, JSON.stringify(body));
      const names = [...new Set(segments.map((s) => s.name))];
      assert.equal(body.data.length, names.length);
      for (const name of names) {
        const mine = segments.filter((s) => s.name === name);
        const row = body.data.find((r) => r.transaction === name);
        assert.ok(row, `no row for ${name}`);
        assert.equal(row['count()'], mine.length, name);
        const durations = mine.map((s) => s.span.durationMs);
        within1Percent(row['p95(transaction.duration)'], exactQuantile(durations, 0.95), `${name} p95`);
        const avg = durations.reduce((a, b) => a + b, 0) / durations.length;
        assert.ok(
          Math.abs(Number(row['avg(transaction.duration)']) - avg) < 0.01,
          `${name} avg ${String(row['avg(transaction.duration)'])} vs ${avg} ${JSON.stringify(durations)}`,
        );
        const failures = mine.filter((s) => !['ok', 'cancelled', 'unknown'].includes(s.span.status)).length;
        assert.equal(row['failure_rate()'], failures / mine.length, `${name} failure rate`);
      }
      assert.deepEqual(body.meta.fields, {
        transaction: 'string',
        'count()': 'integer',
        'p95(transaction.duration)': 'duration',
        'failure_rate()': 'percentage',
        'avg(transaction.duration)': 'duration',
      });
      assert.equal((body.meta.units as JsonObject)['p95(transaction.duration)'], 'millisecond');
      const counts = body.data.map((r) => Number(r['count()']));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'sorted by -count()',
      );
    });

    it('counts distinct users with or without a group column', async () => {
      // The server adds the client's IP to events whose SDK asked for it ({{auto}}), so the stored users are the truth here.
      const stored = await server.store.db
        .selectFrom('trace_segments')
        .select('user_key')
        .distinct()
        .where('has_segment', '=', 1)
        .where('user_key', 'is not', null)
        .execute();
      assert.ok(stored.length > 0, 'some captured transactions carry a user');
      const overall = await events('dataset=transactions&field=count_unique(user)');
      assert.equal(overall.status, 200, JSON.stringify(overall.body));
      assert.equal(overall.body.data[0]?.['count_unique(user)'], stored.length);
      const scanned = await events('dataset=transactions&field=count_unique(user)&query=transaction.duration:>0ms');
      assert.equal(scanned.body.data[0]?.['count_unique(user)'], stored.length, 'the scan path agrees');
    });

    it('filters by route, method and release; the failing route is the 500 one', async () => {
      const { body } = await events(
        'dataset=transactions&field=transaction&field=count()&field=failure_count()&query=transaction:"GET /users/:id" http.method:GET release:myapp@1.2.3',
      );
      const mine = segments.filter((s) => s.name === 'GET /users/:id');
      assert.ok(mine.length >= 2, 'the captures hold the failing route from several SDKs');
      assert.equal(body.data.length, 1);
      assert.equal(body.data[0]?.['count()'], mine.length);
      assert.equal(body.data[0]?.['failure_count()'], mine.length, 'every GET /users/:id request answered 500');
      const scanned = await events('dataset=transactions&field=transaction&field=count()&query=http.status_code:500');
      assert.deepEqual(
        scanned.body.data.map((r) => r.transaction),
        ['GET /users/:id'],
        'the scan path agrees: only that route answered 500',
      );
    });

    it('lists raw transactions with their durations and traces', async () => {
      const { body, link } = await events(
        'dataset=transactions&field=transaction&field=transaction.duration&field=trace&per_page=2&query=transaction:"GET /ok"',
      );
      const mine = segments.filter((s) => s.name === 'GET /ok');
      assert.equal(body.data.length, Math.min(2, mine.length));
      for (const row of body.data) {
        const match = mine.find((s) => s.span.traceId === row.trace && Math.abs(s.span.durationMs - Number(row['transaction.duration'])) < 0.01);
        assert.ok(match, `row ${JSON.stringify(row)} is one the SDK sent`);
      }
      assert.match(link ?? '', /rel="next"; results="true"; cursor="0:2:0"/);
    });

    it('aggregates spans by op from the span rollups, with self times that add up', async () => {
      const { status, body } = await events(
        'dataset=spans&field=span.op&field=count()&field=sum(span.self_time)&field=sum(span.duration)&field=time_spent_percentage()',
      );
      assert.equal(status, 200, JSON.stringify(body));
      const spans = sent.flatMap((b) => b.spans);
      const ops = [...new Set(spans.map((s) => s.op))];
      assert.equal(body.data.length, ops.length);
      let share = 0;
      for (const op of ops) {
        const mine = spans.filter((s) => s.op === op);
        const row = body.data.find((r) => r['span.op'] === op);
        assert.equal(row?.['count()'], mine.length, op);
        const duration = mine.reduce((n, s) => n + s.durationMs, 0);
        assert.ok(Math.abs(Number(row?.['sum(span.duration)']) - duration) < 0.01, `${op} duration`);
        share += Number(row?.['time_spent_percentage()']);
      }
      assert.ok(Math.abs(share - 1) < 1e-9, 'the shares of time spent add up to 1');
    });

    it('answers segment queries on the spans dataset (is_transaction:true) as MCP asks them', async () => {
      const { body } = await events('dataset=spans&field=transaction&field=count()&field=p50(span.duration)&query=is_transaction:true&sort=-count()');
      assert.equal(
        body.data.reduce((n, r) => n + Number(r['count()']), 0),
        segments.length,
      );
      const raw = await events('dataset=spans&field=span.op&field=span.description&field=span.duration&query=span.op:db*&per_page=100');
      assert.equal(raw.status, 200);
      for (const row of raw.body.data) assert.match(String(row['span.op']), /^db/);
      assert.equal(raw.body.meta.dataScanned, 'full');
    });

    it('answers bad input with 400 and a detail, never a 500', async () => {
      const cases: [string, RegExp][] = [
        ['dataset=bogus&field=count()', /dataset must be one of/],
        ['dataset=transactions', /No columns selected/],
        [`dataset=transactions&${Array.from({ length: 21 }, (_, i) => `field=f${i}`).join('&')}`, /up to 20 fields/],
        ['dataset=transactions&field=count()&per_page=1000', /Cannot exceed 100/],
        ['dataset=transactions&field=count()&sort=-p95()', /not selected/],
        ['dataset=transactions&field=frobnicate()', /not a function/],
        ['dataset=transactions&field=count()&query=transaction:a OR transaction:b', /OR is not supported/],
        ['dataset=transactions&field=count()&query=transaction:"unterminated', /Unterminated/],
        ['dataset=transactions&field=transaction&query=transaction.duration:>fast', /cannot be compared/],
        ['dataset=transactions&field=count()&cursor=garbage', /Invalid cursor/],
        ['dataset=transactions&field=p95(span.self_time)', /transaction.duration/],
      ];
      for (const [query, detail] of cases) {
        const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/events/?${query}`, {
          headers: { authorization: `Bearer ${server.workspace.token}` },
        });
        const body = (await res.json()) as { detail?: string };
        assert.equal(res.status, 400, `${query}: ${JSON.stringify(body)}`);
        assert.match(body.detail ?? '', detail, query);
      }
      const period = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/events/?dataset=spans&field=count()&statsPeriod=forever`, {
        headers: { authorization: `Bearer ${server.workspace.token}` },
      });
      assert.equal(period.status, 400);
    });

    async function get(path: string) {
      const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/${path}`, {
        headers: { authorization: `Bearer ${server.workspace.token}` },
      });
      return { status: res.status, body: (await res.json()) as JsonObject & { detail?: string } };
    }

    type Point = [number, [{ count: number | null }]];
    const total = (points: Point[]) => points.reduce((n, [, [v]]) => n + Number(v.count ?? 0), 0);

    it('draws zero-filled time series whose buckets add up to the counts', async () => {
      const { status, body } = await get('events-stats/?dataset=transactions&yAxis=count()&statsPeriod=30d&interval=1d&partial=1');
      assert.equal(status, 200, JSON.stringify(body));
      const data = body.data as unknown as Point[];
      assert.ok(data.length >= 30 && data.length <= 31, `${data.length} daily buckets`);
      for (const [ts, inner] of data) {
        assert.equal(typeof ts, 'number');
        assert.equal(inner.length, 1, 'never an empty inner list');
        assert.equal(typeof inner[0].count, 'number');
      }
      assert.equal(data[1]?.[0], (data[0]?.[0] ?? 0) + 86_400, 'buckets one interval apart');
      assert.equal(total(data), segments.length);
      assert.equal(body.start, data[0]?.[0]);
      assert.deepEqual(body.meta, {
        fields: { 'count()': 'integer' },
        units: { 'count()': null },
        isMetricsData: false,
        isMetricsExtractedData: false,
        tips: {},
        datasetReason: 'unchanged',
        dataset: 'transactions',
      });

      const multi = await get('events-stats/?dataset=transactions&yAxis=count()&yAxis=p95(transaction.duration)&statsPeriod=30d&interval=1d&partial=1');
      assert.deepEqual(Object.keys(multi.body).sort(), ['count()', 'p95(transaction.duration)']);
      assert.equal((multi.body['p95(transaction.duration)'] as JsonObject).order, 1);
      const p95 = (multi.body['p95(transaction.duration)'] as JsonObject).data as unknown as Point[];
      assert.ok(
        p95.some(([, [v]]) => v.count === null),
        'an empty bucket has no p95',
      );
    });

    it('draws span series per hour at the finest, since span groups are rolled up per hour', async () => {
      const { status, body } = await get('events-stats/?dataset=spans&yAxis=count()&statsPeriod=24h&interval=5m&partial=1');
      assert.equal(status, 200, JSON.stringify(body));
      const data = body.data as unknown as Point[];
      assert.equal((data[1]?.[0] ?? 0) - (data[0]?.[0] ?? 0), 3600);
      const segments = await get('events-stats/?dataset=spans&yAxis=count()&statsPeriod=1h&interval=5m&partial=1&query=is_transaction:true');
      const seg = segments.body.data as unknown as Point[];
      assert.equal((seg[1]?.[0] ?? 0) - (seg[0]?.[0] ?? 0), 300, 'segments come from the per-minute rollups');
    });

    it('splits by the top transactions, with Other for the rest', async () => {
      const { status, body } = await get(
        'events-stats/?dataset=transactions&yAxis=count()&field=transaction&field=count()&topEvents=1&statsPeriod=30d&interval=1d&partial=1&sort=-count()',
      );
      assert.equal(status, 200, JSON.stringify(body));
      const byName = new Map<string, number>();
      for (const s of segments) byName.set(s.name, (byName.get(s.name) ?? 0) + 1);
      const [topName, topCount] = [...byName.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
      assert.deepEqual(Object.keys(body).sort(), [topName, 'Other'].sort());
      assert.equal(total((body[topName] as JsonObject).data as unknown as Point[]), topCount);
      assert.equal(total((body.Other as JsonObject).data as unknown as Point[]), segments.length - topCount);
      assert.equal((body[topName] as JsonObject).order, 0);
      const excluded = await get(
        'events-stats/?dataset=transactions&yAxis=count()&field=transaction&topEvents=1&statsPeriod=30d&interval=1d&partial=1&excludeOther=1',
      );
      assert.deepEqual(Object.keys(excluded.body), [topName]);
    });

    it('refuses impossible series with a detail', async () => {
      for (const [query, detail] of [
        ['topEvents=0&field=transaction', /at least 1/],
        ['topEvents=11&field=transaction', /up to 10/],
        ['statsPeriod=90d&interval=1m', /too many results/],
        ['yAxis=transaction', /aggregate functions/],
        ['interval=soon', /Invalid interval/],
      ] as const) {
        const { status, body } = await get(`events-stats/?dataset=transactions&${query}`);
        assert.equal(status, 400, query);
        assert.match(body.detail ?? '', detail, query);
      }
    });

    it('validates a search the way the MCP server asks before running it', async () => {
      const good = await get(
        'events/validate/?dataset=spans&field=span.op&field=count()&field=span.duration&orderby=-count()&query=span.op:db*&statsPeriod=24h',
      );
      assert.equal(good.status, 200);
      assert.deepEqual(Object.keys(good.body).sort(), ['dataset', 'environment', 'field', 'orderby', 'projects', 'query', 'valid']);
      assert.equal(good.body.valid, true, JSON.stringify(good.body));
      assert.deepEqual(
        (good.body.field as JsonObject[]).map((f) => f.attrType),
        ['string', 'number', 'number'],
      );
      const bad = await get('events/validate/?dataset=spans&field=span.op&orderby=-span.duration&field=nonsense()');
      assert.equal(bad.body.valid, false);
      assert.equal((bad.body.orderby as JsonObject[])[0]?.error, 'Orderby must also be a selected field');
      assert.equal((bad.body.field as JsonObject[])[1]?.valid, false);
      const badDataset = await get('events/validate/?dataset=nope&field=count()');
      assert.equal(badDataset.body.valid, false);
    });

    it('lists span attribute keys, built-in and from stored spans, typed as Sentry spells them', async () => {
      const { status, body } = await get('trace-items/attributes/?itemType=spans');
      assert.equal(status, 200);
      const list = body as unknown as JsonObject[];
      const keys = list.map((a) => a.key);
      assert.ok(keys.includes('span.op'));
      const attributeNames = new Set(sent.flatMap((b) => b.spans.flatMap((sp) => Object.keys(sp.data))));
      assert.ok(attributeNames.has('express.name'), 'the captures carry express.name');
      assert.ok(keys.includes('express.name'), 'a string attribute the SDK sent');
      assert.ok(keys.includes('tags[http.response.status_code,number]'), 'a numeric attribute, typed');
      const numbers = (await get('trace-items/attributes/?itemType=spans&attributeType=number')).body as unknown as JsonObject[];
      assert.ok(numbers.every((a) => a.attributeType === 'number'));
      assert.equal((await get('trace-items/attributes/')).status, 400);
      // Logs have their own attributes (logs/): none of the spans' keys appear there.
      const logKeys = ((await get('trace-items/attributes/?itemType=logs')).body as unknown as JsonObject[]).map((a) => a.key);
      assert.ok(logKeys.includes('severity') && !logKeys.includes('express.name'), logKeys.join());
    });

    it("refuses another organization's data", async () => {
      const mallory = await addPerson(server, 'mallory@example.com');
      const other = await addOrganization(server, 'elsewhere', mallory);
      const token = await mintToken(server, mallory, ['org:read', 'project:read', 'event:read']);
      const theirs = await events('dataset=transactions&field=count()', token, server.workspace.org);
      assert.equal(theirs.status, 404);
      const own = await events('dataset=transactions&field=count()', token, other.org.slug);
      assert.equal(own.status, 200);
      assert.equal(own.body.data.length === 0 || own.body.data[0]?.['count()'] === 0, true, 'their own org has no transactions');
    });

    it("estimates throughput before client sampling from each trace's sample rate", async () => {
      const now = Date.now() / 1000;
      const tx = (i: number) =>
        JSON.stringify({
          type: 'transaction',
          event_id: `${'f'.repeat(31)}${i}`,
          transaction: 'GET /sampled',
          start_timestamp: now - 0.2,
          timestamp: now,
          contexts: { trace: { trace_id: `${'b'.repeat(31)}${i}`, span_id: `${'a'.repeat(15)}${i}`, op: 'http.server', status: 'ok' } },
        });
      for (const i of [1, 2, 3]) {
        const header = JSON.stringify({ trace: { trace_id: `${'b'.repeat(31)}${i}`, public_key: 'x', sample_rate: '0.25' } });
        assert.equal((await post(server, `${header}\n{"type":"transaction"}\n${tx(i)}`)).status, 200);
      }
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      const fromRollups = await events('dataset=transactions&field=transaction&field=count()&field=count_estimated()&query=transaction:"GET /sampled"');
      assert.deepEqual(fromRollups.body.data, [{ transaction: 'GET /sampled', 'count()': 3, 'count_estimated()': 12 }]);
      const fromScan = await events('dataset=transactions&field=count()&field=count_estimated()&query=transaction:"GET /sampled" transaction.duration:>1ms');
      assert.deepEqual(fromScan.body.data, [{ 'count()': 3, 'count_estimated()': 12 }], 'the scan path agrees');
    });

    it('scrubs secrets out of streamed spans before they are stored', async () => {
      const trace = 'c'.repeat(32);
      const span = (id: string, extra: JsonObject) => ({
        trace_id: trace,
        span_id: id,
        start_timestamp: Date.now() / 1000 - 1,
        end_timestamp: Date.now() / 1000,
        status: 'ok',
        ...extra,
      });
      const container = {
        version: 2,
        items: [
          span('d'.repeat(16), {
            name: 'POST /pay',
            is_segment: true,
            attributes: { 'sentry.op': { value: 'http.server', type: 'string' }, password: { value: 'hunter2', type: 'string' } },
          }),
          span('e'.repeat(16), {
            name: 'charge card 4111 1111 1111 1111',
            parent_span_id: 'd'.repeat(16),
            attributes: { 'http.request.header.authorization': { value: 'Bearer abc.def', type: 'string' } },
          }),
        ],
      };
      const body = `{}\n{"type":"span","item_count":2,"content_type":"application/vnd.sentry.items.span.v2+json"}\n${JSON.stringify(container)}`;
      assert.equal((await post(server, body)).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      const stored = await createPerformanceRepo(server.store.db).traceBatches([server.workspace.projectId], trace);
      const text = JSON.stringify(stored.map((s) => s.batch));
      assert.ok(stored.length > 0, 'the spans were stored');
      assert.ok(!text.includes('hunter2'), 'password attribute scrubbed');
      assert.ok(!text.includes('4111 1111 1111 1111'), 'card number scrubbed from the span name');
      assert.ok(!text.includes('abc.def'), 'authorization header scrubbed');
    });
  });
}
