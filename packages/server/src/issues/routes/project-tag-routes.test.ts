import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  type Caller,
  explainSkippedPostgres,
  insertIssue,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import type { IssueTagIncrement } from '../store/issue-counters.js';

explainSkippedPostgres();

interface KeyRow {
  key: string;
  name: string;
  totalValues: number;
}
interface ValueRow {
  value: string;
  count: number;
}

for (const dialect of testDialects()) {
  describe(`project tag keys and values (${dialect})`, () => {
    let server: TestServer;
    let as: Caller;
    let base: string;
    const get = <T>(path: string, caller: Caller = as) => apiFetch<T>(server.url, `${base}${path}`, { as: caller });

    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      base = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/tags/`;
      const projectId = server.workspace.projectId;
      const t = Date.now();
      const tag = (issueId: number, key: string, value: string, count: number): IssueTagIncrement => ({
        issueId,
        key,
        value,
        count,
        firstSeen: t,
        lastSeen: t,
      });
      const loud = await insertIssue(server.store, { projectId });
      const quiet = await insertIssue(server.store, { projectId });
      await server.store.db.updateTable('issues').set({ times_seen: 500 }).where('id', '=', loud).execute();
      const rows = [
        tag(loud, 'browser.name', 'Chrome', 5),
        tag(quiet, 'browser.name', 'Chrome', 2),
        tag(quiet, 'browser.name', 'Firefox', 3),
        tag(loud, 'environment', 'production', 5),
        // More values than the per-issue top read, the rarest one last.
        ...Array.from({ length: 300 }, (_, i) => tag(loud, 'user.ip', `10.0.${Math.floor(i / 250)}.${i % 250}`, 300 - i)),
        tag(loud, 'user.ip', 'rare-one', 1),
      ];
      await server.store.issueCounters.incrementTags(server.store.db, rows);
      // Another organization's project: its keys and values never show here.
      const outsider = await addPerson(server, 'outsider@other.test');
      const other = await addOrganization(server, 'other', outsider);
      const foreign = await insertIssue(server.store, { projectId: other.project.id });
      await server.store.issueCounters.incrementTags(server.store.db, [tag(foreign, 'secret.key', 'x', 1), tag(foreign, 'browser.name', 'Chromium', 50)]);
    });
    after(() => server.close());

    it('lists the project’s keys with Sentry’s labels and totals', async () => {
      const res = await get<KeyRow[]>('');
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.map((k) => k.key),
        ['browser.name', 'environment', 'user.ip'],
      );
      assert.deepEqual(res.body[0], { key: 'browser.name', name: 'Browser Name', totalValues: 10 });
    });

    it('lists a key’s values by count, filtered by a case-insensitive prefix, limited', async () => {
      const all = await get<ValueRow[]>('browser.name/values/');
      assert.equal(all.status, 200);
      assert.deepEqual(
        all.body.map((v) => [v.value, v.count]),
        [
          ['Chrome', 7],
          ['Firefox', 3],
        ],
      );
      const chr = await get<ValueRow[]>('browser.name/values/?query=chr');
      assert.deepEqual(
        chr.body.map((v) => v.value),
        ['Chrome'],
      );
      const ips = await get<ValueRow[]>('user.ip/values/');
      assert.equal(ips.body.length, 100, 'at most 100 values');
      assert.equal(ips.body[0]?.value, '10.0.0.0');
      assert.equal((await get<ValueRow[]>('user.ip/values/?limit=5')).body.length, 5);
      // Beyond the most frequent values, a typed prefix still finds a rare one.
      const rare = await get<ValueRow[]>('user.ip/values/?query=rare');
      assert.deepEqual(
        rare.body.map((v) => [v.value, v.count]),
        [['rare-one', 1]],
      );
      assert.deepEqual((await get<ValueRow[]>('nope/values/')).body, []);
    });

    it("adds up the organization's keys across its projects, for the datasets that hold events", async () => {
      const org = `/api/0/organizations/${server.workspace.org}/tags/`;
      const res = await apiFetch<KeyRow[]>(server.url, `${org}?dataset=events&useCache=1&useFlagsBackend=1`, { as });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.map((k) => [k.key, k.totalValues]),
        [
          ['browser.name', 10],
          ['environment', 5],
          ['user.ip', (await get<KeyRow[]>('')).body.find((k) => k.key === 'user.ip')?.totalValues ?? -1],
        ],
      );
      assert.ok(!res.body.some((k) => k.key === 'secret.key'), "another organization's keys never show");
      assert.deepEqual((await apiFetch<KeyRow[]>(server.url, `${org}?dataset=replays`, { as })).body, []);
      assertDetail(await apiFetch(server.url, `${org}?dataset=bogus`, { as }), 400, /dataset must be one of/);
      assertDetail(await apiFetch(server.url, `${org}?project=abc`, { as }), 400, /project/);
    });

    it('answers bad input with 400 and other organizations with 404', async () => {
      assertDetail(await get('?limit=abc'), 400, /limit/);
      assertDetail(await get(`browser.name/values/?query=${'x'.repeat(201)}`), 400, /query/);
      const outsider = await server.store.users.byEmail('outsider@other.test');
      assert.ok(outsider);
      const theirs: Caller = { token: await mintToken(server, outsider, ['event:read', 'project:read', 'org:read']) };
      assertDetail(await get('', theirs), 404);
      assertDetail(await get('browser.name/values/', theirs), 404);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/tags/`, { as: theirs }), 404);
    });
  });
}
