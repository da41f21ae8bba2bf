// End to end on every database: automatic lifecycle transitions (regressions, ignores that
// end), merged issues, and redelivery — through HTTP, the queue and the real pipeline.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { CLEARED_IGNORE, type LifecyclePatch, lifecycleColumnValues } from '../issues/index.js';
import { createWorker } from '../jobs/index.js';
import { createLogger, createSilentLogger } from '../kernel/index.js';
import { explainSkippedPostgres, testDialects } from '../testing/index.js';
import { node8, withTopFrame } from './group/grouping-fixtures.test-support.js';
import { createPipeline } from './pipeline.js';
import {
  activityOf,
  drain,
  issueById,
  issuesOf,
  newProject,
  outcomeTotal,
  type PipelineHarness,
  sendAll,
  sendEvent,
  startPipelineHarness,
  type TestProject,
  tagCounts,
} from './pipeline.test-support.js';

explainSkippedPostgres();

const N8 = node8('006-errors--envelope-event.txt');
const minute = 60_000;
const hour = 60 * minute;
const withRelease = (release: string | undefined) => ({ ...N8, release });
const byUser = (id: string) => ({ ...N8, user: { id } });

for (const dialect of testDialects()) {
  describe(`processing pipeline: lifecycle transitions (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    /** One issue with one event, then the patch applied as the issues API would. */
    async function issueWith(patch: (issueId: number) => LifecyclePatch, first: object = N8): Promise<{ p: TestProject; id: number }> {
      const p = await newProject(h);
      await sendAll(h, p, [first]);
      const [issue] = await issuesOf(h, p);
      assert.ok(issue);
      const values = lifecycleColumnValues(patch(issue.id));
      if (Object.keys(values).length > 0) await h.server.store.db.updateTable('issues').set(values).where('id', '=', issue.id).execute();
      return { p, id: issue.id };
    }

    const summaryOf = (eventId: string) => h.summaries.find((s) => s.eventId === eventId);

    it('resolved (now): a later event regresses it with its release', async () => {
      const { p, id } = await issueWith(() => ({ status: 'resolved', substatus: null, resolution: 'now', resolvedAt: h.clock.now() }));
      h.clock.advance(minute);
      const [eventId] = await sendAll(h, p, [withRelease('myapp@2.0.0')]);
      const issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.substatus, issue.resolution, issue.regressed_in_release], ['unresolved', 'regressed', null, 'myapp@2.0.0']);
      assert.equal(issue.regressed_at, h.clock.now());
      assert.equal(issue.times_seen, 2);
      assert.deepEqual((await activityOf(h, id)).at(-1), { type: 'set_regression', data: { release: 'myapp@2.0.0' } });
      assert.deepEqual([summaryOf(eventId as string)?.isRegression, summaryOf(eventId as string)?.isNew], [true, false]);
    });

    it('resolved in the next release: events of that release are counted, another release regresses', async () => {
      const { p, id } = await issueWith(
        () => ({ status: 'resolved', substatus: null, resolution: 'in_next_release', resolvedInRelease: 'myapp@1.0.0', resolvedAt: h.clock.now() }),
        withRelease('myapp@1.0.0'),
      );
      h.clock.advance(minute);
      await sendAll(h, p, [withRelease('myapp@1.0.0'), withRelease(undefined)]);
      let issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.times_seen], ['resolved', 3]);
      const [regressing, after] = await sendAll(h, p, [withRelease('myapp@1.0.1'), withRelease('myapp@1.0.2')]);
      issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.substatus, issue.regressed_in_release, issue.times_seen], ['unresolved', 'regressed', 'myapp@1.0.1', 5]);
      assert.equal(summaryOf(regressing as string)?.isRegression, true);
      assert.equal(summaryOf(after as string)?.isRegression, false, 'only the first event of the batch regressed it');
      assert.equal((await activityOf(h, id)).filter((a) => a.type === 'set_regression').length, 1);
    });

    it('resolved in release X: older-release and release-less events stay resolved, X itself regresses', async () => {
      // Releases are ordered by creation in the organization: 2.9.0 (this issue's first event), then 3.0.0 (another project's).
      const { p, id } = await issueWith(
        () => ({ status: 'resolved', substatus: null, resolution: 'in_release', resolvedInRelease: 'myapp@3.0.0', resolvedAt: h.clock.now() }),
        withRelease('myapp@2.9.0'),
      );
      await sendAll(h, await newProject(h), [withRelease('myapp@3.0.0')]);
      await sendAll(h, p, [withRelease('myapp@2.9.0'), withRelease(undefined)]);
      assert.equal((await issueById(h, id)).status, 'resolved');
      await sendAll(h, p, [withRelease('myapp@3.0.0')]);
      const issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.substatus, issue.regressed_in_release], ['unresolved', 'regressed', 'myapp@3.0.0']);
    });

    it('ignored until 3 more events: back as escalating on the third', async () => {
      const { p, id } = await issueWith(() => ({ status: 'ignored', substatus: 'archived_until_condition_met', ignoreCount: 3, ignoreBaselineTimesSeen: 1 }));
      await sendAll(h, p, [N8, N8]);
      assert.equal((await issueById(h, id)).status, 'ignored');
      const [third] = await sendAll(h, p, [N8]);
      const issue = await issueById(h, id);
      assert.deepEqual(
        [issue.status, issue.substatus, issue.ignore_count, issue.ignore_baseline_times_seen, issue.times_seen],
        ['unresolved', 'escalating', null, null, 4],
      );
      assert.deepEqual((await activityOf(h, id)).at(-1), { type: 'set_escalating', data: { reason: 'count' } });
      assert.equal(summaryOf(third as string)?.wasIgnoredAndCameBack, true);
    });

    it('ignored until a time: events before it are counted quietly, the first one after it brings it back', async () => {
      const { p, id } = await issueWith(() => ({ status: 'ignored', substatus: 'archived_until_condition_met', ignoreUntil: h.clock.now() + hour }));
      await sendAll(h, p, [N8]);
      assert.equal((await issueById(h, id)).status, 'ignored');
      h.clock.advance(2 * hour);
      await sendAll(h, p, [N8]);
      const issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.substatus, issue.ignore_until, issue.times_seen], ['unresolved', 'escalating', null, 3]);
    });

    it('ignored until 2 more users: repeat users do not count', async () => {
      const { p, id } = await issueWith(
        () => ({ status: 'ignored', substatus: 'archived_until_condition_met', ignoreUserCount: 2, ignoreBaselineUsers: 1 }),
        byUser('a'),
      );
      await sendAll(h, p, [byUser('a'), byUser('b'), byUser('b'), { ...N8, user: undefined }]);
      assert.deepEqual([(await issueById(h, id)).status, (await issueById(h, id)).user_count], ['ignored', 2]);
      await sendAll(h, p, [byUser('c')]);
      const issue = await issueById(h, id);
      assert.deepEqual([issue.status, issue.substatus, issue.user_count], ['unresolved', 'escalating', 3]);
      assert.deepEqual((await activityOf(h, id)).at(-1)?.data, { reason: 'user_count' });
    });

    it('ignored until 3 events within 10 minutes: older events do not count', async () => {
      const { p, id } = await issueWith(() => ({ status: 'ignored', substatus: 'archived_until_condition_met', ignoreCount: 3, ignoreWindowMs: 10 * minute }));
      await sendAll(h, p, [N8]);
      h.clock.advance(20 * minute);
      await sendAll(h, p, [N8]);
      h.clock.advance(minute);
      await sendAll(h, p, [N8]);
      assert.equal((await issueById(h, id)).status, 'ignored', 'two events in the window');
      await sendAll(h, p, [N8]);
      assert.equal((await issueById(h, id)).status, 'unresolved');
    });

    it('ignored forever stays ignored, and unresolved issues take no transition', async () => {
      const { p, id } = await issueWith(() => ({ ...CLEARED_IGNORE, status: 'ignored', substatus: 'archived_forever' }));
      await sendAll(h, p, [N8, N8]);
      assert.deepEqual([(await issueById(h, id)).status, (await issueById(h, id)).times_seen], ['ignored', 3]);
      const fresh = await issueWith(() => ({}));
      await sendAll(h, fresh.p, [N8]);
      assert.deepEqual(
        (await activityOf(h, fresh.id)).map((a) => a.type),
        ['first_seen'],
      );
    });

    it('a merged issue’s hashes lead to the issue it was merged into', async () => {
      const p = await newProject(h);
      const other = withTopFrame(N8, { function: 'cancelOrder' });
      await sendAll(h, p, [N8, other]);
      const [source, target] = await issuesOf(h, p);
      assert.ok(source && target);
      await h.server.store.db.updateTable('issues').set({ merged_into_id: target.id }).where('id', '=', source.id).execute();
      const [eventId] = await sendAll(h, p, [N8]);
      assert.equal((await issueById(h, source.id)).times_seen, 1);
      assert.equal((await issueById(h, target.id)).times_seen, 2);
      assert.equal(summaryOf(eventId as string)?.issueId, target.id);
      const row = await h.server.store.db
        .selectFrom('events')
        .select('issue_id')
        .where('event_id', '=', eventId as string)
        .executeTakeFirstOrThrow();
      assert.equal(row.issue_id, target.id);
    });

    it('redelivering a processed batch stores and counts nothing twice', async () => {
      const p = await newProject(h);
      const payloads = [byUser('a'), byUser('b'), { ...byUser('a'), environment: 'staging' }];
      for (const payload of payloads) await sendEvent(h, p, payload);
      const queued = await h.server.store.ingestQueue.list(p.id);
      assert.equal(queued.length, 3);
      await drain(h);
      const [before] = await issuesOf(h, p);
      assert.ok(before);
      const tagsBefore = await tagCounts(h, before.id);
      const hourlyBefore = await h.server.store.db.selectFrom('issue_hourly').selectAll().where('issue_id', '=', before.id).execute();
      // As after a crash between processing and the queue removal reaching disk: the same envelopes again.
      await h.server.store.db.transaction().execute((trx) => h.server.store.ingestQueue.insert(trx, queued));
      await drain(h);
      const [afterRedelivery] = await issuesOf(h, p);
      assert.deepEqual(afterRedelivery, before);
      assert.deepEqual(await tagCounts(h, before.id), tagsBefore);
      assert.deepEqual(await h.server.store.db.selectFrom('issue_hourly').selectAll().where('issue_id', '=', before.id).execute(), hourlyBefore);
      assert.equal(await outcomeTotal(h, p, 'filtered', 'duplicate'), 3);
      assert.equal(await outcomeTotal(h, p, 'accepted'), 3);
    });

    it('concurrent workers create one issue per fingerprint and count every event once', async () => {
      const p = await newProject(h);
      const sites = [N8, withTopFrame(N8, { function: 'cancelOrder' }), withTopFrame(N8, { function: 'refundOrder' })];
      for (let i = 0; i < 60; i++) await sendEvent(h, p, { ...sites[i % 3], user: { id: `u${i % 7}` } });
      await h.server.app.jobs.queue.flush();
      // A batch that failed (say, on a unique hash) would be retried and still end right: so no failure may be logged at all.
      const problems: string[] = [];
      const logger = createLogger('warn', new Writable({ write: (chunk: Buffer, _enc, done) => done(void problems.push(chunk.toString())) }));
      // On SQLite, workers of one file take disjoint partitions (else they race for the same rows, wasting work).
      const shared = h.server.store.dialect.claimLocksRows;
      const workers = [0, 1, 2].map((index) =>
        createWorker({
          store: h.server.store,
          logger,
          clock: h.clock,
          processBatch: createPipeline({ store: h.server.store, clock: h.clock, logger: createSilentLogger(), settingsTtlMs: 0, postProcessHooks: [] }),
          batchSize: 4,
          pollMs: 20,
          ...(shared ? {} : { partition: { index, count: 3 } }),
        }),
      );
      await Promise.all(
        workers.map(async (w) => {
          while ((await w.runOnce()) > 0);
        }),
      );
      assert.deepEqual(problems, []);
      const issues = await issuesOf(h, p);
      assert.deepEqual(
        issues.map((i) => [i.times_seen, i.user_count]),
        [
          [20, 7],
          [20, 7],
          [20, 7],
        ],
      );
      for (const issue of issues) assert.equal((await tagCounts(h, issue.id))['level=error'], 20);
    });
  });
}
