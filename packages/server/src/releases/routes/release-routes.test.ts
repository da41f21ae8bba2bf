import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  loadCliCapture,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

/** The captured request body with the recorder's slugs replaced by the test workspace's. */
function capturedBody(dir: string, prefix: string, project: string): unknown {
  return JSON.parse(loadCliCapture(dir, prefix).body.toString('utf8').replaceAll('"myproject"', JSON.stringify(project)));
}

/**
 * Keys sentry-cli reads from a release, with the types it deserializes (docs/wire-format.md › sentry-cli:
 * releases).
 */
function assertReleaseShape(body: Record<string, unknown>, context: string): void {
  assert.equal(typeof body.version, 'string', context);
  assert.ok(!Number.isNaN(Date.parse(String(body.dateCreated))), `${context}: dateCreated`);
  for (const k of ['url', 'dateReleased', 'lastEvent', 'lastCommit']) assert.ok(k in body, `${context}: ${k}`);
  assert.equal(typeof body.newGroups, 'number', context);
  assert.ok(Array.isArray(body.projects), context);
}

for (const dialect of testDialects()) {
  describe(`release endpoints (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let org: string;
    let project: string;
    const orgPath = () => `/api/0/organizations/${org}`;
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      org = server.workspace.org;
      project = server.workspace.project;
    });
    after(async () => server.close());

    for (const [dir, prefix] of [
      ['sentry-cli-2.58.6', '002-'],
      ['sentry-cli-3.8.0', '002-'],
    ] as const) {
      it(`answers the captured releases new of ${dir} with the release JSON the CLI reads`, async () => {
        const capture = loadCliCapture(dir, prefix);
        const path = capture.path.replace('/myorg/', `/${org}/`).replace('/myproject/', `/${project}/`);
        const res = await apiFetch<Record<string, unknown>>(server.url, path, { method: 'POST', as, body: capturedBody(dir, prefix, project) });
        assert.ok(res.status === 201 || res.status === 208, `status ${res.status}`);
        assert.match(res.headers.get('content-type') ?? '', /application\/json/);
        assertReleaseShape(res.body, `${dir} ${path}`);
        assert.equal(res.body.version, 'myapp@1.2.3');
        // Every key of the captured minimum response is present.
        for (const key of Object.keys(JSON.parse(capture.response.body) as object)) assert.ok(key in res.body, `${dir}: ${key}`);
      });
    }

    it('finalizes (2.x project path, 3.x org path) and lists, gets and deletes', async () => {
      const fin2 = await apiFetch<Record<string, unknown>>(server.url, `/api/0/projects/${org}/${project}/releases/myapp@1.2.3/`, {
        method: 'PUT',
        as,
        body: capturedBody('sentry-cli-2.58.6', '010-', project),
      });
      assert.equal(fin2.status, 200);
      assert.equal(fin2.body.dateReleased, '2026-11-21T15:31:34.407Z');
      const fin3 = await apiFetch<Record<string, unknown>>(server.url, `${orgPath()}/releases/myapp@1.2.3/`, {
        method: 'PUT',
        as,
        body: capturedBody('sentry-cli-3.8.0', '010-', project),
      });
      assert.equal(fin3.status, 200);
      assert.equal(fin3.body.dateReleased, '2026-11-21T15:31:34.922Z');
      await apiFetch(server.url, `${orgPath()}/releases/`, { method: 'POST', as, body: { version: 'other@1', projects: [project] } });
      const list = await apiFetch<{ version: string }[]>(server.url, `${orgPath()}/releases/?per_page=1`, { as });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((r) => r.version),
        ['other@1'],
      );
      assert.match(list.headers.get('link') ?? '', /rel="next"; results="true"; cursor="0:1:0"/);
      const page2 = await apiFetch<{ version: string }[]>(server.url, `${orgPath()}/releases/?per_page=1&cursor=0:1:0`, { as });
      assert.deepEqual(
        page2.body.map((r) => r.version),
        ['myapp@1.2.3'],
      );
      assert.match(page2.headers.get('link') ?? '', /rel="next"; results="false"/);
      const filtered = await apiFetch<{ version: string }[]>(server.url, `${orgPath()}/releases/?query=MYAPP&project=${server.workspace.projectId}`, { as });
      assert.deepEqual(
        filtered.body.map((r) => r.version),
        ['myapp@1.2.3'],
      );
      assert.equal((await apiFetch(server.url, `${orgPath()}/releases/other@1/`, { method: 'DELETE', as })).status, 204);
      assertDetail(await apiFetch(server.url, `${orgPath()}/releases/other@1/`, { as }), 404, /Release not found/);
      assertDetail(await apiFetch(server.url, `/api/0/projects/${org}/${project}/releases/other@1/`, { method: 'DELETE', as }), 404);
    });

    it('records the captured deploys and lists them', async () => {
      for (const [dir, prefix] of [
        ['sentry-cli-2.58.6', '011-'],
        ['sentry-cli-3.8.0', '012-'],
      ] as const) {
        const capture = loadCliCapture(dir, prefix);
        const res = await apiFetch<Record<string, unknown>>(server.url, `${orgPath()}/releases/myapp@1.2.3/deploys/`, {
          method: 'POST',
          as,
          body: JSON.parse(capture.body.toString()),
        });
        assert.equal(res.status, 201);
        assert.deepEqual(Object.keys(res.body).sort(), Object.keys(JSON.parse(capture.response.body) as object).sort());
        assert.equal(typeof res.body.id, 'string');
      }
      const list = await apiFetch<{ environment: string; name: string | null }[]>(server.url, `${orgPath()}/releases/myapp@1.2.3/deploys/`, { as });
      assert.deepEqual(
        list.body.map((d) => [d.environment, d.name]),
        [
          ['staging', null],
          ['production', 'deploy-42'],
        ],
      );
      const release = await apiFetch<{ deployCount: number; lastDeploy: { environment: string } }>(server.url, `${orgPath()}/releases/myapp@1.2.3/`, { as });
      assert.equal(release.body.deployCount, 2);
      assert.equal(release.body.lastDeploy.environment, 'staging');
    });

    it('sets commits from refs once the repository exists, and answers previous-with-commits', async () => {
      const refs = capturedBody('sentry-cli-2.58.6', '005-', project);
      assertDetail(
        await apiFetch(server.url, `${orgPath()}/releases/myapp@1.2.3/`, { method: 'PUT', as, body: refs }),
        400,
        /Invalid repository names: myorg\/myrepo/,
      );
      const repo = await apiFetch<Record<string, unknown>>(server.url, `${orgPath()}/repos/`, {
        method: 'POST',
        as,
        body: { name: 'myorg/myrepo', url: 'https://github.com/myorg/myrepo', provider: 'integrations:github' },
      });
      assert.equal(repo.status, 201);
      const repos = await apiFetch<Record<string, unknown>[]>(server.url, `${orgPath()}/repos/?cursor=`, { as });
      const captured = (JSON.parse(loadCliCapture('sentry-cli-2.58.6', '003-').response.body) as Record<string, unknown>[])[0] as Record<string, unknown>;
      assert.deepEqual(
        Object.keys(repos.body[0] ?? {}).filter((k) => k in captured),
        Object.keys(captured),
      );
      assert.deepEqual(repos.body[0]?.provider, captured.provider);
      assert.equal((await apiFetch(server.url, `${orgPath()}/releases/myapp@1.2.3/`, { method: 'PUT', as, body: refs })).status, 200);
      const commits = await apiFetch<{ id: string }[]>(server.url, `${orgPath()}/releases/myapp@1.2.3/commits/`, { as });
      assert.deepEqual(
        commits.body.map((c) => c.id),
        ['2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c'],
      );
      await apiFetch(server.url, `${orgPath()}/releases/`, { method: 'POST', as, body: { version: 'myapp@1.2.4', projects: [project] } });
      const previous = await apiFetch<{ version: string; lastCommit: { id: string } }>(server.url, `${orgPath()}/releases/myapp@1.2.4/previous-with-commits/`, {
        as,
      });
      assert.equal(previous.body.version, 'myapp@1.2.3');
      assert.equal(previous.body.lastCommit.id, '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c');
      assert.deepEqual((await apiFetch(server.url, `${orgPath()}/releases/myapp@1.2.3/previous-with-commits/`, { as })).body, {});
    });

    it('needs project:releases to write; project:read may read', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const reader = await mintToken(server, admin, ['project:read', 'org:read']);
      const releaser = await mintToken(server, admin, ['project:releases']);
      assert.equal((await apiFetch(server.url, `${orgPath()}/releases/`, { as: { token: reader } })).status, 200);
      assertDetail(
        await apiFetch(server.url, `${orgPath()}/releases/`, { method: 'POST', as: { token: reader }, body: { version: 'x', projects: [project] } }),
        403,
        /project:releases/,
      );
      assert.equal(
        (await apiFetch(server.url, `${orgPath()}/releases/`, { method: 'POST', as: { token: releaser }, body: { version: 'x', projects: [project] } })).status,
        201,
      );
      assert.equal((await apiFetch(server.url, `${orgPath()}/releases/x/`, { as: { token: releaser } })).status, 200);
    });

    it('hides releases from other organizations (404, never 403)', async () => {
      const outsider = await addPerson(server, `outsider-${dialect}@example.com`);
      const { org: theirs } = await addOrganization(server, `theirs-${dialect}`, outsider);
      const token = await mintToken(server, outsider, ['project:releases', 'project:read', 'org:read']);
      assertDetail(await apiFetch(server.url, `${orgPath()}/releases/myapp@1.2.3/`, { as: { token } }), 404);
      assertDetail(await apiFetch(server.url, `${orgPath()}/releases/`, { as: { token } }), 404);
      const own = await apiFetch<unknown[]>(server.url, `/api/0/organizations/${theirs.slug}/releases/`, { as: { token } });
      assert.deepEqual(own.body, []);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${theirs.slug}/releases/myapp@1.2.3/`, { as: { token } }), 404);
    });
  });
}
