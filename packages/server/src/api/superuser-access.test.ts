import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../auth/index.js';
import { allScopes } from '../auth/index.js';
import { CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from '../issues/routes/issue-api.test-support.js';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  captureLogs,
  explainSkippedPostgres,
  type LogCapture,
  mintToken,
  personPassword,
  type SignedIn,
  signIn,
  type TestServer,
  testDialects,
} from '../testing/index.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;

// `faultline createuser --superuser` makes someone who administers the whole installation: signed
// in, they are an owner of every organization without being a member of any, and each such access
// leaves an audit line. Their tokens stay ordinary tokens.
for (const dialect of testDialects()) {
  describe(`a superuser who is not a member (${dialect})`, () => {
    let server: TestServer;
    let logs: LogCapture;
    let root: User;
    let rootSession: SignedIn;
    let orgA: string;
    let issue: IssueSummary;
    const audits = () => logs.lines.filter((l) => l.audit === 'superuser_access');

    before(async () => {
      logs = captureLogs();
      server = await startIssueServer(dialect, { logger: logs.logger });
      orgA = server.workspace.org;
      await sendCapture(server, CAPTURES.nodeTypeError);
      await drain(server);
      const bob = await addPerson(server, 'bob@org-b.test');
      await addOrganization(server, 'org-b', bob);
      root = await addPerson(server, 'root@faultline.test', {}, { superuser: true });
      rootSession = await signIn(server.url, root.email, personPassword);
    });
    after(() => server.close());

    it('lists every organization and is an owner of each', async () => {
      const orgs = await getOk<{ slug: string }[]>(server, '/api/0/organizations/', { session: rootSession });
      assert.deepEqual(
        orgs.map((o) => o.slug),
        [orgA, 'org-b'],
      );
      for (const slug of [orgA, 'org-b']) {
        const org = await getOk<{ role: string; access: string[]; isMember: boolean }>(server, `/api/0/organizations/${slug}/`, { session: rootSession });
        assert.deepEqual([org.role, org.isMember], ['owner', false], slug);
        assert.deepEqual([...org.access].sort(), [...allScopes].sort(), slug);
      }
    });

    it("opens another organization's issues and triages one: resolved and assigned, recorded as done by the superuser", async () => {
      const list = await getOk<IssueSummary[]>(server, `/api/0/organizations/${orgA}/issues/`, { session: rootSession });
      const found = list.find((i) => i.title.startsWith('TypeError'));
      assert.ok(found, `no TypeError issue in ${JSON.stringify(list.map((i) => i.title))}`);
      issue = found;
      const put = (body: unknown) =>
        apiFetch<Json>(server.url, `/api/0/organizations/${orgA}/issues/${issue.id}/`, { method: 'PUT', as: { session: rootSession }, body });
      const resolved = await put({ status: 'resolved' });
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      assert.equal(resolved.body.status, 'resolved');
      const assigned = await put({ assignedTo: server.workspace.admin.email });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.equal((assigned.body.assignedTo as Json).email, server.workspace.admin.email);
      // Only members are assignable, as in Sentry: the superuser's access is not a membership.
      assertDetail(await put({ assignedTo: root.email }), 400, /not a member/);
      const detail = await getOk<{ activity: { type: string; user: { email: string } | null }[] }>(server, `/api/0/issues/${issue.id}/`);
      const byType = new Map(detail.activity.map((a) => [a.type, a.user?.email]));
      assert.equal(byType.get('set_resolved'), root.email);
      assert.equal(byType.get('assigned'), root.email);
    });

    it('manages members as an owner: invites an owner and removes them, though it has no membership of its own', async () => {
      const invited = await apiFetch<{ id: string; orgRole: string }>(server.url, '/api/0/organizations/org-b/members/', {
        method: 'POST',
        as: { session: rootSession },
        body: { email: 'root@faultline.test', orgRole: 'owner' },
      });
      // Joining the organization is possible too, and then the superuser is an ordinary owner there.
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      assert.equal(invited.body.orgRole, 'owner');
      const carol = await addPerson(server, 'carol@org-b.test', { 'org-b': 'owner' });
      const members = await getOk<{ id: string; email: string }[]>(server, '/api/0/organizations/org-b/members/', { session: rootSession });
      const carolId = members.find((m) => m.email === carol.email)?.id;
      const removed = await apiFetch(server.url, `/api/0/organizations/org-b/members/${carolId}/`, { method: 'DELETE', as: { session: rootSession } });
      assert.equal(removed.status, 204);
      assert.equal(await server.store.members.find((await server.store.organizations.bySlug('org-b'))?.id ?? -1, carol.id), undefined);
      // In organization A it is no member: "me" names nobody there.
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${orgA}/members/me/`, { as: { session: rootSession } }), 404, /Member not found/);
    });

    it('leaves an audit line for each request only the superuser flag allows, naming the user, organization and route', async () => {
      const lines = audits().filter((l) => l.org === orgA);
      assert.ok(lines.length > 0, 'no audit line for organization A');
      assert.ok(
        lines.every((l) => l.userId === root.id && l.email === root.email && l.memberRole === null),
        JSON.stringify(lines),
      );
      const routes = new Set(lines.map((l) => l.route));
      for (const route of ['GET /api/0/organizations/:org/issues/', 'PUT /api/0/organizations/:org/issues/:issueId/']) {
        assert.ok(routes.has(route), `${route} not audited: ${[...routes].join(', ')}`);
      }
      // Once root joined org-b as owner, its requests there are a member's and are not audited.
      const before = audits().length;
      await getOk(server, '/api/0/organizations/org-b/', { session: rootSession });
      assert.equal(audits().length, before);
      // As a plain member of org-b, reading is membership; creating a team is the superuser flag at work.
      const orgB = await server.store.organizations.bySlug('org-b');
      const membership = await server.store.members.find(orgB?.id ?? -1, root.id);
      await server.store.members.setRole(orgB?.id ?? -1, membership?.id ?? -1, 'member');
      await getOk(server, '/api/0/organizations/org-b/members/', { session: rootSession });
      assert.equal(audits().length, before);
      const team = await apiFetch(server.url, '/api/0/organizations/org-b/teams/', { method: 'POST', as: { session: rootSession }, body: { name: 'ops' } });
      assert.equal(team.status, 201, JSON.stringify(team.body));
      assert.deepEqual(
        audits()
          .slice(before)
          .map((l) => [l.org, l.memberRole, l.route]),
        [['org-b', 'member', 'POST /api/0/organizations/:org/teams/']],
      );
      await server.store.members.setRole(orgB?.id ?? -1, membership?.id ?? -1, 'owner');
      // Nor are the requests of a superuser inside an organization they own (the bootstrapped admin).
      const admin = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      const counted = audits().length;
      await getOk(server, `/api/0/organizations/${orgA}/issues/`, { session: admin });
      assert.equal(audits().length, counted);
    });

    it('passes no superuser power to tokens: a token reaches only its owner’s memberships, and none is minted for other organizations', async () => {
      const token = await mintToken(server, root, [...allScopes]);
      const orgs = await getOk<{ slug: string }[]>(server, '/api/0/organizations/', { token });
      assert.deepEqual(
        orgs.map((o) => o.slug),
        ['org-b'],
      );
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${orgA}/issues/`, { as: { token } }), 404, /not found/i);
      assertDetail(
        await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { method: 'PUT', as: { token }, body: { status: 'unresolved' } }),
        404,
        /not found/i,
      );
      const minted = await apiFetch(server.url, '/api/0/api-tokens/', {
        method: 'POST',
        as: { session: rootSession },
        body: { organization: orgA, scopes: ['org:read'] },
      });
      assertDetail(minted, 403, /does not pass to tokens/);
      assert.equal((await getOk<{ status: string }>(server, `/api/0/issues/${issue.id}/`)).status, 'resolved');
    });
  });
}
