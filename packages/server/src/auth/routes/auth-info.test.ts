import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, mintToken, signIn, startTestServer, type TestServer, testDialects } from '../../testing/index.js';
import { allScopes } from '../scopes.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`GET /api/0/ (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
    });
    after(() => server.close());

    it('reports the token scopes and user as sentry-cli info expects', async () => {
      const res = await fetch(`${server.url}/api/0/`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body = (await res.json()) as { auth: { scopes: string[] }; user: { id: string; email: string } };
      assert.ok(body.auth.scopes.includes('project:releases'));
      assert.equal(typeof body.user.id, 'string');
      assert.equal(body.user.email, server.workspace.admin.email);
    });

    it('reports exactly the scopes of a narrower token', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const token = await mintToken(server, admin, ['org:read', 'project:releases']);
      const res = await apiFetch<{ auth: { scopes: string[] }; user: { id: string } }>(server.url, '/api/0/', { as: { token } });
      assert.deepEqual([...res.body.auth.scopes].sort(), ['org:read', 'project:releases']);
      assert.equal(res.body.user.id, String(admin.id));
    });

    it('reports a signed-in person with every scope, and an anonymous caller with nulls', async () => {
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      const res = await apiFetch<{ auth: { scopes: string[] }; user: { email: string } }>(server.url, '/api/0/', { as: { session } });
      assert.deepEqual([...res.body.auth.scopes].sort(), [...allScopes].sort());
      assert.equal(res.body.user.email, server.workspace.admin.email);
      const anonymous = await apiFetch(server.url, '/api/0/');
      assert.equal(anonymous.status, 200);
      assert.deepEqual(anonymous.body, { version: '0', auth: null, user: null });
    });

    it('authenticates the same way without the trailing slash or with doubled slashes', async () => {
      for (const path of ['/api/0', '//api/0/']) {
        const res = await apiFetch<{ user: { email: string } | null }>(server.url, path, { as: { token: server.workspace.token } });
        assert.equal(res.body.user?.email, server.workspace.admin.email, path);
      }
    });

    it('answers a wrong token with 401 JSON', async () => {
      const res = await fetch(`${server.url}/api/0/organizations/`, { headers: { authorization: 'Bearer sntryu_nope' } });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { detail: 'Invalid token' });
    });
  });
}
