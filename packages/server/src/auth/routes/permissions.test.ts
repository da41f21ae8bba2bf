import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  mintToken,
  personPassword,
  signIn,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { allScopes } from '../scopes.js';
import type { User } from '../store/users.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`scopes, roles and authentication (${dialect})`, () => {
    let server: TestServer;
    let admin: User;
    let keysPath: string;
    let keyPath: string;
    before(async () => {
      server = await startTestServer({ dialect });
      admin = (await server.store.users.byEmail(server.workspace.admin.email)) as User;
      keysPath = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/keys/`;
      const key = (await server.store.clientKeys.list(server.workspace.projectId))[0];
      keyPath = `${keysPath}${key?.publicKey}/`;
    });
    after(() => server.close());

    it('refuses key changes to a token without project:write with 403 naming the scope', async () => {
      const token = await mintToken(server, admin, ['org:read', 'project:read', 'project:releases']);
      assert.equal((await apiFetch(server.url, keysPath, { as: { token } })).status, 200, 'project:read may list');
      assertDetail(await apiFetch(server.url, keysPath, { method: 'POST', as: { token }, body: { name: 'x' } }), 403, /project:write/);
      assertDetail(await apiFetch(server.url, keyPath, { method: 'PUT', as: { token }, body: { isActive: false } }), 403, /project:write/);
      assertDetail(await apiFetch(server.url, keyPath, { method: 'DELETE', as: { token } }), 403, /project:write/);
      assert.equal((await server.store.clientKeys.list(server.workspace.projectId)).length, 1);
    });

    it('gives the member role no owner powers, whatever the token asks for', async () => {
      const carol = await addPerson(server, 'carol@example.com', { [server.workspace.org]: 'member' });
      const session = await signIn(server.url, 'carol@example.com', personPassword);
      assert.equal((await apiFetch(server.url, keysPath, { as: { session } })).status, 200, 'members read keys');
      assertDetail(await apiFetch(server.url, keysPath, { method: 'POST', as: { session }, body: { name: 'x' } }), 403, /project:write/);
      assertDetail(await apiFetch(server.url, keyPath, { method: 'DELETE', as: { session } }), 403);
      const greedy = await mintToken(server, carol, [...allScopes]);
      assertDetail(await apiFetch(server.url, keysPath, { method: 'POST', as: { token: greedy }, body: { name: 'x' } }), 403, /project:write/);
      const orgInfo = await apiFetch<{ role: string; access: string[] }>(server.url, `/api/0/organizations/${server.workspace.org}/`, { as: { session } });
      assert.equal(orgInfo.body.role, 'member');
      assert.equal(orgInfo.body.access.includes('project:write'), false);
      // Nor can a member mint an organization token above their role.
      const res = await apiFetch(server.url, '/api/0/api-tokens/', {
        method: 'POST',
        as: { session },
        body: { organization: server.workspace.org, scopes: ['project:write'] },
      });
      assertDetail(res, 403, /cannot grant: project:write/);
      const ok = await apiFetch<{ token: string; scopes: string[] }>(server.url, '/api/0/api-tokens/', {
        method: 'POST',
        as: { session },
        body: { organization: server.workspace.org, scopes: ['project:releases', 'org:read'] },
      });
      assert.equal(ok.status, 201);
      assert.match(ok.body.token, /^sntrys_/);
      assert.deepEqual(ok.body.scopes, ['project:releases', 'org:read']);
      assert.equal((await server.store.clientKeys.list(server.workspace.projectId)).length, 1);
    });

    it('lets an owner do what the member could not', async () => {
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      const created = await apiFetch<{ id: string }>(server.url, keysPath, { method: 'POST', as: { session }, body: { name: 'owner key' } });
      assert.equal(created.status, 201);
      assert.equal((await apiFetch(server.url, `${keysPath}${created.body.id}/`, { method: 'DELETE', as: { session } })).status, 204);
    });

    it('only lets a signed-in person create or revoke API tokens, not a token', async () => {
      const token = await mintToken(server, admin, [...allScopes]);
      assertDetail(await apiFetch(server.url, '/api/0/api-tokens/', { method: 'POST', as: { token }, body: { scopes: ['org:read'] } }), 403);
      const mine = await server.store.apiTokens.listForUser(admin.id);
      assertDetail(await apiFetch(server.url, `/api/0/api-tokens/${mine[0]?.id}/`, { method: 'DELETE', as: { token } }), 403);
      assert.equal((await server.store.apiTokens.listForUser(admin.id)).length, mine.length);
    });

    it('answers missing, wrong, malformed and revoked tokens with 401 JSON', async () => {
      const orgs = '/api/0/organizations/';
      assertDetail(await apiFetch(server.url, orgs), 401, /credentials were not provided/);
      assertDetail(await apiFetch(server.url, orgs, { as: { token: 'sntryu_0000' } }), 401, /^Invalid token$/);
      assertDetail(await apiFetch(server.url, orgs, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, /Authorization header/);
      assertDetail(await apiFetch(server.url, orgs, { headers: { authorization: 'Bearer' } }), 401);
      // A bad token is refused even with a valid session cookie beside it: the header wins.
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      assertDetail(await apiFetch(server.url, orgs, { headers: { authorization: 'Bearer nope', cookie: session.cookie } }), 401);

      const created = await apiFetch<{ id: string; token: string }>(server.url, '/api/0/api-tokens/', {
        method: 'POST',
        as: { session },
        body: { scopes: 'org:read' },
      });
      assert.equal(created.status, 201);
      assert.equal((await apiFetch(server.url, orgs, { as: { token: created.body.token } })).status, 200);
      assert.equal((await apiFetch(server.url, `/api/0/api-tokens/${created.body.id}/`, { method: 'DELETE', as: { session } })).status, 204);
      assertDetail(await apiFetch(server.url, orgs, { as: { token: created.body.token } }), 401, /^Invalid token$/);
      // Unknown API paths are JSON 404s too.
      assertDetail(await apiFetch(server.url, '/api/0/nothing-here/', { as: { token: server.workspace.token } }), 404);
    });
  });
}
