import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  buildSourceBundle,
  explainSkippedPostgres,
  loadCliCapture,
  mintToken,
  multipartParts,
  startTestServer,
  type TestServer,
  testDialects,
  uploadBundle,
} from '../../testing/index.js';

explainSkippedPostgres();

const legacy = 'sentry-cli-2.58.6-legacy-upload';

for (const dialect of testDialects()) {
  describe(`release files and artifact bundles (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let filesPath: string;
    /** Sends a captured multipart body verbatim to the workspace's release. */
    const replay = (prefix: string, token = as.token) => {
      const capture = loadCliCapture(legacy, prefix);
      return fetch(`${server.url}${filesPath}`, {
        method: 'POST',
        body: capture.body,
        headers: { authorization: `Bearer ${token}`, 'content-type': capture.headers['content-type'] as string },
      });
    };
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      const { org, project } = server.workspace;
      filesPath = `/api/0/projects/${org}/${project}/releases/myapp@1.2.3/files/`;
      const create = JSON.parse(loadCliCapture(legacy, '002-').body.toString().replace('"myproject"', JSON.stringify(project))) as unknown;
      assert.equal((await apiFetch(server.url, `/api/0/projects/${org}/${project}/releases/`, { method: 'POST', as, body: create })).status, 201);
    });
    after(async () => server.close());

    it('lists no files of a new release (capture 004)', async () => {
      const res = await apiFetch(server.url, `${filesPath}?cursor=`, { as });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, JSON.parse(loadCliCapture(legacy, '004-').response.body));
    });

    it('stores the two captured per-file uploads with name, dist and headers', async () => {
      for (const prefix of ['005-', '006-']) {
        const res = await replay(prefix);
        assert.equal(res.status, 201);
        const body = (await res.json()) as Record<string, unknown>;
        const captured = JSON.parse(loadCliCapture(legacy, prefix).response.body) as Record<string, unknown>;
        assert.deepEqual(Object.keys(body).sort(), Object.keys(captured).sort());
        const file = multipartParts(loadCliCapture(legacy, prefix)).find((p) => /name="file"/.test(p.disposition));
        assert.equal(body.size, file?.body.length);
      }
      const list = await apiFetch<{ name: string; dist: string; headers: Record<string, string>; sha1: string }[]>(server.url, filesPath, { as });
      assert.deepEqual(
        list.body.map((f) => [f.name, f.dist, f.headers]),
        [
          ['~/app.min.js', 'web', { Sourcemap: 'app.min.js.map' }],
          ['~/app.min.js.map', 'web', {}],
        ],
      );
    });

    it('answers 409 for a second file of the same name and dist', async () => {
      const res = await replay('005-');
      assert.equal(res.status, 409);
      assert.match(((await res.json()) as { detail: string }).detail, /already exists/);
    });

    it('serves, and deletes, a file through the organization-scoped path too', async () => {
      const orgFiles = `/api/0/organizations/${server.workspace.org}/releases/myapp@1.2.3/files/`;
      const list = await apiFetch<{ id: string; name: string }[]>(server.url, orgFiles, { as });
      const js = list.body.find((f) => f.name === '~/app.min.js');
      assert.ok(js);
      const download = await fetch(`${server.url}${orgFiles}${js.id}/?download=1`, { headers: { authorization: `Bearer ${as.token}` } });
      assert.equal(download.status, 200);
      assert.match(await download.text(), /sourceMappingURL=app\.min\.js\.map/);
      assert.equal((await apiFetch(server.url, `${orgFiles}${js.id}/`, { method: 'DELETE', as })).status, 204);
      assertDetail(await apiFetch(server.url, `${orgFiles}${js.id}/`, { as }), 404, /File not found/);
    });

    it('needs project:releases to upload, and hides files from other organizations', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const reader = await mintToken(server, admin, ['project:read', 'org:read']);
      assert.equal((await replay('006-', reader)).status, 403);
      assert.equal((await apiFetch(server.url, filesPath, { as: { token: reader } })).status, 200);
      const outsider = await addPerson(server, `files-${dialect}@example.com`);
      await addOrganization(server, `filers-${dialect}`, outsider);
      const foreign = await mintToken(server, outsider, ['project:releases', 'project:read']);
      assertDetail(await apiFetch(server.url, filesPath, { as: { token: foreign } }), 404);
      assert.equal((await replay('006-', foreign)).status, 404);
    });

    it('lists a project’s artifact bundles with their files, and deletes one', async () => {
      const org = await server.store.organizations.bySlug(server.workspace.org);
      assert.ok(org);
      await uploadBundle(server.app.artifacts, {
        orgId: org.id,
        projectIds: [server.workspace.projectId],
        bundle: buildSourceBundle([{ url: '~/a.js', type: 'minified_source', content: 'a();', headers: { 'debug-id': '0123456789abcdef0123456789abcdef' } }], {
          bundleId: 'fedcba98-7654-3210-fedc-ba9876543210',
        }),
        release: 'myapp@1.2.3',
      });
      const base = `/api/0/projects/${server.workspace.org}/${server.workspace.project}`;
      const bundles = await apiFetch<{ id: string; bundleId: string; associations: unknown[] }[]>(server.url, `${base}/files/artifact-bundles/`, { as });
      const bundle = bundles.body.find((b) => b.bundleId === 'fedcba98-7654-3210-fedc-ba9876543210');
      assert.ok(bundle);
      assert.deepEqual(bundle.associations, [{ release: 'myapp@1.2.3', dist: null }]);
      const files = await apiFetch<{ filePath: string; debugId: string }[]>(server.url, `${base}/artifact-bundles/${bundle.id}/files/`, { as });
      assert.deepEqual(
        files.body.map((f) => [f.filePath, f.debugId]),
        [['~/a.js', '01234567-89ab-cdef-0123-456789abcdef']],
      );
      assert.equal((await apiFetch(server.url, `${base}/artifact-bundles/${bundle.id}/`, { method: 'DELETE', as })).status, 204);
      assertDetail(await apiFetch(server.url, `${base}/artifact-bundles/${bundle.id}/files/`, { as }), 404);
    });
  });
}
