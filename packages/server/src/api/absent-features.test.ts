// What Faultline does not have (dashboards, uptime checks, AI agent conversations) answers as an
// organization without them: empty lists and 404 with a detail, never a missing route; and only
// to members of the organization.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addOrganization, addPerson, apiFetch, assertDetail, mintToken, startTestServer, type TestServer } from '../testing/index.js';

describe('features Faultline does not have', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
  });
  after(async () => server?.close());

  it('lists them empty and answers one of them with a 404 saying why', async () => {
    const as = { token: server.workspace.token };
    const { org, project } = server.workspace;
    for (const path of [
      `organizations/${org}/dashboards/`,
      `organizations/${org}/uptime/`,
      `organizations/${org}/agents/conversations/`,
      `projects/${org}/${project}/uptime/`,
    ]) {
      const res = await apiFetch(server.url, `/api/0/${path}`, { as });
      assert.deepEqual([res.status, res.body], [200, []], path);
    }
    assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/dashboards/7/`, { as }), 404, /no dashboards/);
    assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/agents/conversations/c1/`, { as }), 404, /agent conversations/);
    assertDetail(await apiFetch(server.url, `/api/0/projects/${org}/${project}/uptime/3/`, { as }), 404, /uptime/);
    assertDetail(await apiFetch(server.url, `/api/0/projects/${org}/${project}/uptime/`, { method: 'POST', as, body: { url: 'https://x' } }), 400, /Crons/);
    assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/profiling/flamegraph/?project=1`, { as }), 404, /does not store profiles/);
    assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/profiling/chunks/`, { as }), 404, /does not store profiles/);
    assertDetail(await apiFetch(server.url, `/api/0/projects/${org}/${project}/profiling/profiles/${'a'.repeat(32)}/`, { as }), 404, /does not store profiles/);
    assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/preprodartifacts/snapshots/latest-base/?app_id=x`, { as }), 404, /build snapshots/);
    const link = await apiFetch(server.url, `/api/0/projects/${org}/${project}/stacktrace-link/?file=src/app.js&platform=node&lineNo=3`, { as });
    assert.deepEqual([link.status, link.body], [200, { config: null, sourceUrl: null, integrations: [] }]);
  });

  it('answers only members of the organization', async () => {
    const stranger = await addPerson(server, 'stranger@example.com');
    const other = await addOrganization(server, 'elsewhere', stranger);
    const theirs = await mintToken(server, stranger, ['org:read', 'project:read'], other.org);
    for (const path of [`organizations/${server.workspace.org}/dashboards/`, `projects/${server.workspace.org}/${server.workspace.project}/uptime/`]) {
      assert.equal((await apiFetch(server.url, `/api/0/${path}`, { as: { token: theirs } })).status, 404, path);
    }
    assert.equal((await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/uptime/`)).status, 401);
  });
});
