// The release list and release page over HTTP, on every database: what each release says
// (dates, new issues, commits, deploys, events), the list filters Sentry's UI sends, the
// event chart, and the new issues through the issue search `firstRelease:`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  mintToken,
  newEventId,
  post,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;
interface ReleaseBody {
  version: string;
  dateCreated: string;
  dateReleased: string | null;
  firstEvent: string | null;
  lastEvent: string | null;
  newGroups: number;
  eventCount: number;
  commitCount: number;
  authors: { name: string; email: string }[];
  deployCount: number;
  lastDeploy: { environment: string } | null;
  projects: { slug: string; newGroups: number }[];
}

for (const dialect of testDialects()) {
  describe(`release pages API (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let base: string;
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      base = `/api/0/organizations/${server.workspace.org}`;
    });
    after(async () => server.close());

    async function send(message: string, release: string, environment: string): Promise<void> {
      const id = newEventId();
      const header = { event_id: id, sdk: { name: 'sentry.javascript.node', version: '11.12.0' } };
      const event = { event_id: id, message, level: 'error', platform: 'node', release, environment };
      assert.equal((await post(server, `${JSON.stringify(header)}\n{"type":"event"}\n${JSON.stringify(event)}`)).status, 200);
    }

    const list = async (query: string) => {
      const res = await apiFetch<ReleaseBody[]>(server.url, `${base}/releases/${query}`, { as });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    before(async () => {
      const project = server.workspace.project;
      assert.equal((await apiFetch(server.url, `${base}/releases/`, { method: 'POST', as, body: { version: 'web@1.0.0', projects: [project] } })).status, 201);
      const finalize = await apiFetch(server.url, `${base}/releases/web@1.0.0/`, {
        method: 'PUT',
        as,
        body: {
          dateReleased: '2026-11-20T10:00:00Z',
          commits: [{ id: 'a'.repeat(40), repository: 'acme/web', message: 'fix the checkout', author_name: 'Dev', author_email: 'dev@acme.test' }],
        },
      });
      assert.equal(finalize.status, 200, JSON.stringify(finalize.body));
      assert.equal(
        (await apiFetch(server.url, `${base}/releases/web@1.0.0/deploys/`, { method: 'POST', as, body: { environment: 'production' } })).status,
        201,
      );
      await send('checkout broke', 'web@1.0.0', 'production');
      await send('cart broke', 'web@1.0.0', 'production');
      await send('cart broke', 'web@1.0.0', 'staging');
      // Created by its first event, after web@1.0.0: newest first puts it on top.
      await send('search broke', 'web@2.0.0', 'staging');
      await server.app.jobs.worker.drain(10_000);
    });

    it('says per release when it was created and released, its events, new issues, commits and deploys', async () => {
      const [newest, older] = await list('');
      assert.equal(newest?.version, 'web@2.0.0');
      assert.ok(older);
      assert.equal(older.version, 'web@1.0.0');
      assert.match(older.dateCreated, /^\d{4}-\d\d-\d\dT/);
      assert.equal(older.dateReleased, '2026-11-20T10:00:00.000Z');
      assert.ok(older.firstEvent && older.lastEvent && older.firstEvent <= older.lastEvent);
      assert.equal(older.newGroups, 2);
      assert.equal(older.eventCount, 3);
      assert.equal(older.commitCount, 1);
      assert.deepEqual(older.authors, [{ name: 'Dev', email: 'dev@acme.test' }]);
      assert.equal(older.deployCount, 1);
      assert.equal(older.lastDeploy?.environment, 'production');
      assert.deepEqual(
        older.projects.map((p) => [p.slug, p.newGroups]),
        [[server.workspace.project, 2]],
      );
      assert.equal(newest?.dateReleased, null, 'an implicit release is not finalized');
      assert.equal(newest?.deployCount, 0);
      const detail = await apiFetch<ReleaseBody>(server.url, `${base}/releases/web@1.0.0/`, { as });
      assert.deepEqual(detail.body, older, 'the release page says what the list says');
    });

    it('filters by environment (deployed there or events there), narrowing the event count', async () => {
      const production = await list('?environment=production');
      assert.deepEqual(
        production.map((r) => [r.version, r.eventCount]),
        [['web@1.0.0', 2]],
      );
      const staging = await list('?environment=staging');
      assert.deepEqual(
        staging.map((r) => [r.version, r.eventCount]),
        [
          ['web@2.0.0', 1],
          ['web@1.0.0', 1],
        ],
      );
      assert.deepEqual(await list('?environment=nowhere'), []);
    });

    it('filters by version text and project, sorts by date, and refuses what it cannot do with a 400', async () => {
      assert.deepEqual(
        (await list('?query=WEB@2')).map((r) => r.version),
        ['web@2.0.0'],
      );
      assert.deepEqual(
        (await list(`?project=${server.workspace.projectId}&sort=date`)).map((r) => r.version),
        ['web@2.0.0', 'web@1.0.0'],
      );
      assert.deepEqual(await list('?project=999999'), []);
      assertDetail(await apiFetch(server.url, `${base}/releases/?sort=newest`, { as }), 400, /^invalid sort$/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?sort=crash_free_users`, { as }), 400, /requires flattening \(flatten=1\)/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?query=release.stage:gone`, { as }), 400, /release\.stage is one of/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?query=colour:blue`, { as }), 400, /unknown key "colour"/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?query=release.version:>=banana`, { as }), 400, /not a version/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?project=web`, { as }), 400, /project/);
      assertDetail(await apiFetch(server.url, `${base}/releases/?status=gone`, { as }), 400, /status/);
    });

    it('charts the events of a release from the hourly counters', async () => {
      const day = await apiFetch<{ statsPeriod: string; events: [number, number][] }>(server.url, `${base}/releases/web@1.0.0/stats/?statsPeriod=24h`, { as });
      assert.equal(day.status, 200);
      assert.equal(day.body.events.length, 24);
      assert.equal(
        day.body.events.reduce((n, p) => n + p[1], 0),
        3,
      );
      const twoWeeks = await apiFetch<{ events: [number, number][] }>(server.url, `${base}/releases/web@1.0.0/stats/?environment=staging`, { as });
      assert.equal(twoWeeks.body.events.length, 14);
      assert.equal(
        twoWeeks.body.events.reduce((n, p) => n + p[1], 0),
        1,
      );
      assertDetail(await apiFetch(server.url, `${base}/releases/web@1.0.0/stats/?statsPeriod=1y`, { as }), 400, /statsPeriod/);
      assertDetail(await apiFetch(server.url, `${base}/releases/nope/stats/`, { as }), 404);
    });

    it('lists the new issues of a release with the issue search firstRelease:', async () => {
      const res = await apiFetch<Json[]>(server.url, `${base}/issues/?query=${encodeURIComponent('firstRelease:"web@1.0.0"')}`, { as });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.map((i) => i.title).sort(), ['cart broke', 'checkout broke']);
      const later = await apiFetch<Json[]>(server.url, `${base}/issues/?query=${encodeURIComponent('first-release:web@2.0.0')}`, { as });
      assert.deepEqual(
        later.body.map((i) => i.title),
        ['search broke'],
      );
    });

    it('answers another organization 404 for every release page request', async () => {
      const outsider = await addPerson(server, `release-pages-${dialect}@example.com`);
      await addOrganization(server, `release-pages-${dialect}`, outsider);
      const token = await mintToken(server, outsider, ['project:releases', 'project:read', 'org:read']);
      for (const path of ['/releases/', '/releases/web@1.0.0/', '/releases/web@1.0.0/stats/', '/releases/web@1.0.0/deploys/', '/releases/web@1.0.0/commits/'])
        assertDetail(await apiFetch(server.url, `${base}${path}`, { as: { token } }), 404);
    });
  });
}
