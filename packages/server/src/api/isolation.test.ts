import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../auth/index.js';
import { allScopes } from '../auth/index.js';
import type { ClientKey, Organization, Project } from '../organizations/index.js';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  type Caller,
  explainSkippedPostgres,
  mintToken,
  personPassword,
  signIn,
  startTestServer,
  type TestServer,
  testDialects,
} from '../testing/index.js';

explainSkippedPostgres();

type Call = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown };

/** Every org-A endpoint, addressed by slug and by numeric id, plus A's things reached through B's paths. */
function callsIntoA(orgA: Organization, projectA: Project, keyA: ClientKey, orgB: Organization, projectB: Project): Call[] {
  const calls: Call[] = [];
  for (const o of [orgA.slug, String(orgA.id)]) {
    calls.push({ method: 'GET', path: `/api/0/organizations/${o}/` });
    calls.push({ method: 'GET', path: `/api/0/organizations/${o}/projects/` });
    calls.push({ method: 'GET', path: `/api/0/organizations/${o}/teams/` });
    calls.push({ method: 'GET', path: `/api/0/organizations/${o}/members/` });
    for (const p of [projectA.slug, String(projectA.id)]) {
      const base = `/api/0/projects/${o}/${p}`;
      calls.push({ method: 'GET', path: `${base}/` });
      calls.push({ method: 'GET', path: `${base}/keys/` });
      calls.push({ method: 'POST', path: `${base}/keys/`, body: { name: 'intruder' } });
      calls.push({ method: 'GET', path: `${base}/keys/${keyA.publicKey}/` });
      calls.push({ method: 'PUT', path: `${base}/keys/${keyA.publicKey}/`, body: { isActive: false } });
      calls.push({ method: 'DELETE', path: `${base}/keys/${keyA.publicKey}/` });
    }
  }
  // A's project id under B's organization, and A's key under B's project.
  calls.push({ method: 'GET', path: `/api/0/projects/${orgB.slug}/${projectA.id}/` });
  calls.push({ method: 'GET', path: `/api/0/projects/${orgB.slug}/${projectA.id}/keys/` });
  calls.push({ method: 'PUT', path: `/api/0/projects/${orgB.slug}/${projectB.slug}/keys/${keyA.publicKey}/`, body: { isActive: false } });
  calls.push({ method: 'DELETE', path: `/api/0/projects/${orgB.slug}/${projectB.slug}/keys/${keyA.publicKey}/` });
  return calls;
}

for (const dialect of testDialects()) {
  describe(`cross-organization isolation (${dialect})`, () => {
    let server: TestServer;
    let orgA: Organization;
    let projectA: Project;
    let keyA: ClientKey;
    let orgB: Organization;
    let projectB: Project;
    let bob: User;
    let root: User;
    before(async () => {
      server = await startTestServer({ dialect });
      orgA = (await server.store.organizations.bySlug(server.workspace.org)) as Organization;
      projectA = (await server.store.projects.byId(server.workspace.projectId)) as Project;
      keyA = (await server.store.clientKeys.list(projectA.id))[0] as ClientKey;
      bob = await addPerson(server, 'bob@org-b.test');
      ({ org: orgB, project: projectB } = await addOrganization(server, 'org-b', bob));
      // A superuser in the installation must change nothing for everyone else.
      root = await addPerson(server, 'root@org-b.test', { 'org-b': 'admin' }, { superuser: true });
    });
    after(() => server.close());

    async function assertCannotReachA(as: Caller, who: string): Promise<void> {
      for (const call of callsIntoA(orgA, projectA, keyA, orgB, projectB)) {
        const res = await apiFetch(server.url, call.path, { method: call.method, as, ...(call.body === undefined ? {} : { body: call.body }) });
        assertDetail(res, 404, /not found/i, `${who}: ${call.method} ${call.path}`);
      }
      // Nothing of A changed.
      const keys = await server.store.clientKeys.list(projectA.id);
      assert.deepEqual(
        keys.map((k) => [k.publicKey, k.enabled]),
        [[keyA.publicKey, true]],
        `${who} changed org A's keys`,
      );
    }

    async function orgSlugs(as: Caller): Promise<string[]> {
      const res = await apiFetch<{ slug: string }[]>(server.url, '/api/0/organizations/', { as });
      assert.equal(res.status, 200);
      return res.body.map((o) => o.slug);
    }

    it('a member of B only, signed in with a cookie, sees B and nothing of A', async () => {
      const session = await signIn(server.url, 'bob@org-b.test', personPassword);
      assert.deepEqual(await orgSlugs({ session }), ['org-b']);
      await assertCannotReachA({ session }, 'bob (cookie)');
      // Not even a token for A can be minted.
      const res = await apiFetch(server.url, '/api/0/api-tokens/', {
        method: 'POST',
        as: { session },
        body: { organization: orgA.slug, scopes: ['org:read'] },
      });
      assertDetail(res, 404);
      // B itself is reachable, so the 404s above are about A.
      assert.equal((await apiFetch(server.url, `/api/0/projects/org-b/${projectB.slug}/keys/`, { as: { session } })).status, 200);
    });

    it('the same person with an all-scopes Bearer token sees B and nothing of A', async () => {
      const token = await mintToken(server, bob, [...allScopes]);
      assert.deepEqual(await orgSlugs({ token }), ['org-b']);
      await assertCannotReachA({ token }, 'bob (token)');
      assert.equal((await apiFetch(server.url, `/api/0/projects/${orgB.id}/${projectB.id}/`, { as: { token } })).status, 200);
    });

    it("a superuser's all-scopes token is an ordinary token: it sees B, where its owner is a member, and nothing of A", async () => {
      const token = await mintToken(server, root, [...allScopes]);
      assert.deepEqual(await orgSlugs({ token }), ['org-b']);
      await assertCannotReachA({ token }, 'superuser (token)');
      // The same person signed in reaches A: the 404s above come from the token, not from A.
      const session = await signIn(server.url, 'root@org-b.test', personPassword);
      assert.deepEqual(await orgSlugs({ session }), [orgA.slug, 'org-b']);
      assert.equal((await apiFetch(server.url, `/api/0/projects/${orgA.slug}/${projectA.slug}/keys/`, { as: { session } })).status, 200);
    });

    it('an organization token for B cannot reach A, even though its owner is a member of A', async () => {
      const admin = (await server.store.users.byEmail(server.workspace.admin.email)) as User;
      await server.store.members.add(orgB.id, admin.id, 'admin');
      const token = await mintToken(server, admin, [...allScopes], orgB);
      assert.deepEqual(await orgSlugs({ token }), ['org-b']);
      await assertCannotReachA({ token }, 'admin (org token for B)');
      // The person's own session still sees both.
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      assert.deepEqual(await orgSlugs({ session }), [orgA.slug, 'org-b']);
    });
  });
}
