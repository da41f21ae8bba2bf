import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  eventEnvelope,
  explainSkippedPostgres,
  mintToken,
  post,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import type { StatsResponse } from '../stats-response.js';

explainSkippedPostgres();

const session =
  '{"type":"session"}\n{"sid":"8f7d2432b6354e37a993b5d3dab1c1ac","init":true,"started":"2026-11-21T15:30:23.380Z","status":"ok","attrs":{"release":"a@1"}}';

/** A mix with every kind of outcome, and by hand what it sends per data category. */
async function sendMix(server: TestServer): Promise<Record<string, number>> {
  const send = async (body: string, status: number, query?: string) => {
    const res = await post(server, body, query === undefined ? {} : { query });
    assert.equal(res.status, status, body.slice(0, 80));
  };
  for (let i = 0; i < 3; i++) await send(eventEnvelope(), 200); // 3 error accepted
  await send(`${eventEnvelope()}\n${session}\n${session}`, 200); // 1 error + 2 session accepted
  await send('{}\n{"type":"event"}\n{"message":"broken', 200); // 1 error invalid (JSON)
  await send(`{}\n{"type":"event"}\n{"message":"${'x'.repeat(1024 * 1024)}"}\n${session}`, 413); // 1 error + 1 session invalid (too_large)
  await send('{}\n{"type":"hologram"}\n{}\n{"type":"statsd","length":3}\nabc', 200); // 1 unknown + 1 metric_bucket filtered
  await send('{}\n{"type":"client_report"}\n{"discarded_events":[{"reason":"sample_rate","category":"transaction","quantity":4}]}', 200); // 1 internal accepted (+4 client_discard)
  const limited = await server.store.clientKeys.create(server.workspace.projectId, 'limited', 1);
  await send(eventEnvelope(), 200, `?sentry_key=${limited.publicKey}`); // 1 error accepted
  await send(eventEnvelope(), 429, `?sentry_key=${limited.publicKey}`); // 1 error rate limited
  await send(`${eventEnvelope()}\n${session}`, 200, `?sentry_key=${limited.publicKey}`); // 1 error rate limited, 1 session accepted
  await server.app.jobs.queue.flush();
  await server.app.jobs.worker.drain();
  return { error: 3 + 1 + 1 + 1 + 1 + 2, session: 2 + 1 + 1, unknown: 1, metric_bucket: 1, internal: 1 };
}

for (const dialect of testDialects()) {
  describe(`outcomes and GET /api/0/organizations/{org}/stats_v2/ (${dialect})`, () => {
    let server: TestServer;
    let sent: Record<string, number>;
    before(async () => {
      server = await startTestServer({ dialect });
      sent = await sendMix(server);
    });
    after(() => server.close());

    async function stats(query: string, token = server.workspace.token) {
      const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/stats_v2/?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, body: (await res.json()) as StatsResponse };
    }

    function total(body: StatsResponse, by: Record<string, string | number>): number {
      const group = body.groups.find((g) => Object.entries(by).every(([k, v]) => g.by[k as keyof typeof g.by] === v));
      return group?.totals['sum(quantity)'] ?? 0;
    }

    it('balances: every item sent ends in exactly one outcome', async () => {
      const { status, body } = await stats('field=sum(quantity)&groupBy=category&groupBy=outcome&statsPeriod=24h&interval=1h');
      assert.equal(status, 200);
      const outcomesPerCategory: Record<string, number> = {};
      for (const g of body.groups) {
        if (g.by.outcome === 'client_discard') continue;
        const category = String(g.by.category);
        outcomesPerCategory[category] = (outcomesPerCategory[category] ?? 0) + g.totals['sum(quantity)'];
      }
      assert.deepEqual(outcomesPerCategory, sent);
    });

    it('groups by outcome, reason, category and project, in Sentry’s response shape', async () => {
      const { body } = await stats('field=sum(quantity)&groupBy=outcome&groupBy=reason&category=error&statsPeriod=24h&interval=1h');
      assert.equal(body.intervals.length, 25);
      assert.match(body.start, /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      assert.equal(total(body, { outcome: 'accepted', reason: 'none' }), 5);
      assert.equal(total(body, { outcome: 'invalid', reason: 'invalid_json' }), 1);
      assert.equal(total(body, { outcome: 'invalid', reason: 'too_large' }), 1);
      assert.equal(total(body, { outcome: 'rate_limited', reason: 'key_quota' }), 2);
      for (const g of body.groups)
        assert.equal(
          g.series['sum(quantity)'].reduce((a, b) => a + b, 0),
          g.totals['sum(quantity)'],
        );
      const discards = await stats('groupBy=outcome&groupBy=reason&groupBy=category&outcome=client_discard');
      assert.deepEqual(
        discards.body.groups.map((g) => [g.by, g.totals['sum(quantity)']]),
        [[{ outcome: 'client_discard', reason: 'sample_rate', category: 'transaction' }, 4]],
      );
      const perProject = await stats('groupBy=project&category=session');
      assert.deepEqual(
        perProject.body.groups.map((g) => [g.by, g.totals['sum(quantity)']]),
        [[{ project: server.workspace.projectId }, 4]],
      );
    });

    it('answers only for the caller’s organization', async () => {
      const stranger = await addPerson(server, `stranger-${dialect}@example.com`);
      const { org } = await addOrganization(server, `elsewhere-${dialect}`, stranger);
      const token = await mintToken(server, stranger, ['org:read'], org);
      assert.equal((await stats('groupBy=outcome', token)).status, 404);
      const own = await fetch(`${server.url}/api/0/organizations/${org.slug}/stats_v2/?groupBy=outcome`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(own.status, 200);
      assert.deepEqual(((await own.json()) as StatsResponse).groups, []);
      const anonymous = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/stats_v2/`);
      assert.equal(anonymous.status, 401);
      assert.equal((await stats('groupBy=nonsense')).status, 400);
    });
  });
}
