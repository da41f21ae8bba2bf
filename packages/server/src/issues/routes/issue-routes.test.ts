import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, assertDetail, explainSkippedPostgres, type TestServer, testDialects } from '../../testing/index.js';
import { allIssues, CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

type Group = IssueSummary & Record<string, unknown>;

/** The `cursor="…"` of a Link header's next/previous part and whether it has results. */
function link(res: { headers: Headers }, rel: 'next' | 'previous'): { cursor: string; results: boolean } {
  const part = (res.headers.get('link') ?? '').split(', <').find((p) => p.includes(`rel="${rel}"`)) ?? '';
  return { cursor: /cursor="([^"]*)"/.exec(part)?.[1] ?? '', results: /results="true"/.test(part) };
}

// The issue list of a project as Sentry's clients read it, over HTTP, with issues made by the
// real pipeline from real SDK envelopes.
for (const dialect of testDialects()) {
  describe(`GET issue lists (${dialect})`, () => {
    let server: TestServer;
    let base: string;
    let typeError: Group;
    before(async () => {
      server = await startIssueServer(dialect);
      base = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/issues/`;
      for (const user of ['u1', 'u2', 'u1']) await sendCapture(server, CAPTURES.nodeTypeError, (p) => (p.user = { id: user }));
      await sendCapture(server, CAPTURES.nodeFingerprinted);
      await sendCapture(server, CAPTURES.nodeMessage, (p) => (p.environment = 'staging'));
      await sendCapture(server, CAPTURES.nodeExpress);
      await sendCapture(server, CAPTURES.python);
      await sendCapture(server, CAPTURES.browser);
      await sendCapture(server, CAPTURES.nodeTransaction);
      await drain(server);
      const issues = await allIssues(server);
      typeError = issues.find((i) => i.title === 'TypeError: Cannot read items of order 7') as Group;
      assert.ok(typeError, `issues: ${issues.map((i) => i.title).join(' | ')}`);
      // One issue resolved, so the default view has something to leave out.
      const fp = issues.find((i) => i.title === 'Error: custom fingerprinted');
      const res = await apiFetch(server.url, `${base}?id=${fp?.id}`, { method: 'PUT', as: { token: server.workspace.token }, body: { status: 'resolved' } });
      assert.equal(res.status, 200);
    });
    after(() => server.close());

    it('Group JSON as sentry-cli, Grafana and the API clients read it', async () => {
      const all = await getOk<Group[]>(server, `${base}?query=`);
      assert.equal(all.length, 6, 'transactions make no issues');
      const g = all.find((i) => i.id === typeError.id) as Group;
      for (const field of ['id', 'shortId', 'title', 'lastSeen', 'firstSeen', 'status', 'level', 'count', 'culprit', 'permalink', 'type']) {
        assert.equal(typeof g[field], 'string', field);
      }
      assert.match(g.shortId, /^DEFAULT-[0-9A-Z]+$/);
      assert.equal(g.count, '3');
      assert.equal(g.userCount, 2);
      assert.equal(g.status, 'unresolved');
      assert.equal(g.substatus, 'new');
      assert.equal(g.level, 'error');
      assert.equal(g.permalink, `${server.url}/organizations/${server.workspace.org}/issues/${g.id}/`);
      assert.deepEqual(g.project, { id: String(server.workspace.projectId), name: 'Default', slug: server.workspace.project, platform: 'node' });
      assert.deepEqual(g.metadata, { type: 'TypeError', value: 'Cannot read items of order 7', filename: '/app/scenario.js', function: 'processOrder' });
      // The event created the release, so the list embeds its summary, not a bare version.
      const firstRelease = g.firstRelease as Record<string, unknown>;
      assert.equal(firstRelease.version, 'myapp@1.2.3');
      assert.equal(firstRelease.shortVersion, 'myapp@1.2.3');
      assert.match(String(firstRelease.dateCreated), /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(g.lifetime, { count: '3', userCount: 2, firstSeen: g.firstSeen, lastSeen: g.lastSeen });
      assert.equal(g.assignedTo, null);
      assert.deepEqual(g.statusDetails, {});
      assert.equal(g.isUnhandled, false);
      assert.equal(g.numComments, 0);
      const stats = (g.stats as Record<string, [number, number][]>)['24h'] ?? [];
      assert.equal(stats.length, 24);
      assert.equal(
        stats.reduce((n, [, c]) => n + c, 0),
        3,
      );
      assert.ok(Number.isInteger(stats[0]?.[0]) && (stats[0]?.[0] ?? 0) < 1e11, 'bucket times are unix seconds');
      const express = all.find((i) => i.title === 'Error: user lookup failed for 17') as Group;
      assert.equal(express.isUnhandled, true, 'mechanism handled:false');
    });

    it('no `query` means is:unresolved (Sentry’s default); `query=` means everything', async () => {
      const unresolved = await getOk<Group[]>(server, base);
      assert.equal(unresolved.length, 5);
      assert.ok(unresolved.every((i) => i.status === 'unresolved'));
      assert.deepEqual(
        (await getOk<Group[]>(server, `${base}?query=is:resolved`)).map((i) => i.title),
        ['Error: custom fingerprinted'],
      );
      assert.deepEqual(
        (await getOk<Group[]>(server, `${base}?status=resolved&query=`)).map((i) => i.title),
        ['Error: custom fingerprinted'],
      );
    });

    it('search over HTTP: levels, users, tags, free text', async () => {
      const titles = async (q: string) => (await getOk<Group[]>(server, `${base}?query=${encodeURIComponent(q)}`)).map((i) => i.title).sort();
      assert.deepEqual(await titles('level:warning'), ['Payment provider returned 503']);
      assert.deepEqual(await titles('user.id:u2'), ['TypeError: Cannot read items of order 7']);
      // The browser capture's user has an id AND an e-mail: the e-mail alone must find it.
      assert.ok((await titles('user.email:jane@example.com')).includes("TypeError: Cannot read properties of undefined (reading 'length')"));
      assert.deepEqual(await titles('user.email:nobody@example.com'), []);
      assert.deepEqual(await titles('environment:staging'), ['Payment provider returned 503']);
      assert.deepEqual(await titles('browser.name:"Chrome Headless"'), ["TypeError: Cannot read properties of undefined (reading 'length')"]);
      assert.deepEqual(await titles('is:unresolved keyerror'), ["KeyError: 'items'"]);
      assert.deepEqual(await titles('timesSeen:>1'), ['TypeError: Cannot read items of order 7']);
    });

    it('bad queries and parameters are 400 with a detail saying what and where', async () => {
      const bad = await apiFetch(server.url, `${base}?query=${encodeURIComponent('is:unresolved is:foo')}`, { as: { token: server.workspace.token } });
      assertDetail(bad, 400, /^Error parsing search query: unknown is: value "foo".*at character 18/);
      assertDetail(await apiFetch(server.url, `${base}?sort=priority`, { as: { token: server.workspace.token } }), 400, /sort "priority" is not supported/);
      assertDetail(await apiFetch(server.url, `${base}?statsPeriod=7d`, { as: { token: server.workspace.token } }), 400, /stats_period/);
      assertDetail(await apiFetch(server.url, `${base}?cursor=12`, { as: { token: server.workspace.token } }), 400, /cursor/);
      assertDetail(await apiFetch(server.url, `${base}?limit=0`, { as: { token: server.workspace.token } }), 400, /limit/);
    });

    it('statsPeriod picks the sparkline: 14 daily buckets, or none', async () => {
      const [d14] = await getOk<Group[]>(server, `${base}?query=&statsPeriod=14d&limit=1`);
      assert.equal((((d14?.stats ?? {}) as Record<string, unknown[]>)['14d'] ?? []).length, 14);
      const [none] = await getOk<Group[]>(server, `${base}?query=&statsPeriod=&limit=1`);
      assert.equal(none?.stats, undefined);
    });

    it('sorts: freq puts the issue with the most events first', async () => {
      const [first] = await getOk<Group[]>(server, `${base}?query=&sort=freq`);
      assert.equal(first?.id, typeError.id);
      const [newest] = await getOk<Group[]>(server, `${base}?query=&sort=new`);
      assert.equal(newest?.title, "TypeError: Cannot read properties of undefined (reading 'length')");
    });

    it('keyset pages through Link headers: every issue once, and back again', async () => {
      const seen: string[] = [];
      let cursor = '';
      let pages = 0;
      for (;;) {
        const res = await apiFetch<Group[]>(server.url, `${base}?query=&limit=2&cursor=${cursor}`, { as: { token: server.workspace.token } });
        assert.equal(res.status, 200);
        assert.equal(link(res, 'previous').results, pages > 0);
        seen.push(...res.body.map((i) => i.id));
        pages++;
        const next = link(res, 'next');
        if (!next.results) break;
        cursor = next.cursor;
        if (pages === 2) {
          const back = await apiFetch<Group[]>(server.url, `${base}?query=&limit=2&cursor=${link(res, 'previous').cursor}`, {
            as: { token: server.workspace.token },
          });
          assert.deepEqual(
            back.body.map((i) => i.id),
            seen.slice(0, 2),
          );
        }
      }
      assert.equal(pages, 3);
      const all = (await allIssues(server)).map((i) => i.id);
      assert.deepEqual(seen, all);
      assert.match(link({ headers: new Headers({ link: '' }) }, 'next').cursor, /^$/);
    });

    it('environment= narrows the list and scopes count to it (lifetime keeps the total)', async () => {
      const staging = await getOk<Group[]>(server, `${base}?query=&environment=staging`);
      assert.deepEqual(
        staging.map((i) => i.title),
        ['Payment provider returned 503'],
      );
      const prod = await getOk<Group[]>(server, `${base}?query=&environment=production`);
      const te = prod.find((i) => i.id === typeError.id) as Group;
      assert.equal(te.count, '3');
      assert.deepEqual((te.filtered as { count: string }).count, '3');
      assert.equal(
        prod.some((i) => i.title === 'Payment provider returned 503'),
        false,
      );
    });

    it('direct hits: shortIdLookup with a short id, or an event id as the query', async () => {
      const res = await apiFetch<Group[]>(server.url, `${base}?shortIdLookup=1&query=${typeError.shortId.toLowerCase()}`, {
        as: { token: server.workspace.token },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-sentry-direct-hit'), '1');
      assert.deepEqual(
        res.body.map((i) => i.id),
        [typeError.id],
      );
      const events = await getOk<{ eventID: string }[]>(server, `/api/0/issues/${typeError.id}/events/`);
      const byEvent = await apiFetch<Group[]>(server.url, `${base}?query=${events[0]?.eventID}`, { as: { token: server.workspace.token } });
      assert.deepEqual(
        byEvent.body.map((i) => i.id),
        [typeError.id],
      );
    });

    it('the organization list spans its projects; `project=` narrows it; statsPeriod is a range there', async () => {
      const orgBase = `/api/0/organizations/${server.workspace.org}/issues/`;
      assert.equal((await getOk<Group[]>(server, `${orgBase}?query=`)).length, 6);
      assert.equal((await getOk<Group[]>(server, `${orgBase}?query=&project=${server.workspace.projectId}`)).length, 6);
      assertDetail(await apiFetch(server.url, `${orgBase}?project=999999`, { as: { token: server.workspace.token } }), 400, /project/);
      const grafana = await getOk<Group[]>(
        server,
        `${orgBase}?query=&start=${new Date(Date.now() - 3_600_000).toISOString().slice(0, 19)}&end=${new Date(Date.now() + 3_600_000).toISOString().slice(0, 19)}&limit=10000`,
      );
      assert.equal(grafana.length, 6);
      const past = await getOk<Group[]>(server, `${orgBase}?query=&start=2020-01-01T00:00:00&end=2020-01-02T00:00:00`);
      assert.equal(past.length, 0);
      assert.equal((await getOk<Group[]>(server, `${orgBase}?query=&statsPeriod=24h`)).length, 6);
    });
  });
}
