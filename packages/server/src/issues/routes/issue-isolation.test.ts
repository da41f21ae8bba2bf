import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../../auth/index.js';
import { allScopes } from '../../auth/index.js';
import type { Organization, Project } from '../../organizations/index.js';
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
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { allIssues, CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

type Call = { method: 'GET' | 'PUT' | 'DELETE'; path: string; body?: unknown };

/** Every issue and event endpoint that can name org A's issue, event or project. */
function callsIntoA(
  a: { org: string; orgId: number; project: string; projectId: number; issueId: string; shortId: string; eventId: string },
  orgB: Organization,
): Call[] {
  const calls: Call[] = [];
  for (const o of [a.org, String(a.orgId)]) {
    calls.push({ method: 'GET', path: `/api/0/organizations/${o}/issues/` });
    calls.push({ method: 'PUT', path: `/api/0/organizations/${o}/issues/?id=${a.issueId}`, body: { status: 'resolved' } });
    calls.push({ method: 'DELETE', path: `/api/0/organizations/${o}/issues/?id=${a.issueId}` });
    for (const ref of [a.issueId, a.shortId]) calls.push({ method: 'GET', path: `/api/0/organizations/${o}/issues/${ref}/` });
    for (const p of [a.project, String(a.projectId)]) {
      const base = `/api/0/projects/${o}/${p}`;
      calls.push({ method: 'GET', path: `${base}/issues/` });
      calls.push({ method: 'PUT', path: `${base}/issues/?id=${a.issueId}`, body: { status: 'resolved' } });
      calls.push({ method: 'DELETE', path: `${base}/issues/?id=${a.issueId}` });
      calls.push({ method: 'GET', path: `${base}/events/` });
      calls.push({ method: 'GET', path: `${base}/events/${a.eventId}/` });
      calls.push({ method: 'PUT', path: `${base}/`, body: { name: 'taken' } });
    }
  }
  for (const prefix of ['/api/0/issues', `/api/0/organizations/${a.org}/issues`, `/api/0/organizations/${orgB.slug}/issues`]) {
    const i = `${prefix}/${a.issueId}`;
    calls.push({ method: 'GET', path: `${i}/` });
    calls.push({ method: 'PUT', path: `${i}/`, body: { status: 'resolved', assignedTo: '' } });
    calls.push({ method: 'DELETE', path: `${i}/` });
    for (const sub of [
      'tags/',
      'tags/level/',
      'tags/level/values/',
      'events/',
      'events/latest/',
      'events/oldest/',
      'events/recommended/',
      `events/${a.eventId}/`,
    ]) {
      calls.push({ method: 'GET', path: `${i}/${sub}` });
    }
  }
  calls.push({ method: 'GET', path: `/api/0/organizations/${orgB.slug}/issues/${a.shortId}/` });
  return calls;
}

// A member of organization B, by cookie or token, gets 404 from every issue and event endpoint
// of organization A, and changes nothing there.
for (const dialect of testDialects()) {
  describe(`issues and events across organizations (${dialect})`, () => {
    let server: TestServer;
    let orgB: Organization;
    let projectB: Project;
    let bob: User;
    let root: User;
    let issueA: IssueSummary;
    let eventA: string;
    let calls: Call[];
    before(async () => {
      server = await startIssueServer(dialect);
      eventA = await sendCapture(server, CAPTURES.nodeTypeError);
      await drain(server);
      [issueA] = (await allIssues(server)) as [IssueSummary];
      bob = await addPerson(server, 'bob@org-b.test');
      ({ org: orgB, project: projectB } = await addOrganization(server, 'org-b', bob));
      // A superuser in the installation must change nothing for everyone else.
      root = await addPerson(server, 'root@org-b.test', { 'org-b': 'admin' }, { superuser: true });
      const orgA = (await server.store.organizations.bySlug(server.workspace.org)) as Organization;
      calls = callsIntoA(
        {
          org: orgA.slug,
          orgId: orgA.id,
          project: server.workspace.project,
          projectId: server.workspace.projectId,
          issueId: issueA.id,
          shortId: issueA.shortId,
          eventId: eventA,
        },
        orgB,
      );
    });
    after(() => server.close());

    async function assertCannotReachA(as: Caller, who: string): Promise<void> {
      for (const call of calls) {
        const res = await apiFetch(server.url, call.path, { method: call.method, as, ...(call.body === undefined ? {} : { body: call.body }) });
        assertDetail(res, 404, /not found/i, `${who}: ${call.method} ${call.path}`);
      }
      const now = await getOk<IssueSummary & { assignedTo: unknown }>(server, `/api/0/issues/${issueA.id}/`);
      assert.deepEqual([now.status, now.count], ['unresolved', issueA.count], `${who} changed org A's issue`);
      // B's own bulk endpoint with A's id matches nothing there.
      const own = await apiFetch(server.url, `/api/0/projects/${orgB.slug}/${projectB.slug}/issues/?id=${issueA.id}`, {
        method: 'PUT',
        as,
        body: { status: 'resolved' },
      });
      assert.equal(own.status, 204, who);
      assert.equal((await getOk<IssueSummary>(server, `/api/0/issues/${issueA.id}/`)).status, 'unresolved');
      // B is reachable, so the 404s are about A.
      assert.equal((await apiFetch(server.url, `/api/0/projects/${orgB.slug}/${projectB.slug}/issues/`, { as })).status, 200, who);
    }

    it('a member of B signed in with a cookie', async () => {
      await assertCannotReachA({ session: await signIn(server.url, 'bob@org-b.test', personPassword) }, 'bob (cookie)');
    });

    it('the same person with an all-scopes token', async () => {
      await assertCannotReachA({ token: await mintToken(server, bob, [...allScopes]) }, 'bob (token)');
    });

    it("a superuser's all-scopes token, whose owner is a member of B only", async () => {
      await assertCannotReachA({ token: await mintToken(server, root, [...allScopes]) }, 'superuser (token)');
      // Signed in, the same person reaches A's issue: the token is what stops it.
      const session = await signIn(server.url, 'root@org-b.test', personPassword);
      assert.equal((await apiFetch(server.url, `/api/0/issues/${issueA.id}/`, { as: { session } })).status, 200);
    });

    it('an organization token for B whose owner is also a member of A', async () => {
      const admin = (await server.store.users.byEmail(server.workspace.admin.email)) as User;
      await server.store.members.add(orgB.id, admin.id, 'admin');
      await assertCannotReachA({ token: await mintToken(server, admin, [...allScopes], orgB) }, 'admin (org token for B)');
    });
  });
}
