// On every database: the release list sorted by health (`sort=…&flatten=1`), as Sentry's
// release page finds the worst release — one row per (release, project) with sessions in the
// window, ordered by the values the health formulas give for the sessions sent here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { explainSkippedPostgres, post, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

interface Row {
  version: string;
  projects: { id: number; slug: string; healthData?: { crashFreeSessions: number | null; totalSessions: number | null } }[];
  detail?: string;
}

for (const dialect of testDialects()) {
  describe(`release list sorted by health (${dialect})`, () => {
    let h: PipelineHarness;
    let a: TestProject;
    let b: TestProject;
    let slugA: string;
    const hourMs = 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    let n = 0;
    /** `count` sessions of one release, each by its own user unless `users` names them. */
    const sessions = (release: string, statuses: readonly string[], users: readonly string[], agoMs = 30 * 60_000) =>
      statuses.map((status, i) => ({
        sid: `s${++n}`,
        did: users[i] ?? `user-${n}`,
        init: true,
        status,
        started: iso(h.clock.now() - agoMs),
        attrs: { release, environment: 'production' },
      }));
    const send = async (project: TestProject, payloads: readonly object[]) => {
      const lines = [JSON.stringify({})];
      for (const p of payloads) lines.push(JSON.stringify({ type: 'session' }), JSON.stringify(p));
      assert.equal((await post(h.server, lines.join('\n'), { projectId: project.id, query: `?sentry_key=${project.key}` })).status, 200);
    };

    before(async () => {
      h = await startPipelineHarness(dialect);
      a = await newProject(h);
      b = await newProject(h);
      slugA = (await h.server.store.projects.byId(a.id))?.slug ?? '';
      // Project A — web@1.0: 4 sessions, 1 crashed, 3 users (1 crashed); web@2.0: 2 sessions today
      // and 10 three days ago, none crashed; web@3.0: 5 sessions, 1 crashed, 5 users.
      await send(a, [
        ...sessions('web@1.0', ['crashed', 'exited', 'exited', 'exited'], ['u1', 'u1', 'u2', 'u3']),
        ...sessions('web@2.0', ['exited', 'exited'], ['u4', 'u5']),
        ...sessions('web@2.0', Array(10).fill('exited'), [], 72 * hourMs),
        ...sessions('web@3.0', ['crashed', 'exited', 'exited', 'exited', 'exited'], ['u6', 'u7', 'u8', 'u9', 'u10']),
      ]);
      // Project B — web@1.0: one crashed session.
      await send(b, sessions('web@1.0', ['crashed'], ['v1']));
      await drain(h);
      const created = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${slugA}/releases/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 'web@4.0' }),
      });
      assert.equal(created.status, 201);
    });
    after(() => h.close());

    async function list(query: string) {
      const res = await fetch(`${h.server.url}/api/0/organizations/${h.server.workspace.org}/releases/?${query}`, {
        headers: { authorization: `Bearer ${h.server.workspace.token}` },
      });
      const body = (await res.json()) as Row[] & { detail?: string };
      assert.equal(res.status, 200, JSON.stringify(body));
      return { rows: body, link: res.headers.get('link') ?? '' };
    }
    const named = (rows: readonly Row[]) =>
      rows.map((r) => `${r.projects.map((p) => (p.id === a.id ? 'A' : p.id === b.id ? 'B' : p.id)).join('+')}:${r.version}`);
    const inA = () => `project=${a.id}&flatten=1`;

    it('ranks counts most first, over summaryStatsPeriod or the last 24 h as the sort says', async () => {
      assert.deepEqual(named((await list(`${inA()}&sort=sessions`)).rows), ['A:web@2.0', 'A:web@3.0', 'A:web@1.0']);
      assert.deepEqual(named((await list(`${inA()}&sort=sessions_24h`)).rows), ['A:web@3.0', 'A:web@1.0', 'A:web@2.0']);
      assert.deepEqual(named((await list(`${inA()}&sort=users`)).rows), ['A:web@2.0', 'A:web@3.0', 'A:web@1.0']);
      assert.deepEqual(named((await list(`${inA()}&sort=users_24h`)).rows), ['A:web@3.0', 'A:web@1.0', 'A:web@2.0']);
      // A summary window of one day leaves out web@2.0's sessions of three days ago.
      assert.deepEqual(named((await list(`${inA()}&sort=sessions&summaryStatsPeriod=24h`)).rows), ['A:web@3.0', 'A:web@1.0', 'A:web@2.0']);
    });

    it('ranks crash-free rates worst first, and adoption by the share of the project’s users', async () => {
      // crash-free sessions: 75 %, 80 %, 100 %; users: 66.7 %, 80 %, 100 %
      assert.deepEqual(named((await list(`${inA()}&sort=crash_free_sessions`)).rows), ['A:web@1.0', 'A:web@3.0', 'A:web@2.0']);
      assert.deepEqual(named((await list(`${inA()}&sort=crash_free_users`)).rows), ['A:web@1.0', 'A:web@3.0', 'A:web@2.0']);
      // users in the last 24 h: 5, 3 and 2 of the project's 10
      assert.deepEqual(named((await list(`${inA()}&sort=adoption`)).rows), ['A:web@3.0', 'A:web@1.0', 'A:web@2.0']);
    });

    it('flattens to one row per (release, project), each with that project’s healthData, and pages the rows', async () => {
      const { rows } = await list('flatten=1&sort=crash_free_sessions&health=1');
      assert.deepEqual(named(rows), ['B:web@1.0', 'A:web@1.0', 'A:web@3.0', 'A:web@2.0'], 'web@4.0 has no sessions, so no health rank');
      assert.equal(rows[0]?.projects[0]?.healthData?.crashFreeSessions, 0);
      assert.equal(rows[1]?.projects[0]?.healthData?.crashFreeSessions, 75);
      const first = await list('flatten=1&sort=sessions&per_page=2');
      assert.deepEqual(named(first.rows), ['A:web@2.0', 'A:web@3.0']);
      const cursor = /<[^>]*cursor=([^&>]+)[^>]*>; rel="next"; results="true"/.exec(first.link)?.[1];
      assert.ok(cursor, first.link);
      assert.deepEqual(named((await list(`flatten=1&sort=sessions&per_page=2&cursor=${cursor}`)).rows), ['A:web@1.0', 'B:web@1.0']);
      // Flattened by date: every release of the project, one project each, newest first.
      assert.deepEqual(named((await list(`${inA()}`)).rows)[0], 'A:web@4.0');
      assert.equal((await list(`${inA()}`)).rows.length, 4);
    });

    it('sorts by version without flattening, and filters with the release search', async () => {
      assert.deepEqual(
        (await list(`project=${a.id}&sort=semver`)).rows.map((r) => r.version),
        ['web@4.0', 'web@3.0', 'web@2.0', 'web@1.0'],
      );
      assert.deepEqual(named((await list(`flatten=1&sort=sessions&query=${encodeURIComponent('release.version:<3')}`)).rows), [
        'A:web@2.0',
        'A:web@1.0',
        'B:web@1.0',
      ]);
    });

    it('filters by adoption stage: adopted, replaced (sessions, none in the last day), low adoption (no sessions)', async () => {
      const c = await newProject(h);
      const slugC = (await h.server.store.projects.byId(c.id))?.slug ?? '';
      await send(c, [...sessions('shop@5.0', ['exited', 'exited'], []), ...sessions('shop@4.9', ['exited'], [], 72 * hourMs)]);
      await drain(h);
      const created = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${slugC}/releases/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 'shop@5.1' }),
      });
      assert.equal(created.status, 201);
      const versions = async (query: string) => (await list(`project=${c.id}&query=${encodeURIComponent(query)}`)).rows.map((r) => r.version).sort();
      assert.deepEqual(await versions('release.stage:adopted'), ['shop@5.0']);
      assert.deepEqual(await versions('release.stage:replaced'), ['shop@4.9']);
      assert.deepEqual(await versions('release.stage:low_adoption'), ['shop@5.1']);
      assert.deepEqual(await versions('!release.stage:adopted'), ['shop@4.9', 'shop@5.1']);
      assert.deepEqual(await versions('release.stage:[adopted, replaced] release.version:>=5'), ['shop@5.0']);
      // The stages agree with the release JSON's adoptionStages.
      const detail = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${slugC}/releases/shop%404.9/?adoptionStages=1`, {
        headers: { authorization: `Bearer ${h.server.workspace.token}` },
      });
      const body = (await detail.json()) as { adoptionStages: Record<string, { stage: string }> };
      assert.equal(body.adoptionStages[slugC]?.stage, 'replaced');
    });
  });
}
