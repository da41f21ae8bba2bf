import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatKeysetCursor, type KeysetCursor, parseKeysetCursor } from '../../http/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import type { IssueSortKey } from '../search/index.js';
import { DAY, HOUR, insertIssue, MINUTE, NOW, seedWorkspace } from './issue-fixtures.test-support.js';
import { type IssueRow, listIssues, matchingIssueIds } from './list-issues.js';

explainSkippedPostgres();

describe('keyset cursors', () => {
  it('round-trip in Sentry’s value:offset:is_prev shape', () => {
    const c: KeysetCursor = { value: 1_781_000_000_000, id: 42, backwards: true };
    assert.equal(formatKeysetCursor(c), '1781000000000.42:0:1');
    assert.deepEqual(parseKeysetCursor(formatKeysetCursor(c)), { ok: true, cursor: c });
  });
  it('read an absent or empty cursor as the first page and refuse anything else', () => {
    assert.deepEqual(parseKeysetCursor(undefined), { ok: true, cursor: null });
    assert.deepEqual(parseKeysetCursor(''), { ok: true, cursor: null });
    for (const bad of ['0:100:0', 'abc', '1.2:0:2', '1.2:5:0', '-1.2:0:0']) assert.equal(parseKeysetCursor(bad).ok, false, bad);
  });
});

for (const dialect of testDialects()) {
  describe(`issue lists: sorts and keyset pages (${dialect})`, () => {
    let db: TestDatabase;
    let projectId: number;
    const titles = new Map<number, string>();

    before(async () => {
      db = await openTestDatabase(dialect);
      const ws = await seedWorkspace(db.store);
      projectId = ws.projectId;
      // 23 issues with many ties in every sort column, so pages must break ties on the id.
      for (let i = 0; i < 23; i++) {
        const id = await insertIssue(db.store, projectId, {
          title: `issue ${i}`,
          firstSeen: NOW - (i % 4) * DAY,
          lastSeen: NOW - (i % 3) * HOUR,
          timesSeen: (i % 5) * 10,
          userCount: i % 2,
          status: i % 7 === 0 ? 'resolved' : 'unresolved',
        });
        titles.set(id, `issue ${i}`);
      }
    });
    after(() => db.cleanup());

    const column: Record<IssueSortKey, (r: IssueRow) => number> = {
      date: (r) => r.last_seen,
      new: (r) => r.first_seen,
      freq: (r) => r.times_seen,
      user: (r) => r.user_count,
    };

    async function walk(sort: IssueSortKey, limit: number): Promise<IssueRow[][]> {
      const pages: IssueRow[][] = [];
      let cursor: KeysetCursor | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const page = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort, cursor, limit });
        assert.equal(page.hasPrev, cursor !== null, 'hasPrev tells whether a page came before');
        pages.push(page.items);
        if (!page.hasNext) return pages;
        cursor = page.next;
      }
      throw new Error('pagination did not end');
    }

    for (const sort of ['date', 'new', 'freq', 'user'] as const) {
      it(`sort=${sort}: descending, ties by id descending, every issue exactly once across pages`, async () => {
        const all = (await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort, cursor: null, limit: 100 })).items;
        assert.equal(all.length, 23);
        for (let i = 1; i < all.length; i++) {
          const [a, b] = [all[i - 1] as IssueRow, all[i] as IssueRow];
          const ordered = column[sort](a) > column[sort](b) || (column[sort](a) === column[sort](b) && a.id > b.id);
          assert.ok(ordered, `${sort}: ${a.id} before ${b.id}`);
        }
        const pages = await walk(sort, 5);
        assert.deepEqual(
          pages.map((p) => p.length),
          [5, 5, 5, 5, 3],
        );
        assert.deepEqual(
          pages.flat().map((r) => r.id),
          all.map((r) => r.id),
        );
      });
    }

    it('a previous cursor returns the page before, in the same order', async () => {
      const first = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort: 'freq', cursor: null, limit: 6 });
      const second = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort: 'freq', cursor: first.next, limit: 6 });
      const back = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort: 'freq', cursor: second.prev, limit: 6 });
      assert.deepEqual(
        back.items.map((r) => r.id),
        first.items.map((r) => r.id),
      );
      assert.equal(back.hasPrev, false);
      assert.equal(back.hasNext, true);
    });

    it('pages stay stable when a newer issue arrives between requests', async () => {
      const first = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort: 'date', cursor: null, limit: 4 });
      const newer = await insertIssue(db.store, projectId, { title: 'brand new', firstSeen: NOW + MINUTE, lastSeen: NOW + MINUTE, timesSeen: 1 });
      const second = await listIssues(db.store.db, { projectIds: [projectId], conditions: [], sort: 'date', cursor: first.next, limit: 4 });
      const seen = new Set(first.items.map((r) => r.id));
      assert.ok(second.items.every((r) => !seen.has(r.id) && r.id !== newer));
      await db.store.db.deleteFrom('issues').where('id', '=', newer).execute();
    });

    it('bulk targets: matching ids newest first, capped', async () => {
      const ids = await matchingIssueIds(db.store.db, [projectId], [(eb) => eb('issues.status', '=', 'resolved')], 100);
      assert.deepEqual(ids.map((id) => titles.get(id)).sort(), ['issue 0', 'issue 14', 'issue 21', 'issue 7']);
      assert.equal((await matchingIssueIds(db.store.db, [projectId], [], 3)).length, 3);
      assert.deepEqual(await matchingIssueIds(db.store.db, [], [], 3), []);
    });
  });
}
