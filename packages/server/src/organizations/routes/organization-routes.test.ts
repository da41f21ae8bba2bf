import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../../auth/index.js';
import { allScopes } from '../../auth/index.js';
import {
  addOrganization,
  addPerson,
  apiFetch,
  explainSkippedPostgres,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

interface LinkPart {
  url: string;
  rel: string;
  results: string;
  cursor: string;
}

/** Parses Sentry's `Link` header (Sentry API reference, Paginating Results) the way sentry-cli reads it. */
function parseLink(header: string | null): Record<string, LinkPart> {
  assert.ok(header, 'Link header missing');
  const out: Record<string, LinkPart> = {};
  for (const part of header.split(/,\s*(?=<)/)) {
    const m = /^<([^>]*)>;\s*rel="(\w+)";\s*results="(true|false)";\s*cursor="([^"]*)"$/.exec(part.trim());
    assert.ok(m, `unparseable Link part: ${part}`);
    const [, url = '', rel = '', results = '', cursor = ''] = m;
    out[rel] = { url, rel, results, cursor };
  }
  assert.deepEqual(Object.keys(out).sort(), ['next', 'previous']);
  return out;
}

const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

for (const dialect of testDialects()) {
  describe(`organizations API (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    before(async () => {
      server = await startTestServer({ dialect });
      const admin = (await server.store.users.byEmail(server.workspace.admin.email)) as User;
      await addOrganization(server, 'second', admin);
      await addOrganization(server, 'third', admin);
      // A user token: it reaches every organization the admin belongs to.
      token = await mintToken(server, admin, [...allScopes]);
    });
    after(() => server.close());

    it('lists organizations in the shape sentry-cli reads, with a Link header', async () => {
      const res = await apiFetch<Record<string, unknown>[]>(server.url, '/api/0/organizations/?cursor=', { as: { token } });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.map((o) => o.slug),
        [server.workspace.org, 'second', 'third'],
      );
      for (const org of res.body) {
        assert.match(String(org.id), /^\d+$/);
        assert.equal(typeof org.id, 'string');
        assert.equal(typeof org.name, 'string');
        assert.match(String(org.dateCreated), isoDate);
        assert.equal(org.isEarlyAdopter, false);
        assert.equal(org.require2FA, false);
        assert.equal(org.requireEmailVerification, false);
        assert.ok(Array.isArray(org.features));
      }
      const link = parseLink(res.headers.get('link'));
      assert.equal(link.next?.results, 'false');
      assert.equal(link.previous?.results, 'false');
    });

    it('pages with per_page, and following rel="next" gives the rest', async () => {
      const first = await apiFetch<{ slug: string }[]>(server.url, '/api/0/organizations/?per_page=2', { as: { token } });
      assert.deepEqual(
        first.body.map((o) => o.slug),
        [server.workspace.org, 'second'],
      );
      const link1 = parseLink(first.headers.get('link'));
      assert.equal(link1.next?.results, 'true');
      assert.equal(link1.previous?.results, 'false');
      assert.match(link1.next?.url ?? '', /per_page=2/, 'the next link keeps the page size');

      const second = await apiFetch<{ slug: string }[]>(server.url, link1.next?.url ?? '', { as: { token } });
      assert.deepEqual(
        second.body.map((o) => o.slug),
        ['third'],
      );
      const link2 = parseLink(second.headers.get('link'));
      assert.equal(link2.next?.results, 'false');
      assert.equal(link2.previous?.results, 'true');

      // sentry-cli passes only the cursor attribute back.
      const byCursor = await apiFetch<{ slug: string }[]>(server.url, `/api/0/organizations/?per_page=2&cursor=${link1.next?.cursor}`, { as: { token } });
      assert.deepEqual(
        byCursor.body.map((o) => o.slug),
        ['third'],
      );
      const back = await apiFetch<{ slug: string }[]>(server.url, link2.previous?.url ?? '', { as: { token } });
      assert.deepEqual(
        back.body.map((o) => o.slug),
        [server.workspace.org, 'second'],
      );
    });

    it('describes one organization with the caller’s role and access', async () => {
      const res = await apiFetch<{ slug: string; role: string; access: string[] }>(server.url, `/api/0/organizations/${server.workspace.org}/`, {
        as: { token },
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.slug, server.workspace.org);
      assert.equal(res.body.role, 'owner');
      assert.ok(res.body.access.includes('project:write'));
    });

    it('lists projects with their team, as `projects list` prints them', async () => {
      const res = await apiFetch<
        { id: string; slug: string; name: string; platform: string | null; team: { id: string; slug: string; name: string } | null }[]
      >(server.url, `/api/0/organizations/${server.workspace.org}/projects/?cursor=`, { as: { token: server.workspace.token } });
      assert.equal(res.status, 200);
      assert.equal(res.body.length, 1);
      const [p] = res.body;
      assert.equal(p?.id, String(server.workspace.projectId));
      assert.equal(p?.slug, server.workspace.project);
      assert.equal(p?.platform, 'node');
      assert.equal(typeof p?.team?.id, 'string');
      assert.equal(typeof p?.team?.slug, 'string');
      assert.equal(typeof p?.team?.name, 'string');
      parseLink(res.headers.get('link'));
    });

    it('lists teams and members', async () => {
      await addPerson(server, 'member@example.com', { [server.workspace.org]: 'member' });
      const teams = await apiFetch<{ slug: string }[]>(server.url, `/api/0/organizations/${server.workspace.org}/teams/`, { as: { token } });
      assert.equal(teams.status, 200);
      assert.equal(teams.body.length, 1);
      const members = await apiFetch<{ email: string; role: string; user: { id: string } }[]>(
        server.url,
        `/api/0/organizations/${server.workspace.org}/members/`,
        { as: { token } },
      );
      assert.deepEqual(
        members.body.map((m) => [m.email, m.role]),
        [
          [server.workspace.admin.email, 'owner'],
          ['member@example.com', 'member'],
        ],
      );
      assert.equal(typeof members.body[0]?.user.id, 'string');
    });

    it('names this server as the only region', async () => {
      const res = await apiFetch<{ regions: { name: string; url: string }[] }>(server.url, '/api/0/users/me/regions/', { as: { token } });
      assert.deepEqual(res.body, { regions: [{ name: 'default', url: server.url }] });
    });
  });
}
