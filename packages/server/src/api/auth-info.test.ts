import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../testing/index.js';

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

    it('answers a wrong token with 401 JSON', async () => {
      const res = await fetch(`${server.url}/api/0/organizations/`, { headers: { authorization: 'Bearer sntryu_nope' } });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { detail: 'Invalid token' });
    });
  });
}
