import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { DAY, HOUR, insertHourly, insertIssue, NOW, seedWorkspace } from './issue-fixtures.test-support.js';
import { filteredCounts, issueStats } from './issue-stats.js';

explainSkippedPostgres();

const hourOf = (ms: number) => Math.floor(ms / HOUR) * HOUR;

for (const dialect of testDialects()) {
  describe(`issue counts and sparklines from issue_hourly (${dialect})`, () => {
    let db: TestDatabase;
    let a: number;
    let b: number;
    before(async () => {
      db = await openTestDatabase(dialect);
      const ws = await seedWorkspace(db.store);
      a = await insertIssue(db.store, ws.projectId, { title: 'a', firstSeen: NOW - 20 * DAY, lastSeen: NOW, timesSeen: 18 });
      b = await insertIssue(db.store, ws.projectId, { title: 'b', firstSeen: NOW - DAY, lastSeen: NOW, timesSeen: 1 });
      await insertHourly(db.store, a, [
        [hourOf(NOW), 'production', 'shop@1', 3],
        [hourOf(NOW), 'staging', 'shop@1', 2],
        [hourOf(NOW - 5 * HOUR), 'production', '', 4],
        [hourOf(NOW - 30 * HOUR), 'production', 'shop@1', 5],
        [hourOf(NOW - 20 * DAY), '', '', 4],
      ]);
    });
    after(() => db.cleanup());

    it('24h: 24 hourly buckets in unix seconds, the last one holding now', async () => {
      const series = await issueStats(db.store.db, [a, b], '24h', NOW);
      const points = series.get(a) ?? [];
      assert.equal(points.length, 24);
      assert.deepEqual(points.at(-1), [hourOf(NOW) / 1000, 5]);
      assert.deepEqual(points.at(-6), [hourOf(NOW - 5 * HOUR) / 1000, 4]);
      assert.equal(
        points.reduce((n, [, c]) => n + c, 0),
        9,
        'the event 30 h ago is outside the window',
      );
      assert.ok((series.get(b) ?? []).every(([, c]) => c === 0) && series.get(b)?.length === 24, 'an issue without counts gets zeros');
    });

    it('14d and 30d: daily buckets; environments narrow the counts', async () => {
      const days14 = (await issueStats(db.store.db, [a], '14d', NOW)).get(a) ?? [];
      assert.equal(days14.length, 14);
      assert.equal(days14.at(-1)?.[0], (Math.floor(NOW / DAY) * DAY) / 1000);
      assert.equal(
        days14.reduce((n, [, c]) => n + c, 0),
        14,
      );
      const days30 = (await issueStats(db.store.db, [a], '30d', NOW)).get(a) ?? [];
      assert.equal(
        days30.reduce((n, [, c]) => n + c, 0),
        18,
      );
      const staging = (await issueStats(db.store.db, [a], '24h', NOW, { environments: ['staging'] })).get(a) ?? [];
      assert.equal(
        staging.reduce((n, [, c]) => n + c, 0),
        2,
      );
    });

    it('counts within environments and a time range', async () => {
      assert.deepEqual(
        await filteredCounts(db.store.db, [a, b], { environments: ['production'] }),
        new Map([
          [a, 12],
          [b, 0],
        ]),
      );
      assert.deepEqual(await filteredCounts(db.store.db, [a], { from: NOW - 6 * HOUR, to: null }), new Map([[a, 9]]));
      assert.deepEqual(await filteredCounts(db.store.db, [a], { from: null, to: hourOf(NOW - 10 * DAY) }), new Map([[a, 4]]));
      assert.deepEqual(await filteredCounts(db.store.db, [], {}), new Map());
    });
  });
}
