// On every database, over real HTTP as curl would send it: Relay's `/api/{project}/cron/{slug}/{key}/`
// and the legacy DSN-authenticated `…/monitors/{slug}/checkins/` turn requests into check-ins
// the crons stage stores (upsert, pairing, durations in each endpoint's unit); bad keys, bad
// statuses, bad durations, foreign organizations and unknown projects get a 4xx with a detail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../kernel/index.js';
import { addOrganization, explainSkippedPostgres, publicKeyOf, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

const config = { schedule: { type: 'crontab', value: '0 * * * *' }, checkin_margin: 5, max_runtime: 20 };

for (const dialect of testDialects()) {
  describe(`HTTP check-in endpoints (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 0, 0));
    let server: TestServer;
    let key: string;
    let relay: string;
    let legacy: string;
    before(async () => {
      server = await startTestServer({ dialect, clock, env: { FAULTLINE_WORKER_ENABLED: 'false' } });
      key = publicKeyOf(server);
      relay = `${server.url}/api/${server.workspace.projectId}/cron`;
      legacy = `${server.url}/api/0/organizations/${server.workspace.org}/monitors`;
    });
    after(() => server.close());

    const drain = async () => {
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    };
    const runs = async (slug: string) => {
      const org = await server.store.organizations.bySlug(server.workspace.org);
      const monitor = await server.store.monitors.get(org?.id as number, slug);
      assert.ok(monitor, `monitor ${slug} exists`);
      return (await server.store.monitorCheckIns.list({ monitorId: monitor.id, limit: 20 })).map((c) => ({
        id: c.guid,
        status: c.status,
        durationMs: c.durationMs,
        environment: c.environment,
      }));
    };
    const json = { 'content-type': 'application/json' };
    async function refused(res: Response, status: number, detail: RegExp, what: string): Promise<void> {
      const body = (await res.json()) as { detail?: string };
      assert.equal(res.status, status, `${what}: ${JSON.stringify(body)}`);
      assert.match(body.detail ?? '', detail, what);
    }

    it("Relay's endpoint: a POST with monitor_config upserts, GETs open and close the run by check_in_id (duration in seconds)", async () => {
      const id = '6b2a5d1e3c4f4e8a9b0c1d2e3f405162';
      const created = await fetch(`${relay}/hourly-import/${key}/`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ status: 'in_progress', check_in_id: id, environment: 'prod', monitor_config: config }),
      });
      assert.equal(created.status, 202);
      assert.equal(await created.text(), '');
      clock.advance(3000);
      const closed = await fetch(`${relay}/hourly-import/${key}/?status=ok&check_in_id=${id}&duration=2.5&environment=prod`);
      assert.equal(closed.status, 202);
      await drain();
      assert.deepEqual(await runs('hourly-import'), [{ id, status: 'ok', durationMs: 2500, environment: 'prod' }]);
    });

    it('without check_in_id a closing check-in closes the latest run; the key may come as sentry_key', async () => {
      assert.equal((await fetch(`${relay}/hourly-import/?sentry_key=${key}&status=in_progress`)).status, 202);
      clock.advance(4000);
      assert.equal((await fetch(`${relay}/hourly-import/?sentry_key=${key}&status=error`, { method: 'POST' })).status, 202);
      await drain();
      const all = await runs('hourly-import');
      assert.equal(all.length, 2);
      assert.deepEqual(
        { status: all[0]?.status, durationMs: all[0]?.durationMs, environment: all[0]?.environment },
        { status: 'error', durationMs: 4000, environment: 'production' },
        'one run, timed by the server',
      );
    });

    it('the legacy API with Authorization: DSN answers 201 with the id, and PUT closes it (duration in ms)', async () => {
      const auth = { authorization: `DSN ${server.workspace.dsn}`, ...json };
      const res = await fetch(`${legacy}/nightly-backup/checkins/`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ status: 'in_progress', monitor_config: config }),
      });
      assert.equal(res.status, 201);
      const { id } = (await res.json()) as { id: string };
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(res.headers.get('location'), `/api/0/organizations/${server.workspace.org}/monitors/nightly-backup/checkins/${id}/`);
      assert.equal(res.headers.get('link'), `</api/0/organizations/${server.workspace.org}/monitors/nightly-backup/checkins/latest/>; rel="latest"`);
      const put = await fetch(`${legacy}/nightly-backup/checkins/${id}/`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ status: 'ok', duration: 1234 }),
      });
      assert.equal(put.status, 200);
      assert.deepEqual(await put.json(), { id });
      // `latest` closes the newest open run; older sentry-cli's path has no organization.
      const older = `${server.url}/api/0/monitors/nightly-backup/checkins/`;
      assert.equal((await fetch(older, { method: 'POST', headers: auth, body: '{"status":"in_progress"}' })).status, 201);
      const latest = await fetch(`${older}latest/`, { method: 'PUT', headers: auth, body: '{"status":"error","duration":50}' });
      assert.equal(latest.status, 200);
      await drain();
      assert.deepEqual(
        (await runs('nightly-backup')).map((r) => [r.status, r.durationMs]),
        [
          ['error', 50],
          ['ok', 1234],
        ],
      );
      assert.equal((await runs('nightly-backup'))[1]?.id, id.replace(/-/g, ''));
    });

    it('refuses bad keys, statuses, durations, ids and bodies with a 4xx and a detail, never a 5xx', async () => {
      const other = 'f'.repeat(32);
      await refused(await fetch(`${relay}/hourly-import/${other}/?status=ok`), 403, /unknown public key/, 'unknown key');
      await refused(await fetch(`${relay}/hourly-import/?status=ok`), 401, /authorization/, 'no key');
      await refused(await fetch(`${relay}/hourly-import/${key}/?status=done`), 400, /status must be one of/, 'bad status');
      await refused(await fetch(`${relay}/hourly-import/${key}/`), 400, /status must be one of/, 'no status');
      await refused(await fetch(`${relay}/hourly-import/${key}/?status=ok&duration=-1`), 400, /duration/, 'negative duration');
      await refused(await fetch(`${relay}/hourly-import/${key}/?status=ok&duration=soon`), 400, /duration/, 'duration not a number');
      await refused(await fetch(`${relay}/hourly-import/${key}/?status=ok&check_in_id=nope`), 400, /check_in_id/, 'bad id');
      await refused(
        await fetch(`${relay}/hourly-import/${key}/`, { method: 'POST', headers: json, body: '{"status":' }),
        400,
        /invalid check-in body/,
        'bad JSON',
      );
      await refused(await fetch(`${relay}/hourly-import/${key}/`, { method: 'POST', headers: json, body: '["ok"]' }), 400, /JSON object/, 'not an object');
      await refused(await fetch(`${server.url}/api/987654/cron/hourly-import/${key}/?status=ok`), 403, /another project/, 'unknown project');
      await refused(await fetch(`${server.url}/api/abc/cron/hourly-import/${key}/?status=ok`), 400, /project id/, 'project id not a number');
      // The legacy API: only DSN credentials, of a project in the organization of the path.
      const post = (url: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { ...json, ...headers }, body: '{"status":"ok"}' });
      await refused(await post(`${legacy}/nightly-backup/checkins/`, {}), 401, /Authorization: DSN/, 'no auth');
      await refused(
        await post(`${legacy}/nightly-backup/checkins/`, { authorization: `Bearer ${server.workspace.token}` }),
        401,
        /Authorization: DSN/,
        'a token',
      );
      await refused(await post(`${legacy}/nightly-backup/checkins/`, { authorization: 'DSN not-a-dsn' }), 401, /invalid dsn/, 'bad DSN');
      const unknown = server.workspace.dsn.replace(key, other);
      await refused(await post(`${legacy}/nightly-backup/checkins/`, { authorization: `DSN ${unknown}` }), 403, /unknown public key/, 'unknown key');
      const owner = await server.store.users.create({ email: 'other@orgs.test', name: 'Other', passwordHash: null });
      const foreign = await addOrganization(server, 'elsewhere', owner);
      const foreignDsn = server.workspace.dsn.replace(key, foreign.key.publicKey).replace(/\/\d+$/, `/${foreign.project.id}`);
      await refused(
        await post(`${legacy}/nightly-backup/checkins/`, { authorization: `DSN ${foreignDsn}` }),
        403,
        /another organization/,
        'DSN of another org',
      );
      const bad = await fetch(`${legacy}/nightly-backup/checkins/latest/`, {
        method: 'PUT',
        headers: { authorization: `DSN ${server.workspace.dsn}`, ...json },
        body: '{"status":"finished"}',
      });
      await refused(bad, 400, /status/, 'legacy bad status');
      await drain();
      assert.equal((await runs('nightly-backup')).length, 2, 'nothing refused was stored');
    });
  });
}
