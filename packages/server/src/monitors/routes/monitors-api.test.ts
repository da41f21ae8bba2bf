// The crons web API (Sentry API reference, Crons) over real HTTP on both dialects: the shapes
// Sentry's clients read and validation as 400 {"detail"}.
// Runs are written with the monitors domain's repository so each environment's state is exact;
// monitors-access.test.ts covers scopes, owners and isolation; sentry-cli-monitors.test.ts and
// mcp-monitors.test.ts drive the same API with real clients.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { assertDetail, explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../../testing/index.js';
import {
  type CheckInJsonShape,
  type MonitorJsonShape,
  monitorBody,
  monitorsApi,
  newCheckInId,
  type StatsShape,
  seedRun,
  sendCheckIn,
} from './monitors-api.test-support.js';

explainSkippedPostgres();

// 02:00 in Vienna (UTC+1 in November): the nightly job's run.
const RUN = Date.UTC(2026, 10, 21, 1, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

for (const dialect of testDialects()) {
  describe(`crons API: monitors (${dialect})`, () => {
    let server: TestServer;
    let api: ReturnType<typeof monitorsApi>;
    const clock = createManualClock(RUN - 3600_000);

    before(async () => {
      server = await startTestServer({ dialect, clock });
      api = monitorsApi(server);
    });
    after(async () => {
      await server?.close();
    });

    it('POST creates a monitor and answers 201 with Sentry\u2019s monitor JSON', async () => {
      const res = await api.send<MonitorJsonShape>('POST', '', monitorBody(server, 'nightly-import', { failure_issue_threshold: 2, recovery_threshold: 3 }));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const m = res.body;
      assert.match(m.id, /^[0-9a-f]{32}$/);
      assert.equal(m.slug, 'nightly-import');
      assert.equal(m.name, 'Job nightly-import');
      assert.equal(m.status, 'active');
      assert.equal(m.isMuted, false);
      assert.equal(m.type, 'cron_job');
      assert.deepEqual(m.config, {
        schedule_type: 'crontab',
        schedule: '0 2 * * *',
        checkin_margin: 5,
        max_runtime: 30,
        timezone: 'Europe/Vienna',
        failure_issue_threshold: 2,
        recovery_threshold: 3,
        alert_rule_id: null,
      });
      assert.equal(m.dateCreated, iso(clock.now()));
      assert.equal(m.project.slug, server.workspace.project);
      assert.equal(m.project.id, String(server.workspace.projectId));
      assert.deepEqual(m.environments, []);
      const again = await api.get<MonitorJsonShape>('nightly-import/');
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, m);
    });

    it('accepts the other schedule spellings: interval pairs, envelope objects, @-aliases; derives a slug from the name', async () => {
      const interval = await api.send<MonitorJsonShape>(
        'POST',
        '',
        monitorBody(server, 'heartbeat', { schedule_type: 'interval', schedule: [10, 'minute'], timezone: undefined }),
      );
      assert.equal(interval.status, 201, JSON.stringify(interval.body));
      assert.equal(interval.body.config.schedule_type, 'interval');
      assert.deepEqual(interval.body.config.schedule, [10, 'minute']);
      assert.equal(interval.body.config.timezone, 'UTC');
      const envelopeForm = await api.send<MonitorJsonShape>(
        'POST',
        '',
        monitorBody(server, 'sync', { schedule_type: undefined, schedule: { type: 'interval', value: 2, unit: 'hour' } }),
      );
      assert.equal(envelopeForm.status, 201, JSON.stringify(envelopeForm.body));
      assert.deepEqual(envelopeForm.body.config.schedule, [2, 'hour']);
      const alias = await api.send<MonitorJsonShape>('POST', '', monitorBody(server, 'cleanup', { schedule: '@daily' }));
      assert.equal(alias.body.config.schedule, '0 0 * * *');
      const named = await api.send<MonitorJsonShape>('POST', '', { ...monitorBody(server, 'x'), slug: undefined, name: 'Invoice Sync (EU)' });
      assert.equal(named.status, 201, JSON.stringify(named.body));
      assert.equal(named.body.slug, 'invoice-sync-eu');
    });

    it('refuses bad input with 400 {"detail"} naming the problem, and stores nothing', async () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['61 minutes', monitorBody(server, 'bad-1', { schedule: '61 * * * *' }), /schedule.*invalid/i],
        ['6 fields', monitorBody(server, 'bad-2', { schedule: '0 0 2 * * *' }), /Only 5 field crontab/],
        ['garbage crontab', monitorBody(server, 'bad-3', { schedule: 'every night' }), /schedule/i],
        ['500-character slug', monitorBody(server, 'a'.repeat(500), {}, { name: 'Long' }), /slug/],
        ['upper-case slug', monitorBody(server, 'Nightly'), /slug/],
        ['numeric slug', monitorBody(server, '12345'), /slug/],
        ['unknown status', monitorBody(server, 'bad-4', {}, { status: 'paused' }), /status/],
        ['unknown type', monitorBody(server, 'bad-5', {}, { type: 'heartbeat' }), /type/],
        ['unknown time zone', monitorBody(server, 'bad-6', { timezone: 'Mars/Olympus_Mons' }), /timezone/],
        ['max_runtime 0', monitorBody(server, 'bad-7', { max_runtime: 0 }), /max_runtime/],
        ['threshold 721', monitorBody(server, 'bad-8', { failure_issue_threshold: 721 }), /failure_issue_threshold/],
        ['negative margin', monitorBody(server, 'bad-9', { checkin_margin: -5 }), /checkin_margin/],
        ['interval unit', monitorBody(server, 'bad-10', { schedule_type: 'interval', schedule: [1, 'fortnight'] }), /schedule/],
        ['interval 0', monitorBody(server, 'bad-11', { schedule_type: 'interval', schedule: [0, 'minute'] }), /schedule/],
        ['no schedule', { ...monitorBody(server, 'bad-12'), config: { checkin_margin: 5 } }, /schedule/],
        ['no project', { ...monitorBody(server, 'bad-13'), project: undefined }, /project/],
        ['unknown project', monitorBody(server, 'bad-14', {}, { project: 'nope' }), /project/i],
        ['name too long', monitorBody(server, 'bad-15', {}, { name: 'n'.repeat(129) }), /name/],
        ['owner', monitorBody(server, 'bad-16', {}, { owner: 'everyone' }), /owner/],
        ['slug taken', monitorBody(server, 'nightly-import'), /already in use/],
      ];
      for (const [what, body, detail] of cases) assertDetail(await api.send('POST', '', body), 400, detail, what);
      const notJson = await api.send('POST', '', ['not', 'an', 'object']);
      assertDetail(notJson, 400, undefined, 'array body');
      const listed = await api.get<MonitorJsonShape[]>('');
      assert.ok(!listed.body.some((m) => m.slug.startsWith('bad-')), 'nothing refused was stored');
    });

    it('PUT merges config keys into the stored config and renames; DELETE removes the monitor', async () => {
      const put = await api.send<MonitorJsonShape>('PUT', 'cleanup/', { name: 'Cleanup', config: { checkin_margin: 15, max_runtime: 90 } });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal(put.body.name, 'Cleanup');
      assert.equal(put.body.config.schedule, '0 0 * * *', 'the schedule was not sent, so it stays');
      assert.equal(put.body.config.checkin_margin, 15);
      assert.equal(put.body.config.max_runtime, 90);
      assert.equal(put.body.config.timezone, 'Europe/Vienna');
      const disabled = await api.send<MonitorJsonShape>('PUT', 'cleanup/', { status: 'disabled', isMuted: true, slug: 'cleanup-job' });
      assert.equal(disabled.status, 200, JSON.stringify(disabled.body));
      assert.equal(disabled.body.status, 'disabled');
      assert.equal(disabled.body.isMuted, true);
      assert.equal(disabled.body.slug, 'cleanup-job');
      assert.equal((await api.get('cleanup/')).status, 404, 'the old slug is gone');
      assertDetail(await api.send('PUT', 'cleanup-job/', { config: { schedule: '99 * * * *' } }), 400, /schedule/i, 'bad crontab on update');
      assertDetail(await api.send('PUT', 'cleanup-job/', { slug: 'heartbeat' }), 400, /already in use/, 'rename onto a taken slug');
      assert.equal((await api.get<MonitorJsonShape>('cleanup-job/')).body.config.schedule, '0 0 * * *', 'a refused update changes nothing');
      const del = await api.send('DELETE', 'cleanup-job/');
      assert.ok(del.status === 204 || del.status === 202, `DELETE answered ${del.status}`);
      assertDetail(await api.get('cleanup-job/'), 404, undefined, 'deleted');
      assertDetail(await api.send('DELETE', 'cleanup-job/'), 404, undefined, 'deleted twice');
    });

    it('shows stored runs: environments with their schedule position and incident, the check-in list, stats', async () => {
      clock.set(RUN + 600_000);
      const next = RUN + 86_400_000;
      const okId = await seedRun(server, 'nightly-import', {
        environment: 'production',
        status: 'ok',
        dateCreated: RUN,
        durationMs: 13_250,
        environmentState: { status: 'ok', lastCheckIn: RUN + 13_250, nextCheckIn: next, nextCheckInLatest: next + 5 * 60_000 },
      });
      const failedAt = RUN + 60_000;
      const failedId = await seedRun(server, 'nightly-import', {
        environment: 'staging',
        status: 'error',
        dateCreated: failedAt,
        durationMs: 2_000,
        environmentState: { status: 'error', lastCheckIn: failedAt + 2_000, nextCheckIn: next, nextCheckInLatest: next + 5 * 60_000 },
        opensIncident: true,
      });

      const m = (await api.get<MonitorJsonShape>('nightly-import/')).body;
      assert.deepEqual(
        m.environments.map((e) => [e.name, e.status]),
        [
          ['staging', 'error'],
          ['production', 'ok'],
        ],
        'failing environments first',
      );
      const prod = m.environments.find((e) => e.name === 'production');
      assert.ok(prod);
      for (const t of [prod.dateCreated, prod.lastCheckIn, prod.nextCheckIn, prod.nextCheckInLatest]) assert.match(String(t), ISO_Z);
      assert.equal(prod.lastCheckIn, iso(RUN + 13_250));
      assert.equal(prod.nextCheckIn, iso(next));
      assert.equal(prod.nextCheckInLatest, iso(next + 5 * 60_000));
      assert.equal(prod.isMuted, false);
      assert.equal(prod.activeIncident, null);
      assert.deepEqual(m.environments[0]?.activeIncident, { startingTimestamp: iso(failedAt), resolvingTimestamp: null, brokenNotice: null });

      const checkIns = await api.get<CheckInJsonShape[]>('nightly-import/checkins/');
      assert.equal(checkIns.status, 200);
      assert.deepEqual(
        checkIns.body.map((c) => [c.id, c.environment, c.status, c.duration]),
        [
          [failedId, 'staging', 'error', 2000],
          [okId, 'production', 'ok', 13250],
        ],
        'newest first, durations in milliseconds',
      );
      const ok = checkIns.body[1];
      assert.equal(ok?.dateCreated, iso(RUN));
      assert.equal(ok?.monitorConfig.schedule, '0 2 * * *');
      for (const c of checkIns.body) assert.match(c.dateCreated, ISO_Z);
      const staging = await api.get<CheckInJsonShape[]>('nightly-import/checkins/?environment=staging');
      assert.deepEqual(
        staging.body.map((c) => c.id),
        [failedId],
      );
      const outside = await api.get<CheckInJsonShape[]>(`nightly-import/checkins/?start=${iso(RUN - 7200_000)}&end=${iso(RUN - 3600_000)}`);
      assert.deepEqual(outside.body, [], 'the window filters on dateCreated');

      const since = Math.floor(RUN / 1000) - 3 * 3600;
      const until = Math.floor(RUN / 1000) + 3600;
      const stats = await api.get<StatsShape>(`nightly-import/stats/?since=${since}&until=${until}&resolution=1h`);
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      assert.equal(stats.body.length, 5);
      assert.deepEqual(
        stats.body.map((b) => b.ts),
        [0, 1, 2, 3, 4].map((i) => since + i * 3600),
      );
      assert.deepEqual(stats.body[3], { ts: Math.floor(RUN / 1000), ok: 1, error: 1, missed: 0, timeout: 0, unknown: 0, duration: (13_250 + 2_000) / 2 });
      assert.equal(stats.body[0]?.ok, 0);
      const prodStats = await api.get<StatsShape>(`nightly-import/stats/?since=${since}&until=${until}&resolution=3600s&environment=production`);
      assert.deepEqual(prodStats.body[3], { ts: Math.floor(RUN / 1000), ok: 1, error: 0, missed: 0, timeout: 0, unknown: 0, duration: 13_250 });
      const heartbeat = (await api.get<MonitorJsonShape>('heartbeat/')).body;
      const overview = await api.get<Record<string, StatsShape>>(
        `/api/0/organizations/${server.workspace.org}/monitors-stats/?monitor=${m.id}&monitor=${heartbeat.id}&monitor=${'f'.repeat(32)}&since=${since}&until=${until}&resolution=1h`,
      );
      assert.equal(overview.status, 200, JSON.stringify(overview.body));
      assert.deepEqual(Object.keys(overview.body).sort(), [m.id, heartbeat.id].sort(), 'unknown ids are left out');
      assert.deepEqual(overview.body[m.id], stats.body);
      assert.equal(
        overview.body[heartbeat.id]?.reduce((n, b) => n + b.ok + b.error, 0),
        0,
      );
      assertDetail(await api.get('nightly-import/stats/?resolution=fast'), 400, /resolution/, 'bad resolution');
      assertDetail(await api.get('nightly-import/stats/?since=200&until=100'), 400, /since/, 'since after until');
      assertDetail(await api.get('nightly-import/checkins/?statsPeriod=yesterday'), 400, /statsPeriod/, 'bad statsPeriod');

      const prodOnly = await api.get<MonitorJsonShape>('nightly-import/?environment=production');
      assert.deepEqual(
        prodOnly.body.environments.map((e) => e.name),
        ['production'],
      );
    });

    it('lists monitors with Sentry\u2019s filters, order and Link pagination', async () => {
      const all = await api.get<MonitorJsonShape[]>('');
      assert.equal(all.status, 200);
      const slugs = all.body.map((m) => m.slug);
      assert.deepEqual([...slugs].sort(), ['heartbeat', 'invoice-sync-eu', 'nightly-import', 'sync']);
      assert.equal(slugs[0], 'nightly-import', 'sort=status puts the failing monitor first');
      const byName = await api.get<MonitorJsonShape[]>('?sort=name');
      assert.deepEqual(
        byName.body.map((m) => m.name),
        ['Invoice Sync (EU)', 'Job heartbeat', 'Job nightly-import', 'Job sync'],
      );
      const desc = await api.get<MonitorJsonShape[]>('?sort=name&asc=0');
      assert.deepEqual(
        desc.body.map((m) => m.name),
        [...byName.body.map((m) => m.name)].reverse(),
      );
      const text = await api.get<MonitorJsonShape[]>('?query=invoice');
      assert.deepEqual(
        text.body.map((m) => m.slug),
        ['invoice-sync-eu'],
      );
      const failing = await api.get<MonitorJsonShape[]>('?query=status:error');
      assert.deepEqual(
        failing.body.map((m) => m.slug),
        ['nightly-import'],
      );
      const byId = await api.get<MonitorJsonShape[]>(`?query=id:${all.body[1]?.id}`);
      assert.deepEqual(
        byId.body.map((m) => m.id),
        [all.body[1]?.id],
      );
      const staging = await api.get<MonitorJsonShape[]>('?environment=staging');
      assert.deepEqual(
        staging.body.map((m) => [m.slug, m.environments.map((e) => e.name)]),
        [['nightly-import', ['staging']]],
      );
      const withNew = await api.get<MonitorJsonShape[]>('?environment=staging&includeNew=1');
      assert.equal(withNew.body.length, 4, 'includeNew keeps monitors that never checked in');
      const byProject = await api.get<MonitorJsonShape[]>(`?projectSlug=${server.workspace.project}`);
      assert.equal(byProject.body.length, 4);
      assert.equal((await api.get<MonitorJsonShape[]>(`?project=${server.workspace.projectId}`)).body.length, 4);
      assertDetail(await api.get('?projectSlug=not-mine'), 400, /project/i, 'unknown projectSlug');
      assertDetail(await api.get('?sort=color'), 400, /sort/, 'bad sort');
      assertDetail(await api.get('?query=status:sleepy'), 400, /status/, 'bad status');

      // sentry-cli pages from `cursor=` and follows rel="next" while results="true".
      const seen: string[] = [];
      let path: string | null = '?per_page=3&cursor=';
      for (let pages = 0; path !== null && pages < 5; pages++) {
        const page: Awaited<ReturnType<typeof api.get<MonitorJsonShape[]>>> = await api.get<MonitorJsonShape[]>(path);
        seen.push(...page.body.map((m) => m.slug));
        const link = page.headers.get('link') ?? '';
        assert.match(link, /rel="previous"; results="(true|false)"; cursor="[^"]+"/);
        const next = /<([^>]+)>; rel="next"; results="true"; cursor="([^"]+)"/.exec(link);
        assert.ok(next === null || next[1]?.includes('/api/0/organizations/'), link);
        path = next ? (next[1] as string) : null;
      }
      assert.deepEqual(seen, slugs, 'every monitor once, in order');
    });

    it('bulk edit mutes or disables several monitors at once, all or nothing', async () => {
      const listed = (await api.get<MonitorJsonShape[]>('')).body;
      const pick = listed.filter((m) => m.slug === 'heartbeat' || m.slug === 'sync');
      const res = await api.send<{ updated: MonitorJsonShape[]; errored: unknown[] }>('PUT', '', { ids: pick.map((m) => m.id), isMuted: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.updated.map((m) => [m.slug, m.isMuted]).sort(), [
        ['heartbeat', true],
        ['sync', true],
      ]);
      assert.deepEqual(res.body.errored, []);
      assert.equal((await api.get<MonitorJsonShape>('nightly-import/')).body.isMuted, false, 'others untouched');
      assertDetail(await api.send('PUT', '', { ids: [pick[0]?.id, 'f'.repeat(32)], status: 'disabled' }), 400, /ids/, 'an unknown id');
      assert.equal((await api.get<MonitorJsonShape>(`${pick[0]?.slug}/`)).body.status, 'active', 'nothing changed');
      assertDetail(await api.send('PUT', '', { ids: pick.map((m) => m.id) }), 400, undefined, 'nothing to change');
      assertDetail(await api.send('PUT', '', { ids: pick.map((m) => m.id), status: 'sleeping' }), 400, /status/, 'bad status');
      const back = await api.send<{ updated: MonitorJsonShape[] }>('PUT', '', { ids: pick.map((m) => m.id), isMuted: false });
      assert.ok(back.body.updated.every((m) => !m.isMuted));
    });

    it('DELETE ?environment= removes only that environment', async () => {
      const res = await api.send('DELETE', 'nightly-import/?environment=staging');
      assert.ok(res.status === 204 || res.status === 202, `answered ${res.status}`);
      const m = (await api.get<MonitorJsonShape>('nightly-import/')).body;
      assert.deepEqual(
        m.environments.map((e) => e.name),
        ['production'],
      );
      const checkIns = (await api.get<CheckInJsonShape[]>('nightly-import/checkins/')).body;
      assert.deepEqual(
        checkIns.map((c) => c.environment),
        ['production'],
      );
      assertDetail(await api.send('DELETE', 'nightly-import/?environment=nowhere'), 404, undefined, 'unknown environment');
    });

    it('check-ins sent as envelopes are read back: one run per check_in_id, its duration, the next expected run', async () => {
      assert.equal((await api.send('POST', '', monitorBody(server, 'envelope-job'))).status, 201);
      clock.set(RUN + 2 * 86_400_000);
      const id = newCheckInId();
      await sendCheckIn(server, { check_in_id: id, monitor_slug: 'envelope-job', status: 'in_progress', environment: 'production' });
      clock.advance(13_250);
      await sendCheckIn(server, { check_in_id: id, monitor_slug: 'envelope-job', status: 'ok', environment: 'production', duration: 13.25 });
      const checkIns = (await api.get<CheckInJsonShape[]>('envelope-job/checkins/')).body;
      assert.deepEqual(
        checkIns.map((c) => [c.id, c.status, c.duration, c.dateCreated]),
        [[id, 'ok', 13_250, iso(RUN + 2 * 86_400_000)]],
      );
      const [env] = (await api.get<MonitorJsonShape>('envelope-job/')).body.environments;
      // The next 02:00 in Vienna after the run, and the 5 minutes of margin after it.
      assert.equal(env?.nextCheckIn, iso(RUN + 3 * 86_400_000));
      assert.equal(env?.nextCheckInLatest, iso(RUN + 3 * 86_400_000 + 5 * 60_000));
      assert.equal(env?.status, 'ok');
    });

    it('project-scoped mirrors answer for the monitor\u2019s own project only', async () => {
      const p = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/monitors/nightly-import/`;
      const detail = await api.get<MonitorJsonShape>(p);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.slug, 'nightly-import');
      assert.equal((await api.get<CheckInJsonShape[]>(`${p}checkins/`)).body.length, 1);
      assert.equal((await api.get<StatsShape>(`${p}stats/`)).status, 200);
      assert.equal(
        (await api.get<MonitorJsonShape>(`/api/0/projects/${server.workspace.org}/${server.workspace.projectId}/monitors/nightly-import/`)).status,
        200,
      );
      const org = await server.store.organizations.bySlug(server.workspace.org);
      assert.ok(org);
      const { project } = await server.app.provisioning.ensureProject(org, { slug: 'other', platform: 'python' });
      assertDetail(await api.get(`/api/0/projects/${server.workspace.org}/${project.slug}/monitors/nightly-import/`), 404, undefined, 'another project');
    });
  });
}
