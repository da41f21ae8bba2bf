// Two workers storing segments of one replay at the same time (PostgreSQL, where processes
// share the database and transactions overlap): the row's claim makes the second wait for the
// first, so the replay ends up with both segments in its aggregation, not the last writer's.
// SQLite has one writer at a time, so the race cannot happen there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { deflateSync } from 'node:zlib';
import type { QueueItem } from '../../jobs/index.js';
import { OutcomeCounts } from '../../outcomes/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { applyReplays } from './apply-replays.js';
import { DEFAULT_REPLAY_LIMITS, type ReplayOp } from './replay-stage.js';

explainSkippedPostgres();

const replayId = 'c'.repeat(32);

function recordingOp(projectId: number, segmentId: number): ReplayOp {
  const item: QueueItem = {
    queueId: segmentId,
    index: 0,
    projectId,
    receivedAt: Date.UTC(2026, 10, 21, 15, 0, segmentId),
    eventId: replayId,
    type: 'replay_recording',
    envelopeHeaders: {},
    headers: { type: 'replay_recording' },
    payload: new Uint8Array(0),
  };
  return {
    kind: 'recording',
    item,
    replayId,
    segmentId,
    bytes: deflateSync(`[{"type":4,"n":${segmentId}}]`),
    clicks: [segmentId, 0, 0],
    passwordIds: new Set(),
  };
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`replay stage under concurrent workers (${dialect})`, () => {
    let db: TestDatabase;
    let projectId: number;
    before(async () => {
      db = await openTestDatabase(dialect);
      const org = await db.store.organizations.create({ slug: 'race', name: 'Race' });
      projectId = (await db.store.projects.create({ orgId: org.id, slug: 'race', name: 'Race', platform: null })).id;
    });
    after(async () => db?.cleanup());

    it('overlapping transactions on one replay both land in its row', async () => {
      const { store } = db;
      const first = store.db.transaction().execute(async (trx) => {
        await applyReplays(store, trx, [recordingOp(projectId, 0)], DEFAULT_REPLAY_LIMITS, new OutcomeCounts());
        // Hold the transaction open while the other worker starts its own.
        await sleep(300);
      });
      await sleep(50);
      const second = store.db.transaction().execute(async (trx) => {
        await applyReplays(store, trx, [recordingOp(projectId, 1)], DEFAULT_REPLAY_LIMITS, new OutcomeCounts());
      });
      await Promise.all([first, second]);
      const row = await store.replays.get(store.db, projectId, replayId);
      assert.ok(row);
      assert.equal(row.segmentCount, 2);
      assert.equal(row.summary.maxSegmentId, 1);
      assert.deepEqual(Object.keys(row.summary.clicks).sort(), ['0', '1']);
      const segments = await store.replays.segments(projectId, replayId, 0, 10);
      assert.equal(
        row.recordingBytes,
        segments.reduce((n, s) => n + s.size, 0),
      );
    });
  });
}
