// On every database: the check-ins @sentry/node 11's withMonitor sent (recorded captures) create
// monitors by upsert, pair in_progress → ok/error by check_in_id with the client's duration;
// the sweep, driven by the injected clock through the leased scheduler, marks the missed run
// once (a second tick at the same time doubles nothing), times out a run past max_runtime
// (its late close is filtered), opens the incident after
// failure_issue_threshold failures as one cron issue, and recovery_threshold successes resolve it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, testDialects } from '../../testing/index.js';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../pipeline.test-support.js';

explainSkippedPostgres();

const fixtures = new URL('../../../test-fixtures/sentry-node-11.12.0/', import.meta.url);
/** The envelope body of a recorded request (after the blank line of the HTTP capture). */
function capture(name: string): string {
  const text = readFileSync(new URL(name, fixtures), 'utf8');
  return text.slice(text.indexOf('\n\n') + 2);
}

function checkIn(p: Record<string, unknown>): string {
  return `{}\n{"type":"check_in"}\n${JSON.stringify(p)}`;
}

for (const dialect of testDialects()) {
  describe(`check-in stage and monitor sweep (${dialect})`, () => {
    let h: PipelineHarness;
    let p: TestProject;
    const send = async (body: string) => {
      const res = await post(h.server, body, { projectId: p.id, query: `?sentry_key=${p.key}` });
      assert.equal(res.status, 200, await res.text());
    };
    const org = async () => (await h.server.store.organizations.bySlug(h.server.workspace.org))?.id as number;
    before(async () => {
      h = await startPipelineHarness(dialect);
      p = await newProject(h);
    });
    after(async () => h.close());

    it('upserts monitors from withMonitor check-ins and pairs them by check_in_id', async () => {
      for (const f of [
        '024-cron--envelope-check_in.txt',
        '025-cron--envelope-check_in.txt',
        '026-cron--envelope-check_in.txt',
        '027-cron--envelope-check_in.txt',
      ])
        await send(capture(f));
      await drain(h);
      const nightly = await h.server.store.monitors.get(await org(), 'nightly-report');
      assert.ok(nightly);
      assert.deepEqual(nightly.config.schedule, { type: 'crontab', crontab: '0 3 * * *' });
      assert.equal(nightly.config.timezone, 'Europe/Vienna');
      const runs = await h.server.store.monitorCheckIns.list({ monitorId: nightly.id, limit: 10 });
      assert.equal(runs.length, 1, 'in_progress and ok are one check-in');
      assert.equal(runs[0]?.status, 'ok');
      assert.equal(runs[0]?.guid, '79f3f13ce72a4b7eb183f4924c2cef96');
      assert.ok(Math.abs((runs[0]?.durationMs ?? 0) - 50.681) < 0.01, `duration in ms: ${runs[0]?.durationMs}`);
      assert.equal(runs[0]?.traceId, '4e84d8a45bdf4d0f988d60a79be55a91');
      const [env] = await h.server.store.monitors.environments([nightly.id]);
      // 03:00 in Vienna (CET, UTC+1) the next day, plus the 5-minute margin.
      assert.equal(env?.nextCheckIn, Date.UTC(2026, 10, 22, 2, 0));
      assert.equal(env?.nextCheckInLatest, Date.UTC(2026, 10, 22, 2, 5));
      assert.equal(env?.status, 'ok');
      const heartbeat = await h.server.store.monitors.get(await org(), 'heartbeat');
      assert.ok(heartbeat);
      const hb = await h.server.store.monitorCheckIns.list({ monitorId: heartbeat.id, limit: 10 });
      assert.deepEqual(
        hb.map((c) => [c.status, c.durationMs]),
        [['error', 1500]],
      );
      const issues = await h.server.store.db.selectFrom('issues').select('title').where('project_id', '=', p.id).execute();
      assert.deepEqual(issues, [], 'one error is below failure_issue_threshold 2');
    });

    it('marks the missed run once, opens one cron issue, and resolves it after recovery_threshold successes', async () => {
      const heartbeat = await h.server.store.monitors.get(await org(), 'heartbeat');
      assert.ok(heartbeat);
      // Interval 10 min + margin 2 min after the error check-in at 15:00.
      h.clock.advance(13 * 60_000);
      const ran = await h.server.app.jobs.scheduler.tick();
      assert.ok(ran.includes('monitors.missed-and-timeouts'), ran.join());
      await h.server.app.jobs.scheduler.tick();
      const statuses = (await h.server.store.monitorCheckIns.list({ monitorId: heartbeat.id, limit: 10 })).map((c) => c.status);
      assert.deepEqual(statuses, ['missed', 'error'], 'a second tick doubles nothing');
      const issues = await h.server.store.db.selectFrom('issues').selectAll().where('project_id', '=', p.id).execute();
      assert.equal(issues.length, 1);
      assert.equal(issues[0]?.title, 'Cron failure: heartbeat — missed check-in');
      assert.equal(issues[0]?.times_seen, 2, 'both failures of the threshold are its events');
      assert.match(issues[0]?.culprit ?? '', /expected 2026-11-21T15:10:00Z · last success never/);
      assert.equal(JSON.parse(issues[0]?.metadata ?? '{}').type, 'monitor_check_in_failure');
      const [env] = await h.server.store.monitors.environments([heartbeat.id]);
      assert.equal(env?.status, 'error');
      // Three ok runs (recovery_threshold 3); the first two leave the incident open.
      for (let i = 0; i < 3; i++) {
        h.clock.advance(60_000);
        await send(checkIn({ check_in_id: `${i}`.repeat(32), monitor_slug: 'heartbeat', status: 'ok', duration: 1 }));
        await drain(h);
        const issue = await h.server.store.db.selectFrom('issues').select('status').where('project_id', '=', p.id).executeTakeFirstOrThrow();
        assert.equal(issue.status, i < 2 ? 'unresolved' : 'resolved', `after ${i + 1} ok`);
      }
      const incidents = await h.server.store.monitorCheckIns.incidents(heartbeat.id, 5);
      assert.equal(incidents.length, 1);
      assert.notEqual(incidents[0]?.resolvingAt, null);
    });

    it('times out an in_progress run past max_runtime by the sweep, and filters its late close', async () => {
      const cfg = { schedule: { type: 'interval', value: 1, unit: 'day' }, max_runtime: 5, failure_issue_threshold: 1 };
      const id = 'c'.repeat(32);
      await send(checkIn({ check_in_id: id, monitor_slug: 'long-job', status: 'in_progress', monitor_config: cfg }));
      await drain(h);
      const job = await h.server.store.monitors.get(await org(), 'long-job');
      assert.ok(job);
      const status = async () => (await h.server.store.monitorCheckIns.list({ monitorId: job.id, limit: 10 })).map((c) => c.status);
      // Four minutes in: still within max_runtime, the sweep leaves it running.
      h.clock.advance(4 * 60_000);
      assert.ok((await h.server.app.jobs.scheduler.tick()).includes('monitors.missed-and-timeouts'));
      assert.deepEqual(await status(), ['in_progress']);
      h.clock.advance(2 * 60_000);
      assert.ok((await h.server.app.jobs.scheduler.tick()).includes('monitors.missed-and-timeouts'));
      assert.deepEqual(await status(), ['timeout'], 'six minutes is past max_runtime 5');
      const [env] = await h.server.store.monitors.environments([job.id]);
      assert.equal(env?.status, 'error');
      const issue = await h.server.store.db
        .selectFrom('issues')
        .select(['title', 'culprit'])
        .where('project_id', '=', p.id)
        .where('title', 'like', 'Cron failure: long-job%')
        .executeTakeFirstOrThrow();
      assert.equal(issue.title, 'Cron failure: long-job — check-in timeout');
      assert.match(issue.culprit, new RegExp(`run ${id} expected .* still running after 5 min`));
      // The job finally reports ok: too late, the run stays timed out and the incident open.
      h.clock.advance(60_000);
      await send(checkIn({ check_in_id: id, monitor_slug: 'long-job', status: 'ok', duration: 400 }));
      await drain(h);
      assert.deepEqual(await status(), ['timeout']);
      const [after] = await h.server.store.monitors.environments([job.id]);
      assert.equal(after?.status, 'error');
      const closed = await h.server.store.db
        .selectFrom('outcomes')
        .select('quantity')
        .where('project_id', '=', p.id)
        .where('outcome', '=', 'filtered')
        .where('reason', '=', 'check_in_closed')
        .execute();
      assert.deepEqual(
        closed.map((r) => Number(r.quantity)),
        [1],
      );
    });

    it('gives bad check-ins an outcome with a reason, never an error', async () => {
      const bad = [
        { check_in_id: 'a'.repeat(32), monitor_slug: 'x', status: 'bogus' },
        { check_in_id: 'a'.repeat(32), monitor_slug: 'x', status: 'ok', duration: -1 },
        { check_in_id: 'a'.repeat(32), monitor_slug: 'x'.repeat(500), status: 'ok' },
        { check_in_id: 'a'.repeat(32), monitor_slug: 'bad-cron', status: 'ok', monitor_config: { schedule: { type: 'crontab', value: '61 * * * *' } } },
        { check_in_id: 'a'.repeat(32), monitor_slug: 'never-configured', status: 'ok' },
      ];
      for (const b of bad) await send(checkIn(b));
      await drain(h);
      const rows = await h.server.store.db
        .selectFrom('outcomes')
        .select(['reason', 'quantity'])
        .where('project_id', '=', p.id)
        .where('category', '=', 'monitor')
        .where('outcome', '=', 'invalid')
        .execute();
      const reasons = rows.map((r) => r.reason).sort();
      assert.deepEqual(reasons, [
        'check_in_duration_invalid',
        'check_in_status_invalid',
        'monitor_config_invalid:schedule',
        'monitor_not_found',
        'monitor_slug_length',
      ]);
    });

    it('rate limits a flood of new check-ins for one monitor and drops those for a disabled one', async () => {
      const cfg = { schedule: { type: 'interval', value: 1, unit: 'hour' } };
      for (let i = 0; i < 15; i++)
        await send(checkIn({ check_in_id: i.toString(16).padStart(32, 'f'), monitor_slug: 'flood', status: 'ok', monitor_config: cfg }));
      await drain(h);
      const flood = await h.server.store.monitors.get(await org(), 'flood');
      assert.ok(flood);
      assert.equal((await h.server.store.monitorCheckIns.list({ monitorId: flood.id, limit: 50 })).length, 10);
      await h.server.store.monitors.update(await org(), flood.id, { status: 'disabled' });
      h.clock.advance(120_000);
      await send(checkIn({ check_in_id: 'e'.repeat(32), monitor_slug: 'flood', status: 'ok' }));
      await drain(h);
      assert.equal((await h.server.store.monitorCheckIns.list({ monitorId: flood.id, limit: 50 })).length, 10);
      const rows = await h.server.store.db
        .selectFrom('outcomes')
        .select(['outcome', 'reason', 'quantity'])
        .where('project_id', '=', p.id)
        .where('reason', 'in', ['monitor_rate_limited', 'monitor_disabled'])
        .execute();
      assert.deepEqual(rows.map((r) => [r.outcome, r.reason, Number(r.quantity)]).sort(), [
        ['filtered', 'monitor_disabled', 1],
        ['rate_limited', 'monitor_rate_limited', 5],
      ]);
    });
  });
}
