// On every database: the monitors repository keeps monitors per organization (another
// organization's slug never reaches them), creates environments once, pairs check-ins by id,
// finds what the missed and timeout sweeps need, and buckets stats as Sentry's /stats/ does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, orgWithProjects, type TestDatabase, testDialects } from '../../testing/index.js';
import { parseMonitorConfig } from '../monitor-config.js';

explainSkippedPostgres();

const config = (() => {
  const r = parseMonitorConfig({ schedule: { type: 'crontab', value: '0 2 * * *' }, timezone: 'Europe/Vienna', checkin_margin: 5, max_runtime: 30 });
  assert.ok(r.ok);
  return r.config;
})();

for (const dialect of testDialects()) {
  describe(`monitors store (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 2, 0, 0));
    let db: TestDatabase;
    let orgA: { id: number };
    let orgB: { id: number };
    let projectA: number;
    before(async () => {
      db = await openTestDatabase(dialect, clock);
      const a = await orgWithProjects(db.store, 'mon-a', ['web']);
      const b = await orgWithProjects(db.store, 'mon-b', ['web']);
      orgA = a.org;
      orgB = b.org;
      projectA = a.projects[0]?.id as number;
    });
    after(async () => db.cleanup());

    it('creates, reads back, updates and lists monitors of one organization only', async () => {
      const m = await db.store.monitors.create({ orgId: orgA.id, projectId: projectA, slug: 'nightly', name: 'Nightly', config });
      assert.match(m.guid, /^[0-9a-f]{32}$/);
      assert.deepEqual(m.config.schedule, { type: 'crontab', crontab: '0 2 * * *' });
      assert.equal(m.config.timezone, 'Europe/Vienna');
      assert.equal((await db.store.monitors.get(orgA.id, 'nightly'))?.id, m.id);
      assert.equal(await db.store.monitors.get(orgB.id, 'nightly'), undefined, 'another organization cannot read it');
      assert.equal(await db.store.monitors.update(orgB.id, m.id, { name: 'stolen' }), undefined, 'nor update it');
      assert.equal(await db.store.monitors.remove(orgB.id, 'nightly'), false, 'nor delete it');
      const updated = await db.store.monitors.update(orgA.id, m.id, { name: 'Nightly report', isMuted: true });
      assert.equal(updated?.name, 'Nightly report');
      assert.equal(updated?.isMuted, true);
      assert.deepEqual(
        (await db.store.monitors.list(orgA.id)).map((x) => x.slug),
        ['nightly'],
      );
      assert.deepEqual(await db.store.monitors.list(orgB.id), []);
      assert.deepEqual(await db.store.monitors.list(orgA.id, { projectIds: [] }), []);
      assert.equal(await db.store.monitors.countInProject(projectA), 1);
    });

    it('pairs check-ins by id, finds due environments and timeouts, and buckets stats', async () => {
      const m = await db.store.monitors.create({ orgId: orgA.id, projectId: projectA, slug: 'pairs', name: 'pairs', config });
      const t0 = clock.now();
      await db.store.db.transaction().execute(async (trx) => {
        const env = await db.store.monitors.ensureEnvironment(trx, m.id, 'production');
        const again = await db.store.monitors.ensureEnvironment(trx, m.id, 'production');
        assert.equal(again.id, env.id);
        assert.equal(env.status, 'active');
        const base = { projectId: projectA, monitorId: m.id, environmentId: env.id, traceId: null, release: null, monitorConfig: {}, expectedTime: null };
        const open = await db.store.monitorCheckIns.insert(trx, {
          ...base,
          guid: 'a'.repeat(32),
          status: 'in_progress',
          durationMs: null,
          dateCreated: t0,
          dateInProgress: t0,
          dateClock: t0,
          timeoutAt: t0 + 30 * 60_000,
        });
        assert.equal((await db.store.monitorCheckIns.latestInProgress(trx, env.id))?.id, open.id);
        assert.equal((await db.store.monitorCheckIns.byGuid(trx, m.id, 'a'.repeat(32)))?.status, 'in_progress');
        assert.deepEqual(await db.store.monitorCheckIns.dueTimeouts(trx, t0 + 29 * 60_000, 10), []);
        assert.deepEqual(
          (await db.store.monitorCheckIns.dueTimeouts(trx, t0 + 30 * 60_000, 10)).map((c) => c.id),
          [open.id],
        );
        await db.store.monitorCheckIns.update(trx, open.id, { status: 'ok', durationMs: 1500, dateUpdated: t0 + 1500, timeoutAt: null });
        await db.store.monitorCheckIns.insert(trx, {
          ...base,
          guid: 'b'.repeat(32),
          status: 'missed',
          durationMs: null,
          dateCreated: t0 + 86_400_000,
          dateInProgress: null,
          dateClock: null,
          timeoutAt: null,
        });
        assert.deepEqual(
          (await db.store.monitorCheckIns.recentTerminal(trx, env.id, 5)).map((c) => c.status),
          ['missed', 'ok'],
        );
        await db.store.monitors.updateEnvironment(trx, env.id, { nextCheckIn: t0 + 1000, nextCheckInLatest: t0 + 2000, status: 'ok' });
        assert.deepEqual(await db.store.monitors.dueEnvironments(trx, t0 + 1999, 10), []);
        assert.deepEqual(
          (await db.store.monitors.dueEnvironments(trx, t0 + 2000, 10)).map((e) => e.id),
          [env.id],
        );
      });
      const stats = await db.store.monitorCheckIns.stats({ monitorId: m.id, since: t0, until: t0 + 2 * 86_400_000, resolutionMs: 86_400_000 });
      assert.deepEqual(stats, [
        { ts: t0 / 1000, ok: 1, error: 0, missed: 0, timeout: 0, unknown: 0, duration: 1500 },
        { ts: t0 / 1000 + 86_400, ok: 0, error: 0, missed: 1, timeout: 0, unknown: 0, duration: 0 },
      ]);
      const listed = await db.store.monitorCheckIns.list({ monitorId: m.id, limit: 10 });
      assert.deepEqual(
        listed.map((c) => [c.status, c.environment]),
        [
          ['missed', 'production'],
          ['ok', 'production'],
        ],
      );
      assert.deepEqual(await db.store.monitorCheckIns.list({ monitorId: m.id, environments: ['staging'], limit: 10 }), []);
      assert.equal(await db.store.monitors.remove(orgA.id, 'pairs'), true);
      assert.deepEqual(await db.store.monitorCheckIns.list({ monitorId: m.id, limit: 10 }), [], 'check-ins go with their monitor');
    });
  });
}
