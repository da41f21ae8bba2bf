// On every database: /sessions/ and /metrics/data/ answer Sentry's shapes from the release
// health tables — fields, groupBy (with the session.status explosion), intervals, query,
// orderBy and per_page, fractions with null for "nothing to divide by" — and refuse other
// organizations' data.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { addOrganization, addPerson, explainSkippedPostgres, mintToken, post, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

const hour = 3_600_000;

interface Group {
  by: Record<string, string | number>;
  totals: Record<string, number | null>;
  series: Record<string, (number | null)[]>;
}
interface Body {
  start: string;
  end: string;
  intervals: string[];
  groups: Group[];
  detail?: string;
}

for (const dialect of testDialects()) {
  describe(`release health APIs (${dialect})`, () => {
    let h: PipelineHarness;
    let p: TestProject;
    let q: TestProject;
    const iso = (ms: number) => new Date(ms).toISOString();

    async function send(project: TestProject, items: readonly { type: string; payload: unknown }[]) {
      const lines = [JSON.stringify({})];
      for (const i of items) lines.push(JSON.stringify({ type: i.type }), JSON.stringify(i.payload));
      const res = await post(h.server, lines.join('\n'), { projectId: project.id, query: `?sentry_key=${project.key}` });
      assert.equal(res.status, 200);
    }
    const session = (release: string, sid: string, did: string | null, status: string, extra: Record<string, unknown> = {}) => ({
      type: 'session',
      payload: { sid, did, init: true, status, started: iso(h.clock.now() - 30 * 60_000), attrs: { release, environment: 'production' }, ...extra },
    });

    before(async () => {
      h = await startPipelineHarness(dialect);
      p = await newProject(h);
      q = await newProject(h);
      // Release 1.0: 4 sessions by 3 users; u1 crashed once and was healthy once (a crashed user, not healthy).
      await send(p, [
        session('web@1.0', 's1', 'u1', 'crashed'),
        session('web@1.0', 's2', 'u1', 'exited', { duration: 10 }),
        session('web@1.0', 's3', 'u2', 'exited', { duration: 20 }),
        session('web@1.0', 's4', 'u3', 'unhandled', { errors: 1 }),
        // Release 2.0: 2 healthy sessions, 2 hours earlier.
        session('web@2.0', 't1', 'u4', 'ok', { started: iso(h.clock.now() - 150 * 60_000) }),
        session('web@2.0', 't2', null, 'ok', { started: iso(h.clock.now() - 150 * 60_000) }),
      ]);
      await send(q, [session('api@1.0', 'x1', 'v1', 'errored', { errors: 1 })]);
      await drain(h);
    });
    after(() => h.close());

    async function get(path: string, query: string, token = h.server.workspace.token, org = h.server.workspace.org) {
      const res = await fetch(`${h.server.url}/api/0/organizations/${org}/${path}/?${query}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, link: res.headers.get('link'), body: (await res.json()) as Body };
    }

    it('sums sessions and users and computes crash-free and unhandled-free rates as fractions', async () => {
      const { status, body } = await get(
        'sessions',
        `project=${p.id}&statsPeriod=24h&interval=1h&query=release:web@1.0&field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)&field=crash_free_rate(user)&field=unhandled_free_rate(user)&field=crash_rate(session)`,
      );
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.groups.length, 1);
      const g = body.groups[0] as Group;
      assert.deepEqual(g.by, {});
      assert.deepEqual(g.totals, {
        'sum(session)': 4,
        'count_unique(user)': 3,
        'crash_free_rate(session)': 0.75,
        'crash_free_rate(user)': 1 - 1 / 3,
        'unhandled_free_rate(user)': 1 - 1 / 3,
        'crash_rate(session)': 0.25,
      });
      assert.equal(body.intervals.length, g.series['sum(session)']?.length);
      assert.equal(body.intervals.length, 25, 'a 24h window aligned to hours spans 25 buckets');
      assert.match(body.start, /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      assert.equal(
        g.series['sum(session)']?.reduce((a, b) => (a ?? 0) + (b ?? 0), 0),
        4,
      );
      assert.equal(g.series['crash_free_rate(session)']?.filter((v) => v === null).length, 24, 'empty buckets have no rate: null');
    });

    it('groups by release with orderBy and per_page, and explodes session.status into the four groups', async () => {
      const byRelease = await get('sessions', `project=${p.id}&statsPeriod=24h&field=sum(session)&groupBy=release&orderBy=-sum(session)&per_page=1`);
      assert.equal(byRelease.status, 200);
      assert.deepEqual(
        byRelease.body.groups.map((g) => [g.by.release, g.totals['sum(session)']]),
        [['web@1.0', 4]],
      );
      assert.match(byRelease.link ?? '', /rel="next"; results="true"; cursor="0:1:0"/);

      const byStatus = await get(
        'sessions',
        `project=${p.id}&statsPeriod=24h&field=sum(session)&field=count_unique(user)&field=p50(session.duration)&groupBy=session.status&query=release:web@1.0`,
      );
      assert.equal(byStatus.status, 200, JSON.stringify(byStatus.body));
      const totals = Object.fromEntries(byStatus.body.groups.map((g) => [g.by['session.status'], g.totals]));
      assert.deepEqual(Object.keys(totals).sort(), ['abnormal', 'crashed', 'errored', 'healthy']);
      assert.deepEqual(totals.crashed?.['sum(session)'], 1);
      assert.deepEqual(totals.errored?.['sum(session)'], 1, 'the unhandled session is errored, not crashed');
      assert.deepEqual(totals.healthy?.['sum(session)'], 2);
      assert.deepEqual(totals.healthy?.['count_unique(user)'], 1, 'u1 crashed once, so only u2 is a healthy user');
      assert.deepEqual(totals.abnormal?.['sum(session)'], 0);
      const p50 = totals.healthy?.['p50(session.duration)'];
      assert.ok(typeof p50 === 'number' && Math.abs(p50 - 10_000) <= 101, `p50 in ms: ${p50}`);
      assert.equal(totals.crashed?.['p50(session.duration)'], null);
    });

    it('serves Grafana’s metrics/data query shape', async () => {
      const start = iso(h.clock.now() - 6 * hour).slice(0, 19);
      const end = iso(h.clock.now() + hour).slice(0, 19);
      const { status, body } = await get(
        'metrics/data',
        `includeSeries=1&start=${start}&end=${end}&interval=1h&field=session.crash_free_rate&groupBy=release&orderBy=-session.crash_free_rate&per_page=10&project=${p.id}`,
      );
      assert.equal(status, 200, JSON.stringify(body));
      const rates = Object.fromEntries(body.groups.map((g) => [g.by.release, g.totals['session.crash_free_rate']]));
      assert.deepEqual(rates, { 'web@2.0': 1, 'web@1.0': 0.75 });
      assert.equal(body.groups[0]?.by.release, 'web@2.0', 'ordered by the rate, descending');
      for (const g of body.groups) for (const v of g.series['session.crash_free_rate'] ?? []) assert.ok(v === null || typeof v === 'number');
      assert.deepEqual((body as unknown as { meta: unknown[] }).meta, []);
      const all = await get('metrics/data', `start=${start}&end=${end}&interval=1h&field=session.all&per_page=1`);
      assert.equal(all.body.groups[0]?.totals['session.all'], 7, 'without project: every project of the organization');
    });

    it('answers bad parameters with 400 and Sentry’s detail', async () => {
      const cases: [string, RegExp][] = [
        ['statsPeriod=24h', /missing a "field"/],
        ['field=sum(nope)', /Invalid field/],
        ['field=sum(session)&groupBy=user', /Invalid groupBy/],
        ['field=crash_free_rate(session)&groupBy=session.status', /Cannot group field crash_free_rate\(session\) by session.status/],
        ['field=sum(session)&query=release:web*', /wildcard/],
        ['field=sum(session)&interval=7m', /interval/],
        ['field=sum(session)&interval=1m&statsPeriod=30d', /too many results/],
        ['field=sum(session)&per_page=5001', /Cannot exceed 5000/],
        ['field=sum(session)&statsPeriod=forever', /statsPeriod/],
      ];
      for (const [query, detail] of cases) {
        const res = await get('sessions', query);
        assert.equal(res.status, 400, query);
        assert.match(res.body.detail ?? '', detail, query);
      }
    });

    it('refuses another organization: its slug is 404, and its project ids are 403 here', async () => {
      const stranger = await addPerson(h.server, `stranger-${dialect}@other.test`);
      const theirs = await addOrganization(h.server, `health-other-${dialect}`, stranger);
      const token = await mintToken(h.server, stranger, ['org:read', 'project:read', 'event:read']);
      const mine = await get('sessions', 'field=sum(session)', token);
      assert.equal(mine.status, 404);
      const cross = await get('sessions', `field=sum(session)&project=${p.id}`, token, theirs.org.slug);
      assert.equal(cross.status, 403);
      const own = await get('metrics/data', 'field=session.all', token, theirs.org.slug);
      assert.equal(own.status, 200);
      assert.equal(own.body.groups[0]?.totals['session.all'], 0, 'none of our sessions leak into their totals');
    });
  });
}
