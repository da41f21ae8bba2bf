import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { DAY, HOUR, insertEvent, insertHourly, insertIssue, NOW, seedWorkspace } from '../read/issue-fixtures.test-support.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`merging issues in the store (${dialect})`, () => {
    let db: TestDatabase;
    let parent: number;
    let child: number;
    let projectId: number;
    before(async () => {
      db = await openTestDatabase(dialect);
      ({ projectId } = await seedWorkspace(db.store));
      parent = await insertIssue(db.store, projectId, {
        title: 'parent',
        firstSeen: NOW - DAY,
        lastSeen: NOW - HOUR,
        timesSeen: 5,
        firstRelease: 'app@2',
        tags: { browser: [['Chrome', 5, NOW - DAY]] },
        users: ['id:1', 'id:2'],
      });
      child = await insertIssue(db.store, projectId, {
        title: 'child',
        firstSeen: NOW - 3 * DAY,
        lastSeen: NOW,
        timesSeen: 3,
        firstRelease: 'app@1',
        lastRelease: 'app@3',
        tags: {
          browser: [
            ['Chrome', 2, NOW - 3 * DAY],
            ['Firefox', 1, NOW - 2 * DAY],
          ],
        },
        users: ['id:2', 'id:3'],
      });
      await insertHourly(db.store, parent, [[Math.floor(NOW / HOUR) * HOUR - HOUR, 'prod', '', 5]]);
      await insertHourly(db.store, child, [
        [Math.floor(NOW / HOUR) * HOUR - HOUR, 'prod', '', 2],
        [Math.floor(NOW / HOUR) * HOUR, 'prod', '', 1],
      ]);
      await db.store.db.insertInto('issue_hashes').values({ project_id: projectId, mechanism: 'm', hash: 'child-hash', issue_id: child }).execute();
      await insertEvent(db.store, projectId, child, 'sentry-node-11.12.0/004-errors--envelope-event.txt', NOW, 'c'.repeat(32));
      await db.store.issueMerge.merge(parent, [child], null);
    });
    after(() => db.cleanup());

    it('the parent covers both: counts, distinct users, first/last seen and releases', async () => {
      const p = await db.store.db.selectFrom('issues').selectAll().where('id', '=', parent).executeTakeFirstOrThrow();
      assert.deepEqual([p.times_seen, p.user_count, p.first_seen, p.last_seen, p.first_release, p.last_release], [8, 3, NOW - 3 * DAY, NOW, 'app@1', 'app@3']);
      const c = await db.store.db.selectFrom('issues').select('merged_into_id').where('id', '=', child).executeTakeFirstOrThrow();
      assert.equal(c.merged_into_id, parent);
    });

    it('counter rows are summed onto the parent and removed from the child', async () => {
      const hourly = await db.store.db.selectFrom('issue_hourly').select(['issue_id', 'hour', 'count']).orderBy('hour').execute();
      assert.deepEqual(
        hourly.map((h) => [h.issue_id, Number(h.count)]),
        [
          [parent, 7],
          [parent, 1],
        ],
      );
      const tags = await db.store.db.selectFrom('issue_tags').selectAll().orderBy('value').execute();
      assert.deepEqual(
        tags.map((t) => [t.issue_id, t.value, Number(t.times_seen), Number(t.first_seen)]),
        [
          [parent, 'Chrome', 7, NOW - 3 * DAY],
          [parent, 'Firefox', 1, NOW - 2 * DAY],
        ],
      );
      const users = await db.store.db.selectFrom('issue_users').select(['issue_id', 'user_key']).orderBy('user_key').execute();
      assert.deepEqual(
        users.map((u) => [u.issue_id, u.user_key]),
        [
          [parent, 'id:1'],
          [parent, 'id:2'],
          [parent, 'id:3'],
        ],
      );
    });

    it('events and hashes point at the parent; the merge is in its activity', async () => {
      const event = await db.store.db.selectFrom('events').select('issue_id').executeTakeFirstOrThrow();
      assert.equal(event.issue_id, parent);
      const hash = await db.store.db.selectFrom('issue_hashes').select('issue_id').where('hash', '=', 'child-hash').executeTakeFirstOrThrow();
      assert.equal(hash.issue_id, parent);
      const activity = await db.store.db.selectFrom('issue_activity').selectAll().where('issue_id', '=', parent).execute();
      assert.deepEqual(
        activity.map((a) => [a.type, JSON.parse(a.data)]),
        [['merge', { issues: [{ id: String(child) }] }]],
      );
    });
  });
}
