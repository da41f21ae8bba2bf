import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  type Caller,
  explainSkippedPostgres,
  mimeParts,
  personPassword,
  type SignedIn,
  type SmtpReceiver,
  signIn,
  startSmtpReceiver,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

interface MemberRow {
  id: string;
  email: string;
  orgRole: string;
  pending: boolean;
  expired: boolean;
  teams: string[];
}
interface InviteCreated extends MemberRow {
  inviteLink: string;
  emailSent: boolean;
}

/** The API path of an invitation link (`…/accept-invite/<id>/<token>/`). */
function acceptPath(link: string): string {
  const m = /\/accept-invite\/(\d+)\/([\w-]+)\/$/.exec(link);
  assert.ok(m, `not an invitation link: ${link}`);
  return `/api/0/accept-invite/${m[1]}/${m[2]}/`;
}

const dayMs = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`organization members and invitations (${dialect})`, () => {
    let server: TestServer;
    let smtp: SmtpReceiver;
    let owner: Caller;
    let org: string;
    const clock = createManualClock();
    const members = (as: Caller = owner) => apiFetch<MemberRow[]>(server.url, `/api/0/organizations/${org}/members/`, { as });
    const invite = (body: unknown, as: Caller = owner) =>
      apiFetch<InviteCreated>(server.url, `/api/0/organizations/${org}/members/`, { method: 'POST', as, body });
    const memberId = async (email: string) => {
      const row = (await members()).body.find((m) => m.email === email);
      assert.ok(row, `${email} not listed`);
      return row.id;
    };
    const session = (s: SignedIn): Caller => ({ session: s });

    before(async () => {
      smtp = await startSmtpReceiver();
      server = await startTestServer({
        dialect,
        clock,
        env: { FAULTLINE_SMTP_HOST: '127.0.0.1', FAULTLINE_SMTP_PORT: String(smtp.port), FAULTLINE_SMTP_FROM: 'Faultline <team@faultline.test>' },
      });
      org = server.workspace.org;
      owner = session(await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword));
      const created = await apiFetch(server.url, `/api/0/organizations/${org}/teams/`, {
        method: 'POST',
        as: owner,
        body: { slug: 'backend', name: 'Backend' },
      });
      assert.equal(created.status, 201);
    });
    after(async () => {
      await server.close();
      await smtp.close();
    });

    it('adds an existing user at once, with the role and teams asked for', async () => {
      await addPerson(server, 'existing@acme.test');
      const res = await invite({ email: 'Existing@Acme.test', orgRole: 'admin', teams: ['backend'] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.pending, false);
      assert.equal(res.body.orgRole, 'admin');
      assert.deepEqual(res.body.teams, ['backend']);
      const them = session(await signIn(server.url, 'existing@acme.test', personPassword));
      assert.equal((await apiFetch(server.url, `/api/0/organizations/${org}/`, { as: them })).status, 200);
      assertDetail(await invite({ email: 'existing@acme.test' }), 409, /already a member/);
    });

    it('invites a new address: e-mailed link, accept with name and password, signed in, sees the organization', async () => {
      const res = await invite({ email: 'newbie@acme.test', role: 'member', teams: ['backend'] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.pending, true);
      assert.match(res.body.id, /^invite-\d+$/);
      assert.equal(res.body.emailSent, true);
      assert.ok(res.body.inviteLink.startsWith(`${server.url}/accept-invite/`));
      await smtp.waitFor(1);
      const mail = smtp.mails.at(-1);
      assert.ok(mail);
      assert.deepEqual(mail.to, ['newbie@acme.test']);
      assert.ok(mimeParts(mail.raw).text.includes(res.body.inviteLink), 'the e-mail carries the link');
      // Listed as pending, without the link; the database keeps only a digest of the token.
      const listed = (await members()).body.find((m) => m.email === 'newbie@acme.test');
      assert.equal(listed?.pending, true);
      assert.equal(JSON.stringify((await members()).body).includes('accept-invite'), false);
      const token = res.body.inviteLink.split('/').at(-2) ?? '';
      const stored = await server.store.db.selectFrom('member_invites').select('token_hash').execute();
      assert.ok(stored.every((r) => r.token_hash !== token));

      const path = acceptPath(res.body.inviteLink);
      const preview = await apiFetch<{ organization: { slug: string }; email: string; expired: boolean; needsSignIn: boolean }>(server.url, path);
      assert.equal(preview.status, 200);
      assert.equal(preview.body.organization.slug, org);
      assert.equal(preview.body.email, 'newbie@acme.test');
      assert.equal(preview.body.needsSignIn, false);
      assertDetail(await apiFetch(server.url, path, { method: 'POST', body: { name: 'New', password: 'short' } }), 400, /at least 8/);

      const accepted = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Newbie', password: 'a long enough password' }),
      });
      assert.equal(accepted.status, 200);
      const body = (await accepted.json()) as { csrfToken: string; organization: { slug: string } };
      const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      assert.match(cookie, /^faultline_session=.+/);
      const fresh = session({ cookie, csrf: body.csrfToken, setCookie: '' });
      const orgs = await apiFetch<{ slug: string }[]>(server.url, '/api/0/organizations/', { as: fresh });
      assert.deepEqual(
        orgs.body.map((o) => o.slug),
        [org],
      );
      const me = (await members()).body.find((m) => m.email === 'newbie@acme.test');
      assert.deepEqual([me?.pending, me?.orgRole, me?.teams], [false, 'member', ['backend']]);
      // The password works for a normal sign-in, and the link was single-use.
      await signIn(server.url, 'newbie@acme.test', 'a long enough password');
      assertDetail(await apiFetch(server.url, path, { method: 'POST', body: { name: 'x', password: 'a long enough password' } }), 404);
    });

    it('resends (new link, old one dead) and cancels pending invitations; expired links are refused', async () => {
      const first = await invite({ email: 'later@acme.test' });
      const resent = await apiFetch<InviteCreated>(server.url, `/api/0/organizations/${org}/members/${first.body.id}/`, {
        method: 'PUT',
        as: owner,
        body: { reinvite: true },
      });
      assert.equal(resent.status, 200);
      assert.notEqual(resent.body.inviteLink, first.body.inviteLink);
      assertDetail(await apiFetch(server.url, acceptPath(first.body.inviteLink)), 404);
      clock.advance(8 * dayMs);
      const preview = await apiFetch<{ expired: boolean }>(server.url, acceptPath(resent.body.inviteLink));
      assert.equal(preview.body.expired, true);
      assertDetail(
        await apiFetch(server.url, acceptPath(resent.body.inviteLink), { method: 'POST', body: { password: 'long enough password' } }),
        400,
        /expired/,
      );
      const del = await apiFetch(server.url, `/api/0/organizations/${org}/members/${first.body.id}/`, { method: 'DELETE', as: owner });
      assert.equal(del.status, 204);
      assert.equal(
        (await members()).body.some((m) => m.email === 'later@acme.test'),
        false,
      );
      clock.advance(-8 * dayMs);
    });

    it('keeps the last owner, and only owners grant owner', async () => {
      const ownerId = await memberId(server.workspace.admin.email);
      const put = (id: string, body: unknown, as: Caller = owner) =>
        apiFetch(server.url, `/api/0/organizations/${org}/members/${id}/`, { method: 'PUT', as, body });
      assertDetail(await put(ownerId, { orgRole: 'admin' }), 403, /last owner/);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/members/${ownerId}/`, { method: 'DELETE', as: owner }), 403, /last owner/);

      await addPerson(server, 'manager@acme.test', { [org]: 'manager' });
      await addPerson(server, 'plain@acme.test', { [org]: 'member' });
      const manager = session(await signIn(server.url, 'manager@acme.test', personPassword));
      const plain = await memberId('plain@acme.test');
      assertDetail(await put(plain, { orgRole: 'owner' }, manager), 403, /Only an owner/);
      assertDetail(await invite({ email: 'boss@acme.test', orgRole: 'owner' }, manager), 403, /Only an owner/);
      assertDetail(await put(ownerId, { orgRole: 'member' }, manager), 403);
      assert.equal((await put(plain, { orgRole: 'admin' }, manager)).status, 200);
      // A plain member may not manage members at all.
      const plainSession = session(await signIn(server.url, 'plain@acme.test', personPassword));
      await put(plain, { orgRole: 'member' });
      assertDetail(await invite({ email: 'x@acme.test' }, plainSession), 403);

      // With a second owner the first may step down.
      assert.equal((await put(plain, { orgRole: 'owner' })).status, 200);
      const demoted = await put(ownerId, { orgRole: 'manager' });
      assert.equal(demoted.status, 200);
      assert.equal((await put(ownerId, { orgRole: 'owner' }, { session: await signIn(server.url, 'plain@acme.test', personPassword) })).status, 200);
      assert.equal((await put(plain, { orgRole: 'member' })).status, 200);
    });

    it('removing a member ends their signed-in access to the organization at once', async () => {
      await addPerson(server, 'leaver@acme.test', { [org]: 'member' });
      const theirs = session(await signIn(server.url, 'leaver@acme.test', personPassword));
      assert.equal((await apiFetch(server.url, `/api/0/organizations/${org}/`, { as: theirs })).status, 200);
      const id = await memberId('leaver@acme.test');
      assert.equal((await apiFetch(server.url, `/api/0/organizations/${org}/members/${id}/`, { method: 'DELETE', as: owner })).status, 204);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/`, { as: theirs }), 404);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/issues/`, { as: theirs }), 404);
    });

    it('manages teams: create, members, projects, delete', async () => {
      const teams = `/api/0/organizations/${org}/teams/`;
      const created = await apiFetch<{ slug: string }>(server.url, teams, { method: 'POST', as: owner, body: { name: 'Mobile Apps' } });
      assert.equal(created.status, 201);
      assert.equal(created.body.slug, 'mobile-apps');
      assertDetail(await apiFetch(server.url, teams, { method: 'POST', as: owner, body: { slug: 'mobile-apps' } }), 409);
      const plain = await memberId('plain@acme.test');
      const link = `/api/0/organizations/${org}/members/${plain}/teams/mobile-apps/`;
      assert.equal((await apiFetch(server.url, link, { method: 'POST', as: owner })).status, 201);
      const project = `/api/0/projects/${org}/${server.workspace.project}/teams/mobile-apps/`;
      const owned = await apiFetch<{ teams: { slug: string }[] }>(server.url, project, { method: 'POST', as: owner });
      assert.equal(owned.status, 201);
      assert.ok(owned.body.teams.some((t) => t.slug === 'mobile-apps'));
      const listed = await apiFetch<{ slug: string; memberCount: number; projects: { slug: string }[] }[]>(server.url, teams, { as: owner });
      const mobile = listed.body.find((t) => t.slug === 'mobile-apps');
      assert.equal(mobile?.memberCount, 1);
      assert.deepEqual(
        mobile?.projects.map((p) => p.slug),
        [server.workspace.project],
      );
      assert.equal((await apiFetch(server.url, link, { method: 'DELETE', as: owner })).status, 200);
      assert.equal((await apiFetch(server.url, project, { method: 'DELETE', as: owner })).status, 200);
      assert.equal((await apiFetch(server.url, `/api/0/teams/${org}/mobile-apps/`, { method: 'DELETE', as: owner })).status, 204);
      assertDetail(await apiFetch(server.url, `/api/0/teams/${org}/mobile-apps/`, { method: 'DELETE', as: owner }), 404);
    });

    it('answers bad input with 400 and a detail', async () => {
      const member = await memberId('plain@acme.test');
      const cases: [string, 'POST' | 'PUT', unknown, RegExp][] = [
        [`/api/0/organizations/${org}/members/`, 'POST', { email: 'not-an-address' }, /email/],
        [`/api/0/organizations/${org}/members/`, 'POST', { email: 'a@b.test', orgRole: 'emperor' }, /orgRole/],
        [`/api/0/organizations/${org}/members/`, 'POST', { email: 'a@b.test', teams: 'backend' }, /teams/],
        [`/api/0/organizations/${org}/members/`, 'POST', { email: 'a@b.test', teams: ['nope'] }, /Unknown team/],
        [`/api/0/organizations/${org}/members/`, 'POST', [1, 2], /JSON object/],
        [`/api/0/organizations/${org}/members/${member}/`, 'PUT', { orgRole: 7 }, /orgRole/],
        [`/api/0/organizations/${org}/teams/`, 'POST', { slug: 'Bad Slug!' }, /slug/],
        [`/api/0/organizations/${org}/teams/`, 'POST', {}, /required/],
      ];
      for (const [path, method, body, detail] of cases)
        assertDetail(await apiFetch(server.url, path, { method, as: owner, body }), 400, detail, `${method} ${path}`);
    });

    it("hides every new route from another organization's admin (404)", async () => {
      const outsider = await addPerson(server, 'outsider@other.test');
      await addOrganization(server, 'other', outsider);
      const them = session(await signIn(server.url, 'outsider@other.test', personPassword));
      const member = await memberId('plain@acme.test');
      const routes: [string, 'GET' | 'POST' | 'PUT' | 'DELETE', unknown?][] = [
        [`/api/0/organizations/${org}/members/`, 'GET'],
        [`/api/0/organizations/${org}/members/`, 'POST', { email: 'sneaky@other.test' }],
        [`/api/0/organizations/${org}/members/${member}/`, 'GET'],
        [`/api/0/organizations/${org}/members/${member}/`, 'PUT', { orgRole: 'member' }],
        [`/api/0/organizations/${org}/members/${member}/`, 'DELETE'],
        [`/api/0/organizations/${org}/members/${member}/teams/backend/`, 'POST'],
        [`/api/0/organizations/${org}/members/${member}/teams/backend/`, 'DELETE'],
        [`/api/0/organizations/${org}/teams/`, 'POST', { slug: 'intruders' }],
        [`/api/0/teams/${org}/backend/`, 'DELETE'],
        [`/api/0/projects/${org}/${server.workspace.project}/teams/backend/`, 'POST'],
        [`/api/0/projects/${org}/${server.workspace.project}/teams/backend/`, 'DELETE'],
        // Their own organization does not reach ours by id either.
        [`/api/0/organizations/other/members/${member}/`, 'GET'],
        [`/api/0/organizations/other/members/${member}/`, 'DELETE'],
      ];
      for (const [path, method, body] of routes)
        assertDetail(await apiFetch(server.url, path, { method, as: them, body }), 404, undefined, `${method} ${path}`);
      assert.equal(
        (await members()).body.some((m) => m.email === 'sneaky@other.test'),
        false,
      );
    });
  });
}
