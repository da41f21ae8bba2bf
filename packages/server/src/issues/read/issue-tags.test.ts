import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { HOUR, insertIssue, NOW, seedWorkspace } from './issue-fixtures.test-support.js';
import { issueTagKeys, issueTagValues } from './issue-tags.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`issue tag summaries (${dialect})`, () => {
    let db: TestDatabase;
    let id: number;
    before(async () => {
      db = await openTestDatabase(dialect);
      const ws = await seedWorkspace(db.store);
      id = await insertIssue(db.store, ws.projectId, {
        title: 'tagged',
        firstSeen: NOW - 10 * HOUR,
        lastSeen: NOW,
        timesSeen: 20,
        tags: {
          browser: [
            ['Chrome 120', 9, NOW - 10 * HOUR],
            ['Firefox 121', 6, NOW - 5 * HOUR],
            ['Safari 17', 3, NOW - HOUR],
            ['Edge 120', 2, NOW - 2 * HOUR],
          ],
          environment: [['production', 20, NOW - 10 * HOUR]],
        },
      });
    });
    after(() => db.cleanup());

    it('per key: events with the tag, distinct values, the top values by count', async () => {
      const keys = await issueTagKeys(db.store.db, id, [], 2);
      assert.deepEqual(
        keys.map((k) => [k.key, k.name, k.totalValues, k.uniqueValues, k.topValues.map((v) => [v.value, v.count])]),
        [
          [
            'browser',
            'Browser',
            20,
            4,
            [
              ['Chrome 120', 9],
              ['Firefox 121', 6],
            ],
          ],
          ['environment', 'Environment', 20, 1, [['production', 20]]],
        ],
      );
      assert.equal(keys[0]?.topValues[0]?.firstSeen, new Date(NOW - 10 * HOUR).toISOString());
      assert.deepEqual(
        (await issueTagKeys(db.store.db, id, ['environment'], 9)).map((k) => k.key),
        ['environment'],
      );
    });

    it('values page by count or by last/first seen, fetching one extra row', async () => {
      const byCount = await issueTagValues(db.store.db, id, 'browser', '-count', 0, 2);
      assert.deepEqual(
        byCount.map((v) => v.value),
        ['Chrome 120', 'Firefox 121', 'Safari 17'],
      );
      const next = await issueTagValues(db.store.db, id, 'browser', '-count', 2, 2);
      assert.deepEqual(
        next.map((v) => v.value),
        ['Safari 17', 'Edge 120'],
      );
      const byFirst = await issueTagValues(db.store.db, id, 'browser', '-first_seen', 0, 10);
      assert.deepEqual(
        byFirst.map((v) => v.value),
        ['Safari 17', 'Edge 120', 'Firefox 121', 'Chrome 120'],
      );
    });
  });
}
