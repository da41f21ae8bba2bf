import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { parseIssueQuery } from '../search/index.js';
import { compileIssueQuery, type IssueSearchScope } from './compile-search.js';
import { DAY, HOUR, insertIssue, MINUTE, NOW, seedWorkspace, type Workspace } from './issue-fixtures.test-support.js';
import { latestReleases } from './latest-release.js';
import { listIssues } from './list-issues.js';
import { formatShortId } from './short-id.js';

explainSkippedPostgres();

type Key = 'A' | 'B' | 'C' | 'D' | 'E';

// Every search key against one small, fully known project, on each database: the same SQL
// must mean the same on SQLite and PostgreSQL (LIKE escapes, case folding, NULLs, tuples).
for (const dialect of testDialects()) {
  describe(`issue search compiled to SQL (${dialect})`, () => {
    let db: TestDatabase;
    let ws: Workspace;
    const ids = new Map<Key, number>();
    const keyOf = new Map<number, string>();
    let shortA = '';

    before(async () => {
      db = await openTestDatabase(dialect);
      const store = db.store;
      ws = await seedWorkspace(store);
      const add = async (key: Key, spec: Parameters<typeof insertIssue>[2]) => {
        const id = await insertIssue(store, ws.projectId, spec);
        ids.set(key, id);
        keyOf.set(id, key);
      };
      await add('A', {
        title: 'TypeError: Cannot read properties of undefined',
        culprit: 'app/checkout.js in submit',
        substatus: 'new',
        firstSeen: NOW - HOUR,
        lastSeen: NOW - 10 * MINUTE,
        timesSeen: 120,
        firstRelease: 'shop@1.0.0',
        tags: {
          environment: ['production'],
          release: [
            ['shop@1.0.0', 100, NOW - HOUR],
            ['shop@1.1.0', 20, NOW - 20 * MINUTE],
          ],
          browser: ['Chrome 120'],
          url: ['https://shop.test/cart'],
          level: ['error'],
          handled: ['no'],
        },
        users: ['id:42', 'email:jane@example.com', 'ip:203.0.113.7'],
        assigneeUserId: ws.adminId,
      });
      await add('B', {
        title: 'ValueError: 100% done_ok',
        culprit: 'worker.tasks in run',
        level: 'warning',
        status: 'resolved',
        substatus: null,
        firstSeen: NOW - 10 * DAY,
        lastSeen: NOW - 9 * DAY,
        timesSeen: 5,
        firstRelease: 'shop@0.9.0',
        tags: { environment: ['staging'], release: ['shop@0.9.0'], browser: ['Safari 11.1'] },
        users: ['username:Bob'],
        assigneeTeamId: ws.teamId,
      });
      await add('C', {
        title: 'Payment provider returned 503',
        level: 'fatal',
        status: 'ignored',
        substatus: 'archived_forever',
        firstSeen: NOW - 30 * DAY,
        lastSeen: NOW - 2 * DAY,
        timesSeen: 2000,
        userCount: 50,
        firstRelease: 'shop@0.9.0',
        tags: { environment: ['production'], release: [['shop@0.9.0', 2000, NOW - 30 * DAY]], server_name: ['web-1'] },
        users: ['id:7'],
      });
      await add('D', {
        title: "KeyError: 'items'",
        substatus: 'regressed',
        regressedAt: NOW - DAY,
        firstSeen: NOW - 20 * DAY,
        lastSeen: NOW - 5 * MINUTE,
        timesSeen: 10,
        tags: { environment: ['production'], release: [['shop@1.1.0', 3, NOW - 5 * MINUTE]], transaction: ['/checkout'], level: ['error'] },
      });
      await add('E', {
        title: 'Plain info message',
        level: 'info',
        substatus: 'new',
        firstSeen: NOW - 2 * HOUR,
        lastSeen: NOW - 2 * HOUR,
        timesSeen: 1,
        firstRelease: 'shop@1.1.0',
        reviewedAt: NOW - HOUR,
      });
      // Never listed: a tombstone merged into A, and an issue of another project.
      await insertIssue(store, ws.projectId, {
        title: 'TypeError: merged away',
        firstSeen: NOW - HOUR,
        lastSeen: NOW,
        timesSeen: 1,
        mergedInto: ids.get('A') as number,
      });
      await insertIssue(store, ws.projectId, {
        title: 'TypeError: other project',
        firstSeen: NOW - HOUR,
        lastSeen: NOW,
        timesSeen: 1,
        projectId: ws.otherProjectId,
      });
      const row = await store.db
        .selectFrom('issues')
        .select('short_id')
        .where('id', '=', ids.get('A') as number)
        .executeTakeFirstOrThrow();
      shortA = formatShortId(ws.projectSlug, row.short_id);
    });
    after(() => db.cleanup());

    async function search(text: string): Promise<string[]> {
      const parsed = parseIssueQuery(text, NOW);
      assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error.message}`);
      const scope: IssueSearchScope = {
        orgId: ws.orgId,
        userId: ws.adminId,
        projects: [{ id: ws.projectId, slug: ws.projectSlug }],
        now: NOW,
        latestRelease: await latestReleases(db.store.db, [ws.projectId]),
        regressedForMs: 7 * DAY,
      };
      const page = await listIssues(db.store.db, {
        projectIds: [ws.projectId],
        conditions: compileIssueQuery(parsed.query, scope),
        sort: 'date',
        cursor: null,
        limit: 100,
      });
      return page.items.map((r) => keyOf.get(r.id) ?? `?${r.title}`).sort();
    }

    const cases: [string, string][] = [
      ['', 'ABCDE'],
      ['is:unresolved', 'ADE'],
      ['is:resolved', 'B'],
      ['is:ignored', 'C'],
      ['!is:unresolved', 'BC'],
      ['is:assigned', 'AB'],
      ['is:unassigned', 'CDE'],
      ['is:regressed', 'D'],
      ['is:for_review', 'AD'],
      ['assigned:me', 'A'],
      ['assigned:none', 'CDE'],
      ['assigned:#backend', 'B'],
      ['assigned:my_teams', 'B'],
      ['assigned:[me, #backend]', 'AB'],
      ['assigned:ADMIN@example.com', 'A'],
      ['assigned:bob@example.com', ''],
      ['!assigned:me', 'BCDE'],
      ['level:error', 'AD'],
      ['level:[fatal, warning]', 'BC'],
      ['!level:error', 'BCE'],
      ['environment:production', 'ACD'],
      ['environment:PROD*', 'ACD'],
      ['!environment:production', 'BE'],
      ['release:shop@1.1.0', 'AD'],
      ['release:latest', 'A'],
      ['firstRelease:latest', 'A'],
      ['firstRelease:shop@0.9.0', 'BC'],
      ['firstRelease:shop@1.*', 'AE'],
      ['!firstRelease:shop@0.9.0', 'ADE'],
      ['user.id:42', 'A'],
      ['user.id:7', 'C'],
      ['user.email:*@EXAMPLE.com', 'A'],
      ['user.username:Bob', 'B'],
      ['user.ip:203.0.113.7', 'A'],
      ['!user.id:42', 'BCDE'],
      ['message:"100% done"', 'B'],
      ['title:"1%0"', ''],
      ['title:y_rror', ''],
      ['title:done_ok', 'B'],
      ['title:*error*', 'ABD'],
      ['culprit:checkout', 'A'],
      ['culprit:*tasks*', 'B'],
      ['culprit:tasks', 'B'],
      ['payment 503', 'C'],
      ['"CANNOT read"', 'A'],
      ['typeerror', 'A'],
      ['firstSeen:-24h', 'AE'],
      ['firstSeen:+7d', 'BCD'],
      ['age:-3h', 'AE'],
      ['lastSeen:-1h', 'AD'],
      ['lastSeen:+1d lastSeen:-3d', 'C'],
      [`lastSeen:>=${new Date(NOW - 9 * DAY).toISOString()}`, 'ABCDE'],
      [`lastSeen:<${new Date(NOW - 9 * DAY).toISOString()}`, ''],
      [`firstSeen:${new Date(NOW - 10 * DAY).toISOString().slice(0, 10)}`, 'B'],
      ['timesSeen:>100', 'AC'],
      ['timesSeen:<=5', 'BE'],
      ['timesSeen:>=1k', 'C'],
      ['userCount:>=3', 'AC'],
      ['userCount:0', 'DE'],
      ['browser:"Chrome 120"', 'A'],
      ['browser:chrome', ''],
      ['browser:safari*', 'B'],
      ['has:browser', 'AB'],
      ['!has:browser', 'CDE'],
      ['server_name:web-1', 'C'],
      ['tags[level]:error', 'AD'],
      ['url:"https://shop.test/cart*"', 'A'],
      ['transaction:/checkout', 'D'],
      ['is:unresolved level:error environment:production', 'AD'],
      ['is:unresolved !assigned:me timesSeen:>5', 'D'],
    ];
    for (const [query, expected] of cases) {
      it(`${JSON.stringify(query)} → ${expected || 'nothing'}`, async () => {
        assert.equal((await search(query)).join(''), expected);
      });
    }

    it('issue ids and short ids (short ids case-insensitively; other projects never match)', async () => {
      assert.equal((await search(`issue.id:[${ids.get('A')}, ${ids.get('C')}]`)).join(''), 'AC');
      assert.equal((await search(`issue:${shortA.toLowerCase()}`)).join(''), 'A');
      assert.equal((await search('issue:OTHER-1')).join(''), '');
    });

    it('release:latest is the release first seen most recently', async () => {
      assert.deepEqual(await latestReleases(db.store.db, [ws.projectId]), new Map([[ws.projectId, 'shop@1.0.0']]));
      assert.deepEqual(await latestReleases(db.store.db, [ws.otherProjectId]), new Map());
    });
  });
}
