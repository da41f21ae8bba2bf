import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../kernel/index.js';
import {
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  personPassword,
  signIn,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';

explainSkippedPostgres();

function cookieAttributes(setCookie: string): string[] {
  return setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

for (const dialect of testDialects()) {
  describe(`sign-in sessions over HTTP (${dialect})`, () => {
    let server: TestServer;
    let keysPath: string;
    before(async () => {
      server = await startTestServer({ dialect });
      keysPath = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/keys/`;
    });
    after(() => server.close());

    it('sets an HttpOnly, SameSite=Lax session cookie without Secure on http', async () => {
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      const attrs = cookieAttributes(session.setCookie);
      assert.ok(attrs.includes('httponly'), session.setCookie);
      assert.ok(attrs.includes('samesite=lax'), session.setCookie);
      assert.ok(attrs.includes('path=/'), session.setCookie);
      assert.ok(attrs.includes(`max-age=${14 * 24 * 3600}`), session.setCookie);
      assert.equal(attrs.includes('secure'), false, session.setCookie);
      const me = await apiFetch<{ user: { email: string }; csrfToken: string }>(server.url, '/api/0/auth/', { as: { session } });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.email, server.workspace.admin.email);
      assert.equal(me.body.csrfToken, session.csrf);
    });

    it('refuses cookie-authenticated writes without the right X-CSRFToken', async () => {
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      for (const csrf of [null, 'wrong', `${session.csrf}x`]) {
        const res = await apiFetch(server.url, keysPath, { method: 'POST', as: { session, csrf }, body: { name: 'csrf' } });
        assertDetail(res, 403, /CSRF/, `csrf=${csrf}`);
      }
      const created = await apiFetch<{ id: string; name: string }>(server.url, keysPath, { method: 'POST', as: { session }, body: { name: 'with csrf' } });
      assert.equal(created.status, 201);
      const keyPath = `${keysPath}${created.body.id}/`;
      assertDetail(await apiFetch(server.url, keyPath, { method: 'PUT', as: { session, csrf: null }, body: { isActive: false } }), 403, /CSRF/);
      assertDetail(await apiFetch(server.url, keyPath, { method: 'DELETE', as: { session, csrf: 'nope' } }), 403, /CSRF/);
      const stillThere = await server.store.clientKeys.byPublicKey(created.body.id);
      assert.equal(stillThere?.enabled, true, 'refused writes changed nothing');
      assert.equal((await apiFetch(server.url, keyPath, { method: 'PUT', as: { session }, body: { isActive: false } })).status, 200);
      assert.equal((await apiFetch(server.url, keyPath, { method: 'DELETE', as: { session } })).status, 204);
      // Reads need no CSRF token.
      assert.equal((await apiFetch(server.url, keysPath, { as: { session, csrf: null } })).status, 200);
    });

    it('limits failed sign-ins per e-mail: the 6th attempt gets 429 with Retry-After, even with the right password', async () => {
      await addPerson(server, 'limited@example.com', { [server.workspace.org]: 'member' });
      for (let i = 0; i < 5; i++) {
        const res = await apiFetch(server.url, '/api/0/auth/login/', { method: 'POST', body: { email: 'limited@example.com', password: `guess ${i}` } });
        assertDetail(res, 401, /Invalid e-mail or password/);
      }
      const res = await apiFetch(server.url, '/api/0/auth/login/', { method: 'POST', body: { email: 'limited@example.com', password: personPassword } });
      assertDetail(res, 429, /Too many/);
      const retryAfter = Number(res.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `retry-after: ${res.headers.get('retry-after')}`);
      assert.equal(res.headers.get('set-cookie'), null);
      // Other people are not locked out by it.
      await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
    });

    it('answers malformed sign-in requests with 400', async () => {
      assertDetail(await apiFetch(server.url, '/api/0/auth/login/', { method: 'POST', body: { email: 'x@example.com' } }), 400);
      assertDetail(await apiFetch(server.url, '/api/0/auth/login/', { method: 'POST', body: ['x'] }), 400);
    });

    it('signs out server-side: the old cookie stops working', async () => {
      const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
      const idHash = sha256Hex(decodeURIComponent(session.cookie.slice('faultline_session='.length)));
      assert.ok(await server.store.sessions.find(idHash));
      assertDetail(await apiFetch(server.url, '/api/0/auth/', { method: 'DELETE', as: { session, csrf: null } }), 403, /CSRF/);
      const out = await apiFetch(server.url, '/api/0/auth/', { method: 'DELETE', as: { session } });
      assert.equal(out.status, 204);
      assert.ok(cookieAttributes(out.headers.get('set-cookie') ?? '').includes('max-age=0'));
      assert.equal(await server.store.sessions.find(idHash), undefined);
      // A browser that kept the cookie (or a stolen copy) gets nothing.
      assertDetail(await apiFetch(server.url, '/api/0/auth/', { as: { session } }), 401);
      assertDetail(await apiFetch(server.url, '/api/0/organizations/', { as: { session } }), 401);
    });
  });
}

describe('session cookie behind https', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { FAULTLINE_URL: 'https://errors.example.com' } });
  });
  after(() => server.close());

  it('marks the cookie Secure when FAULTLINE_URL is https', async () => {
    const session = await signIn(server.url, server.workspace.admin.email, server.workspace.adminPassword);
    const attrs = cookieAttributes(session.setCookie);
    assert.ok(attrs.includes('secure'), session.setCookie);
    assert.ok(attrs.includes('httponly') && attrs.includes('samesite=lax'), session.setCookie);
    const out = await apiFetch(server.url, '/api/0/auth/', { method: 'DELETE', as: { session } });
    assert.equal(out.status, 204);
    assert.ok(cookieAttributes(out.headers.get('set-cookie') ?? '').includes('secure'));
  });
});
