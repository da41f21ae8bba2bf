// On every database: release JSON with ?health=1 carries Sentry's healthData (percentages,
// totals, adoption, the stats series) from the release-health tables, details add
// currentProjectMeta and adoptionStages, and the real Sentry MCP server's get_release_details
// prints them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { addOrganization, addPerson, explainSkippedPostgres, mintToken, post, startMcpSession, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

interface HealthData {
  crashFreeUsers: number | null;
  crashFreeSessions: number | null;
  unhandledFreeUsers: number | null;
  unhandledFreeSessions: number | null;
  sessionsCrashed: number;
  sessionsErrored: number;
  totalUsers: number | null;
  totalSessions: number | null;
  adoption: number | null;
  sessionsAdoption: number | null;
  durationP50: number | null;
  stats: Record<string, [number, number][]>;
  hasHealthData: boolean;
}
interface ReleaseBody {
  version: string;
  firstEvent?: string | null;
  lastEvent?: string | null;
  projects: { id: number; slug: string; hasHealthData: boolean; healthData?: HealthData }[];
  currentProjectMeta?: Record<string, unknown>;
  adoptionStages?: Record<string, { stage: string }>;
  detail?: string;
}

for (const dialect of testDialects()) {
  describe(`release healthData (${dialect})`, () => {
    let h: PipelineHarness;
    let p: TestProject;
    let slug: string;
    const iso = (ms: number) => new Date(ms).toISOString();
    const session = (release: string, sid: string, did: string | null, status: string, extra: Record<string, unknown> = {}) => ({
      type: 'session',
      payload: { sid, did, init: true, status, started: iso(h.clock.now() - 30 * 60_000), attrs: { release, environment: 'production' }, ...extra },
    });

    before(async () => {
      h = await startPipelineHarness(dialect);
      p = await newProject(h);
      slug = (await h.server.store.projects.byId(p.id))?.slug ?? '';
      const items = [
        session('web@1.0', 's1', 'u1', 'crashed'),
        session('web@1.0', 's2', 'u1', 'exited', { duration: 30 }),
        session('web@1.0', 's3', 'u2', 'exited', { duration: 30 }),
        session('web@1.0', 's4', 'u3', 'unhandled', { errors: 1 }),
        session('web@2.0', 't1', 'u4', 'ok'),
        session('web@2.0', 't2', null, 'ok'),
      ];
      const lines = [JSON.stringify({})];
      for (const i of items) lines.push(JSON.stringify({ type: i.type }), JSON.stringify(i.payload));
      assert.equal((await post(h.server, lines.join('\n'), { projectId: p.id, query: `?sentry_key=${p.key}` })).status, 200);
      await drain(h);
    });
    after(() => h.close());

    async function get<T>(path: string, token = h.server.workspace.token) {
      const res = await fetch(`${h.server.url}/api/0/${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as T };
    }

    it('a session names its release: the release exists, and its healthData follows Sentry’s definitions in percent', async () => {
      const { status, body } = await get<ReleaseBody[]>(`projects/${h.server.workspace.org}/${slug}/releases/?health=1`);
      assert.equal(status, 200, JSON.stringify(body));
      const r = body.find((x) => x.version === 'web@1.0');
      assert.ok(r, `web@1.0 in ${body.map((x) => x.version)}`);
      const health = r.projects[0]?.healthData;
      assert.ok(health);
      assert.equal(health.totalSessions, 4);
      assert.equal(health.totalUsers, 3);
      assert.equal(health.sessionsCrashed, 1);
      assert.equal(health.sessionsErrored, 1, 'the unhandled session: errored, not crashed');
      assert.equal(health.crashFreeSessions, 75);
      assert.ok(Math.abs((health.crashFreeUsers ?? 0) - 200 / 3) < 1e-9);
      assert.equal(health.unhandledFreeSessions, 75);
      assert.ok(Math.abs((health.sessionsAdoption ?? 0) - (4 / 6) * 100) < 1e-9);
      assert.equal(health.adoption, 75, '3 of the project’s 4 users in the last 24 h');
      assert.ok(Math.abs((health.durationP50 ?? 0) - 30) <= 0.31, `p50 ${health.durationP50} s`);
      assert.equal(health.stats['24h']?.length, 24);
      assert.equal(
        health.stats['24h']?.reduce((n, [, v]) => n + v, 0),
        4,
      );
      assert.equal(health.hasHealthData, true);
      const plain = await get<ReleaseBody[]>(`projects/${h.server.workspace.org}/${slug}/releases/`);
      assert.equal(plain.body.find((x) => x.version === 'web@1.0')?.projects[0]?.healthData, undefined, 'no health=1, no healthData');
      const bad = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/?health=1&healthStat=crashes`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.detail, 'invalid healthStat');
    });

    it('a release known only from sessions has no first or last event: sessions are not events', async () => {
      const { body } = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/web%402.0/`);
      assert.equal(body.version, 'web@2.0');
      assert.equal(body.firstEvent, null);
      assert.equal(body.lastEvent, null);
    });

    it('details carry currentProjectMeta and adoptionStages, which the Sentry MCP server prints', async () => {
      const { body } = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/web%401.0/?health=1`);
      assert.match(String(body.currentProjectMeta?.sessionsLowerBound), /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      assert.equal(body.adoptionStages?.[slug]?.stage, 'adopted');
      const mcp = await startMcpSession(h.server);
      try {
        const text = await mcp.execute('get_release_details', {
          organizationSlug: h.server.workspace.org,
          releaseVersion: 'web@1.0',
          projectSlugOrId: slug,
          includeHealth: true,
        });
        assert.match(text, /Health And Project Metadata/);
        assert.match(text, new RegExp(`\\*\\*sessionsLowerBound\\*\\*: ${String(body.currentProjectMeta?.sessionsLowerBound)}`));
        assert.match(text, /\*\*adoptionStages\*\*: .*adopted/);
      } finally {
        await mcp.close();
      }
    });

    it("currentProjectMeta names the releases around this one in the project's release list order", async () => {
      const created = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${slug}/releases/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 'web@3.0' }),
      });
      assert.equal(created.status, 201);
      // The list is newest first; the meta's prev is the older neighbour, next the newer one.
      const list = (await get<ReleaseBody[]>(`projects/${h.server.workspace.org}/${slug}/releases/`)).body.map((r) => r.version).reverse();
      assert.equal(list.length, 3, JSON.stringify(list));
      for (const [i, version] of list.entries()) {
        const { body } = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/${encodeURIComponent(version)}/?health=1`);
        const meta = body.currentProjectMeta ?? {};
        assert.equal(meta.prevReleaseVersion, list[i - 1] ?? null, `${version}: prev`);
        assert.equal(meta.nextReleaseVersion, list[i + 1] ?? null, `${version}: next`);
        assert.equal(meta.firstReleaseVersion, i === 0 ? null : list[0], `${version}: first`);
        assert.equal(meta.lastReleaseVersion, i === list.length - 1 ? null : list.at(-1), `${version}: last`);
      }
      // The organization route names the project with project=<id>.
      const org = await get<ReleaseBody>(`organizations/${h.server.workspace.org}/releases/${encodeURIComponent(list[1] as string)}/?health=1&project=${p.id}`);
      assert.equal(org.body.currentProjectMeta?.prevReleaseVersion, list[0]);
    });

    it('currentProjectMeta follows the requested sort and query, as the list would order them', async () => {
      const created = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${slug}/releases/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 'web@0.5' }),
      });
      assert.equal(created.status, 201);
      const meta = async (version: string, query: string) => {
        const { status, body } = await get<ReleaseBody>(
          `projects/${h.server.workspace.org}/${slug}/releases/${encodeURIComponent(version)}/?health=1&${query}`,
        );
        assert.equal(status, 200, JSON.stringify(body));
        const m = body.currentProjectMeta ?? {};
        return [m.prevReleaseVersion, m.nextReleaseVersion, m.firstReleaseVersion, m.lastReleaseVersion];
      };
      // By version: 0.5 < 1.0 < 2.0 < 3.0, although 0.5 is the newest release.
      assert.deepEqual(await meta('web@1.0', 'sort=semver'), ['web@0.5', 'web@2.0', 'web@0.5', 'web@3.0']);
      assert.deepEqual(await meta('web@0.5', 'sort=semver'), [null, 'web@1.0', null, 'web@3.0']);
      // By creation 0.5 is the newest: nothing above it.
      assert.deepEqual((await meta('web@0.5', 'sort=date')).slice(1, 2), [null]);
      // A query that leaves 0.5 out: 1.0 is now the bottom of the list, and 0.5 has no neighbours in it.
      const from1 = `sort=semver&query=${encodeURIComponent('release.version:>=1')}`;
      assert.deepEqual(await meta('web@1.0', from1), [null, 'web@2.0', null, 'web@3.0']);
      assert.deepEqual(await meta('web@0.5', from1), [null, null, null, null]);
      const bad = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/web%401.0/?health=1&sort=newest`);
      assert.equal(bad.status, 400);
    });

    it('another organization reads none of it', async () => {
      const stranger = await addPerson(h.server, `health-stranger-${dialect}@other.test`);
      await addOrganization(h.server, `health-data-other-${dialect}`, stranger);
      const token = await mintToken(h.server, stranger, ['org:read', 'project:read', 'project:releases']);
      const res = await get<ReleaseBody>(`projects/${h.server.workspace.org}/${slug}/releases/web%401.0/?health=1`, token);
      assert.ok(res.status === 403 || res.status === 404, String(res.status));
      assert.equal(res.body.projects, undefined);
    });
  });
}
