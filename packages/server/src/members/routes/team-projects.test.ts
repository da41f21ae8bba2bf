// A team's projects: created under a team as Sentry's "Create a New Project" does (a DSN and the
// default alert rule, like `faultline bootstrap`), listed for the team and per project; other
// organizations and read-only tokens are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

interface ProjectJson {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
  teams: { slug: string }[];
}

for (const dialect of testDialects()) {
  describe(`a team's projects (${dialect})`, () => {
    let server: TestServer;
    const as = () => ({ token: server.workspace.token });
    before(async () => {
      server = await startTestServer({ dialect });
      const team = await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/teams/`, { method: 'POST', as: as(), body: { name: 'Checkout' } });
      assert.equal(team.status, 201);
    });
    after(async () => server?.close());

    it('creates a project under the team, with a DSN and the default alert rule', async () => {
      const created = await apiFetch<ProjectJson>(server.url, `/api/0/teams/${server.workspace.org}/checkout/projects/`, {
        method: 'POST',
        as: as(),
        body: { name: 'Payments API', platform: 'node' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.slug, 'payments-api');
      assert.equal(created.body.platform, 'node');
      assert.ok(created.body.teams.some((t) => t.slug === 'checkout'));
      const keys = await apiFetch<{ dsn: { public: string } }[]>(server.url, `/api/0/projects/${server.workspace.org}/payments-api/keys/`, { as: as() });
      assert.match(keys.body[0]?.dsn.public ?? '', new RegExp(`/${created.body.id}$`));
      const rules = await apiFetch<unknown[]>(server.url, `/api/0/projects/${server.workspace.org}/payments-api/rules/`, { as: as() });
      assert.equal(rules.status, 200);
      assert.equal(rules.body.length, 1, 'Sentry’s default issue alert rule');

      const listed = await apiFetch<ProjectJson[]>(server.url, `/api/0/teams/${server.workspace.org}/checkout/projects/`, { as: as() });
      assert.deepEqual(
        listed.body.map((p) => p.slug),
        ['payments-api'],
      );
      const teams = await apiFetch<{ slug: string }[]>(server.url, `/api/0/projects/${server.workspace.org}/payments-api/teams/`, { as: as() });
      assert.ok(teams.body.some((t) => t.slug === 'checkout'));
    });

    it('reads an empty body sent as JSON as no body, and still refuses prototype poisoning', async () => {
      // The Sentry MCP server sends Content-Type: application/json on every request, bodiless POSTs included.
      const path = `/api/0/projects/${server.workspace.org}/payments-api/teams/${server.workspace.org}/`;
      const headers = { authorization: `Bearer ${server.workspace.token}`, 'content-type': 'application/json' };
      const empty = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: '' });
      assert.equal(empty.status, 201, await empty.text());
      const poisoned = await fetch(`${server.url}/api/0/teams/${server.workspace.org}/checkout/projects/`, {
        method: 'POST',
        headers,
        body: '{"name": "x", "__proto__": {"admin": true}}',
      });
      assert.equal(poisoned.status, 400);
      const broken = await fetch(`${server.url}/api/0/teams/${server.workspace.org}/checkout/projects/`, { method: 'POST', headers, body: '{"name":' });
      assert.equal(broken.status, 400);
      assert.equal(typeof ((await broken.json()) as { detail?: unknown }).detail, 'string');
    });

    it('refuses a taken slug, a bad one, no name, a read-only token and another organization', async () => {
      const path = `/api/0/teams/${server.workspace.org}/checkout/projects/`;
      assertDetail(await apiFetch(server.url, path, { method: 'POST', as: as(), body: { name: 'Payments API' } }), 409, /already exists/);
      assertDetail(await apiFetch(server.url, path, { method: 'POST', as: as(), body: { name: 'x', slug: 'Not A Slug' } }), 400, /invalid project slug/);
      assertDetail(await apiFetch(server.url, path, { method: 'POST', as: as(), body: {} }), 400, /name is required/);
      assertDetail(await apiFetch(server.url, `/api/0/teams/${server.workspace.org}/nope/projects/`, { method: 'POST', as: as(), body: { name: 'y' } }), 404);

      const reader = await addPerson(server, `reader-${dialect}@example.com`, { [server.workspace.org]: 'member' });
      const readOnly = await mintToken(server, reader, ['project:read']);
      assert.equal((await apiFetch(server.url, path, { method: 'POST', as: { token: readOnly }, body: { name: 'z' } })).status, 403);

      const stranger = await addPerson(server, `stranger-${dialect}@example.com`);
      const other = await addOrganization(server, `elsewhere-${dialect}`, stranger);
      const theirs = await mintToken(server, stranger, ['project:read', 'project:write'], other.org);
      assert.equal((await apiFetch(server.url, path, { method: 'POST', as: { token: theirs }, body: { name: 'w' } })).status, 404);
      assert.equal((await apiFetch(server.url, `/api/0/projects/${server.workspace.org}/payments-api/teams/`, { as: { token: theirs } })).status, 404);
    });
  });
}
