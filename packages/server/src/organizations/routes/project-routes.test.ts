import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, assertDetail, explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

interface KeyJson {
  id: string;
  name: string;
  public: string;
  secret: string;
  projectId: number;
  isActive: boolean;
  rateLimit: { window: number; count: number } | null;
  dateCreated: string;
  dsn: { public: string; secret: string; csp: string };
}

for (const dialect of testDialects()) {
  describe(`projects and client keys API (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let projectPath: string;
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      projectPath = `/api/0/projects/${server.workspace.org}/${server.workspace.project}`;
    });
    after(() => server.close());

    /** A DSN an SDK would accept, pointing at this server and this project. */
    function assertDsnForServer(dsn: string, publicKey: string): void {
      const u = new URL(dsn);
      const serverUrl = new URL(server.url);
      assert.equal(u.protocol, serverUrl.protocol);
      assert.equal(u.host, serverUrl.host);
      assert.equal(u.username, publicKey);
      assert.equal(u.password, '');
      assert.equal(u.pathname, `/${server.workspace.projectId}`);
    }

    it('describes a project by slug and by numeric ids', async () => {
      for (const path of [projectPath, `/api/0/projects/${server.workspace.org}/${server.workspace.projectId}`]) {
        const res = await apiFetch<{ id: string; slug: string; organization: { slug: string }; team: { slug: string } | null; teams: unknown[] }>(
          server.url,
          `${path}/`,
          { as },
        );
        assert.equal(res.status, 200, path);
        assert.equal(res.body.id, String(server.workspace.projectId));
        assert.equal(res.body.slug, server.workspace.project);
        assert.equal(res.body.organization.slug, server.workspace.org);
        assert.ok(res.body.team);
        assert.equal(res.body.teams.length, 1);
      }
      assertDetail(await apiFetch(server.url, `/api/0/projects/${server.workspace.org}/nope/`, { as }), 404, /Project not found/);
      assertDetail(await apiFetch(server.url, `/api/0/projects/nope/${server.workspace.project}/`, { as }), 404, /Organization not found/);
    });

    it('lists keys whose public DSN is the workspace DSN', async () => {
      const res = await apiFetch<KeyJson[]>(server.url, `${projectPath}/keys/`, { as });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('link') ?? '', /rel="next"/);
      assert.equal(res.body.length, 1);
      const [key] = res.body;
      assert.ok(key);
      assert.match(key.public, /^[0-9a-f]{32}$/);
      assert.equal(key.id, key.public);
      assert.equal(key.dsn.public, server.workspace.dsn);
      assertDsnForServer(key.dsn.public, key.public);
      assert.equal(key.projectId, server.workspace.projectId);
      assert.equal(key.isActive, true);
      assert.equal(key.rateLimit, null);
    });

    it('creates a key (201) with a working DSN and a rate limit in events per window', async () => {
      const res = await apiFetch<KeyJson>(server.url, `${projectPath}/keys/`, {
        method: 'POST',
        as,
        body: { name: 'Frontend', rateLimit: { window: 3600, count: 600 } },
      });
      assert.equal(res.status, 201);
      assert.equal(res.body.name, 'Frontend');
      assert.equal(res.body.isActive, true);
      assert.deepEqual(res.body.rateLimit, { window: 60, count: 10 });
      assert.match(res.body.dateCreated, /Z$/);
      assertDsnForServer(res.body.dsn.public, res.body.public);
      assert.equal(new URL(res.body.dsn.secret).password, res.body.secret);
      assert.ok(res.body.dsn.csp.startsWith(`${server.url}/api/${server.workspace.projectId}/security/`));
      const stored = await server.store.clientKeys.byPublicKey(res.body.public);
      assert.deepEqual([stored?.label, stored?.rateLimit, stored?.projectId], ['Frontend', 10, server.workspace.projectId]);
      const list = await apiFetch<KeyJson[]>(server.url, `${projectPath}/keys/`, { as });
      assert.deepEqual(
        list.body.map((k) => k.name),
        ['Default', 'Frontend'],
      );
    });

    it('updates name, isActive and rateLimit, and rejects malformed values with 400', async () => {
      const created = await apiFetch<KeyJson>(server.url, `${projectPath}/keys/`, { method: 'POST', as, body: {} });
      assert.equal(created.body.name, 'Default');
      const keyPath = `${projectPath}/keys/${created.body.id}/`;
      const off = await apiFetch<KeyJson>(server.url, keyPath, {
        method: 'PUT',
        as,
        body: { name: 'Paused', isActive: false, rateLimit: { window: 60, count: 5 } },
      });
      assert.equal(off.status, 200);
      assert.deepEqual([off.body.name, off.body.isActive, off.body.rateLimit], ['Paused', false, { window: 60, count: 5 }]);
      const got = await apiFetch<KeyJson>(server.url, keyPath, { as });
      assert.deepEqual([got.body.name, got.body.isActive, got.body.rateLimit], ['Paused', false, { window: 60, count: 5 }]);
      const unlimited = await apiFetch<KeyJson>(server.url, keyPath, { method: 'PUT', as, body: { rateLimit: null, isActive: true } });
      assert.deepEqual([unlimited.body.isActive, unlimited.body.rateLimit], [true, null]);

      for (const body of [{ isActive: 'no' }, { rateLimit: 5 }, { rateLimit: { window: 0, count: 5 } }, { rateLimit: { count: -1 } }, { name: 42 }]) {
        assertDetail(await apiFetch(server.url, keyPath, { method: 'PUT', as, body }), 400, undefined, JSON.stringify(body));
      }
      assertDetail(await apiFetch(server.url, keyPath, { method: 'PUT', as, body: [1] }), 400);
      assert.equal((await server.store.clientKeys.byPublicKey(created.body.id))?.label, 'Paused', 'rejected updates changed nothing');
    });

    it('deletes a key (204), after which it is gone', async () => {
      const created = await apiFetch<KeyJson>(server.url, `${projectPath}/keys/`, { method: 'POST', as, body: { name: 'Temporary' } });
      const keyPath = `${projectPath}/keys/${created.body.id}/`;
      const res = await apiFetch(server.url, keyPath, { method: 'DELETE', as });
      assert.equal(res.status, 204);
      assertDetail(await apiFetch(server.url, keyPath, { as }), 404, /Client key not found/);
      assertDetail(await apiFetch(server.url, keyPath, { method: 'DELETE', as }), 404);
      assert.equal(await server.store.clientKeys.byPublicKey(created.body.id), undefined);
    });
  });
}
