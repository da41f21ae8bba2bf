// Grafana's Sentry data source (2.2) against a real Faultline, on every database: each request it
// sends, built as its Go client builds it (naive UTC start/end, topEvents always, no interval on
// spans stats, limit 10000 on issues), and each answer validated against what its Go decoder
// accepts (grafana-decoders.test-support.ts; docs/grafana.md). PostgreSQL matters here: a
// bigint that comes back as a string is exactly the kind of answer Go refuses.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, post, sessionsEnvelope, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { type GrafanaType, grafanaValidators, seriesProblems } from './grafana-decoders.test-support.js';

explainSkippedPostgres();

const HOUR = 3_600_000;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** Go's `Format("2006-01-02T15:04:05")`: UTC without a zone. */
const naive = (ms: number) => new Date(ms).toISOString().slice(0, 19);
/** Go's `Format("2006-01-02T15:04:05Z07:00")` for a UTC time. */
const zoned = (ms: number) => `${naive(ms)}Z`;

function errorEnvelope(at: number, release: string, n: number): string {
  const id = hex(16);
  const event = {
    event_id: id,
    timestamp: at / 1000,
    level: 'error',
    platform: 'node',
    release,
    environment: 'production',
    user: { id: `user-${n % 3}`, email: `user${n % 3}@example.com` },
    tags: { route: '/checkout', plan: n % 2 === 0 ? 'pro' : 'free' },
    exception: {
      values: [
        {
          type: 'TypeError',
          value: `cart is undefined (${n % 2})`,
          stacktrace: { frames: [{ filename: 'src/cart.js', function: 'total', lineno: 12, in_app: true }] },
        },
      ],
    },
  };
  return `{"event_id":"${id}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
}

function transactionEnvelope(at: number, release: string, durationMs: number): string {
  const id = hex(16);
  const trace = hex(16);
  const root = hex(8);
  const start = (at - durationMs) / 1000;
  const tx = {
    type: 'transaction',
    event_id: id,
    transaction: 'GET /api/cart',
    transaction_info: { source: 'route' },
    start_timestamp: start,
    timestamp: at / 1000,
    release,
    environment: 'production',
    platform: 'node',
    contexts: { trace: { trace_id: trace, span_id: root, op: 'http.server', status: 'ok', data: { 'http.response.status_code': 200 } } },
    spans: [
      {
        trace_id: trace,
        span_id: hex(8),
        parent_span_id: root,
        op: 'db.query',
        description: 'SELECT * FROM carts WHERE id = 42',
        start_timestamp: start + 0.001,
        timestamp: start + durationMs / 2000,
      },
    ],
  };
  return `{"event_id":"${id}"}\n{"type":"transaction"}\n${JSON.stringify(tx)}\n`;
}

for (const dialect of testDialects()) {
  describe(`Grafana's Sentry data source reads Faultline (${dialect})`, () => {
    let server: TestServer;
    const validators = grafanaValidators();
    // Grafana asks for the dashboard's range; the data sits inside it.
    const now = Date.now();
    const from = now - 6 * HOUR;
    const to = now + HOUR;
    let org: string;
    let projectId: number;

    async function grafanaGet(path: string, type: GrafanaType): Promise<{ body: unknown; link: string | null }> {
      const res = await apiFetch<unknown>(server.url, path, {
        as: { token: server.workspace.token },
        headers: { 'user-agent': 'grafana-sentry-datasource/2.2.0' },
      });
      assert.equal(res.status, 200, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
      assert.deepEqual(validators[type](res.body), [], `${type} from ${path}: ${JSON.stringify(res.body).slice(0, 600)}`);
      return { body: res.body, link: res.headers.get('link') };
    }

    /** What FetchWithPagination follows: `rel="next"` with results="true", its path kept, host dropped. */
    function assertLinkPaths(link: string | null, path: string) {
      // No Link header is one page (Sentry's tag keys have none); one it can follow needs the /api/0/ path.
      for (const part of link === null ? [] : link.split(',')) {
        const uri = /<([^>]*)>/.exec(part)?.[1] ?? '';
        assert.match(new URL(uri, server.url).pathname, /^\/api\/0\//, `${path}: ${part}`);
      }
    }

    before(async () => {
      server = await startTestServer({ dialect });
      org = server.workspace.org;
      projectId = server.workspace.projectId;
      for (let i = 0; i < 6; i++) assert.equal((await post(server, errorEnvelope(now - (i + 1) * 20 * 60_000, 'shop@2.0.0', i))).status, 200);
      for (let i = 0; i < 5; i++) assert.equal((await post(server, transactionEnvelope(now - (i + 1) * 15 * 60_000, 'shop@2.0.0', 120 + 40 * i))).status, 200);
      const sessions = sessionsEnvelope('shop@2.0.0', { users: 4, perUser: 2, crashedUsers: 1, started: now - 2 * HOUR });
      assert.equal((await post(server, sessions)).status, 200);
      await server.app.jobs.worker.drain();
    });
    after(async () => server?.close());

    it('organizations, projects, teams and a team’s projects', async () => {
      const orgs = await grafanaGet('/api/0/organizations/', 'SentryOrganization');
      assert.ok((orgs.body as { slug: string }[]).some((o) => o.slug === org));
      const projects = await grafanaGet(`/api/0/organizations/${org}/projects/`, 'SentryProject');
      assertLinkPaths(projects.link, 'projects');
      assert.ok((projects.body as { id: string }[]).some((p) => p.id === String(projectId)));
      const teams = await grafanaGet(`/api/0/organizations/${org}/teams/`, 'SentryTeam');
      const team = (teams.body as { slug: string }[])[0];
      assert.ok(team, 'the workspace has a team');
      await grafanaGet(`/api/0/teams/${org}/${team.slug}/projects/`, 'SentryProject');
    });

    it('tag keys and span attributes, with Link paths it can follow', async () => {
      const tags = await grafanaGet(`/api/0/organizations/${org}/tags/`, 'SentryTag');
      assertLinkPaths(tags.link, 'tags');
      assert.ok((tags.body as { key: string }[]).some((t) => t.key === 'plan'));
      const attributes = await grafanaGet(`/api/0/organizations/${org}/trace-items/attributes/?attributeType=number&itemType=spans`, 'SentryAttribute');
      assertLinkPaths(attributes.link, 'attributes');
      assert.ok((attributes.body as unknown[]).length > 0);
    });

    it('the Issues query: count a string, userCount an integer, dates RFC 3339', async () => {
      const q = new URLSearchParams({
        query: 'is:unresolved',
        start: naive(from),
        end: naive(to),
        sort: 'date',
        limit: '10000',
        project: String(projectId),
        environment: 'production',
      });
      const { body } = await grafanaGet(`/api/0/organizations/${org}/issues/?${q}`, 'SentryIssue');
      const issues = body as { count: string; userCount: number }[];
      assert.ok(issues.length >= 1);
      assert.equal(
        issues.reduce((sum, i) => sum + Number(i.count), 0),
        6,
      );
    });

    it('the Events query (discover, no dataset) and the Spans query', async () => {
      const events = new URLSearchParams({ query: 'level:error', start: naive(from), end: naive(to), sort: '-timestamp', per_page: '100' });
      for (const f of ['id', 'title', 'project', 'timestamp', 'level', 'user.email']) events.append('field', f);
      const list = await grafanaGet(`/api/0/organizations/${org}/events/?${events}`, 'GetOrgEventsResponse');
      assert.equal((list.body as { data: unknown[] }).data.length, 6);
      const grouped = new URLSearchParams({ query: '', start: naive(from), end: naive(to), sort: '-count()', per_page: '100' });
      for (const f of ['title', 'count()', 'count_unique(user)']) grouped.append('field', f);
      await grafanaGet(`/api/0/organizations/${org}/events/?${grouped}`, 'GetOrgEventsResponse');

      const spans = new URLSearchParams({
        dataset: 'spans',
        useRpc: '1',
        query: 'span.op:db.query',
        start: naive(from),
        end: naive(to),
        sort: '-span.duration',
        per_page: '100',
      });
      for (const f of ['span.op', 'span.description', 'span.duration', 'transaction']) spans.append('field', f);
      const rows = await grafanaGet(`/api/0/organizations/${org}/events/?${spans}`, 'GetOrgEventsResponse');
      assert.equal((rows.body as { data: unknown[] }).data.length, 5);
    });

    it('the Events Stats and Spans Stats queries: every bucket [seconds, [{count}]], zero-filled', async () => {
      const stats = new URLSearchParams({ query: '', start: naive(from), end: naive(to), interval: '1h', partial: '1', excludeOther: '1', topEvents: '10' });
      stats.append('field', 'count()');
      stats.append('yAxis', 'count()');
      const plain = await grafanaGet(`/api/0/organizations/${org}/events-stats/?${stats}`, 'SentryEventsStats');
      // With topEvents and only aggregates, Sentry answers one group keyed "" (docs/grafana.md).
      const groups0 = plain.body as Record<string, { data: [number, { count: number }[]][] }>;
      assert.deepEqual(Object.keys(groups0), [''], JSON.stringify(plain.body).slice(0, 300));
      const series = groups0[''] as { data: [number, { count: number }[]][] };
      assert.deepEqual(seriesProblems(series, 'count()'), [], JSON.stringify(series).slice(0, 500));
      assert.ok(series.data.length >= 7, 'a bucket per hour of the range');
      assert.equal(
        series.data.reduce((sum, [, [v]]) => sum + (v?.count ?? 0), 0),
        6,
      );
      assert.ok(
        series.data.some(([, [v]]) => v?.count === 0),
        'empty hours are zero, not missing',
      );

      const top = new URLSearchParams({
        query: '',
        start: naive(from),
        end: naive(to),
        interval: '1h',
        partial: '1',
        excludeOther: '1',
        topEvents: '10',
        sort: '-count()',
      });
      for (const f of ['transaction', 'count()']) top.append('field', f);
      top.append('yAxis', 'count()');
      const grouped = await grafanaGet(`/api/0/organizations/${org}/events-stats/?dataset=transactions&${top}`, 'SentryEventsStats');
      const groups = grouped.body as Record<string, unknown>;
      assert.ok('GET /api/cart' in groups, JSON.stringify(Object.keys(groups)));
      for (const [name, s] of Object.entries(groups)) assert.deepEqual(seriesProblems(s, name), []);

      const spans = new URLSearchParams({
        dataset: 'spans',
        query: '',
        start: zoned(from),
        end: zoned(to),
        partial: '1',
        excludeOther: '0',
        sampling: 'NORMAL',
        topEvents: '10',
      });
      for (const f of ['span.op', 'count()']) spans.append('field', f);
      spans.append('yAxis', 'count()');
      const spanStats = await grafanaGet(`/api/0/organizations/${org}/events-stats/?${spans}`, 'SentryEventsStats');
      const bySpanOp = spanStats.body as Record<string, unknown>;
      assert.ok('db.query' in bySpanOp, JSON.stringify(Object.keys(bySpanOp)));
      for (const [name, s] of Object.entries(bySpanOp)) assert.deepEqual(seriesProblems(s, name), []);
    });

    it('the Metrics query for release health, grouped and not', async () => {
      const grouped = new URLSearchParams({
        includeSeries: '1',
        start: naive(from),
        end: naive(to),
        interval: '1h',
        groupBy: 'release',
        orderBy: '-session.crash_free_rate',
        per_page: '5',
        project: String(projectId),
        field: 'session.crash_free_rate',
      });
      const g = await grafanaGet(`/api/0/organizations/${org}/metrics/data/?${grouped}`, 'MetricsResponse');
      const body = g.body as { intervals: string[]; groups: { by: { release: string }; series: Record<string, unknown[]> }[] };
      assert.deepEqual(
        body.groups.map((x) => x.by.release),
        ['shop@2.0.0'],
      );
      for (const x of body.groups) assert.equal(x.series['session.crash_free_rate']?.length, body.intervals.length);
      const single = new URLSearchParams({ includeSeries: '1', start: naive(from), end: naive(to), interval: '1h', per_page: '1', field: 'session.all' });
      const s = await grafanaGet(`/api/0/organizations/${org}/metrics/data/?${single}`, 'MetricsResponse');
      assert.ok(Number.isInteger((s.body as { groups: { totals: Record<string, unknown> }[] }).groups[0]?.totals['session.all']));
    });

    it('the Stats query (outcomes): integer totals and series as long as the intervals', async () => {
      const q = new URLSearchParams({ start: naive(from), end: naive(to), interval: '1h', category: 'error', field: 'sum(quantity)' });
      for (const g of ['outcome', 'reason', 'category']) q.append('groupBy', g);
      const { body } = await grafanaGet(`/api/0/organizations/${org}/stats_v2/?${q}`, 'StatsV2Response');
      const stats = body as { intervals: string[]; groups: { by: { outcome: string }; totals: Record<string, number>; series: Record<string, number[]> }[] };
      const accepted = stats.groups.find((x) => x.by.outcome === 'accepted');
      assert.equal(accepted?.totals['sum(quantity)'], 6);
      for (const x of stats.groups) assert.equal(x.series['sum(quantity)']?.length, stats.intervals.length);
    });

    it('errors in the shape it reads: non-200 with {"detail"}', async () => {
      const res = await apiFetch<{ detail?: unknown }>(server.url, `/api/0/organizations/${org}/events/?field=nope()&start=${naive(from)}&end=${naive(to)}`, {
        as: { token: server.workspace.token },
      });
      assert.equal(res.status, 400);
      assert.equal(typeof res.body.detail, 'string');
    });
  });
}
