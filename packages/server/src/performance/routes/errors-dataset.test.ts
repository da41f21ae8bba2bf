import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type JsonObject, parseEnvelope } from '@faultline/protocol';
import { explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);
const CAPTURES = [
  'sentry-node-11.12.0/002-errors--envelope-event.txt',
  'sentry-node-11.12.0/003-errors--envelope-event.txt',
  'sentry-node-11.12.0/004-errors--envelope-event.txt',
  'sentry-node-11.12.0/005-errors--envelope-event.txt',
  'sentry-node-11.12.0/006-express--envelope-event.txt',
];

function body(file: string): Uint8Array {
  const raw = readFileSync(new URL(file, FIXTURES));
  return raw.subarray(raw.indexOf('\n\n') + 2);
}

/** The event ids the SDK sent, from the real captures. */
function sentIds(): string[] {
  return CAPTURES.map((file) => {
    const parsed = parseEnvelope(body(file));
    assert.ok(parsed.ok);
    const item = parsed.envelope.items.find((i) => i.type === 'event');
    return String((JSON.parse(Buffer.from(item?.payload ?? new Uint8Array()).toString('utf8')) as JsonObject).event_id);
  });
}

for (const dialect of testDialects()) {
  describe(`GET /organizations/{org}/events/ over error events (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
      for (const file of CAPTURES) assert.equal((await post(server, body(file))).status, 200, file);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    });
    after(() => server.close());

    async function get(path: string) {
      const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/${path}`, {
        headers: { authorization: `Bearer ${server.workspace.token}` },
      });
      return { status: res.status, body: (await res.json()) as { data: JsonObject[]; meta: JsonObject; detail?: string } };
    }

    it('lists every stored error event with its issue short id, as the MCP server and Grafana read them', async () => {
      const { status, body: answer } = await get(
        'events/?dataset=errors&field=id&field=title&field=issue&field=level&field=timestamp&per_page=100&statsPeriod=90d',
      );
      assert.equal(status, 200, JSON.stringify(answer));
      assert.deepEqual(answer.data.map((r) => r.id).sort(), sentIds().sort());
      const issues = (await (
        await fetch(`${server.url}/api/0/projects/${server.workspace.org}/${server.workspace.project}/issues/?statsPeriod=14d`, {
          headers: { authorization: `Bearer ${server.workspace.token}` },
        })
      ).json()) as JsonObject[];
      for (const row of answer.data)
        assert.ok(
          issues.some((i) => i.shortId === row.issue && i.title === row.title),
          `row ${JSON.stringify(row)} names its issue`,
        );
      assert.equal(answer.meta.fields && (answer.meta.fields as JsonObject).timestamp, 'date');
    });

    it('aggregates by title; discover without event.type reads the same error events', async () => {
      const grouped = await get('events/?dataset=errors&field=title&field=count()&field=count_unique(issue)&field=last_seen()&sort=-count()&statsPeriod=90d');
      assert.equal(grouped.status, 200, JSON.stringify(grouped.body));
      assert.equal(
        grouped.body.data.reduce((n, r) => n + Number(r['count()']), 0),
        CAPTURES.length,
      );
      for (const row of grouped.body.data) assert.equal(row['count_unique(issue)'], 1, 'one title, one issue');
      const discover = await get('events/?field=count()&statsPeriod=90d');
      assert.equal(discover.body.data[0]?.['count()'], CAPTURES.length);
      const stats = await get('events-stats/?dataset=errors&yAxis=count()&statsPeriod=90d&interval=1d&partial=1');
      const total = (stats.body.data as unknown as [number, [{ count: number }]][]).reduce((n, [, [v]]) => n + v.count, 0);
      assert.equal(total, CAPTURES.length);
    });

    it('refuses duration functions on error events', async () => {
      const { status, body: answer } = await get('events/?dataset=errors&field=p95(transaction.duration)');
      assert.equal(status, 400);
      assert.match(answer.detail ?? '', /not available on the errors dataset/);
      assert.equal((await get('events/?dataset=profiles&field=count()')).status, 400);
    });
  });
}
