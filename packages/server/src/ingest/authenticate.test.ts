import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventEnvelope, explainSkippedPostgres, newEventId, post, publicKeyOf, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

const ttlMs = 300;

async function detail(res: Response): Promise<string> {
  return ((await res.json()) as { detail: string }).detail;
}

for (const dialect of testDialects()) {
  describe(`ingest authentication (${dialect})`, () => {
    let server: TestServer;
    let key: string;
    let pid: number;
    before(async () => {
      server = await startTestServer({ dialect, env: { FAULTLINE_INGEST_KEY_CACHE_TTL_MS: String(ttlMs) } });
      key = publicKeyOf(server);
      pid = server.workspace.projectId;
    });
    after(() => server.close());

    it('accepts the key from the query string, X-Sentry-Auth, Authorization: Sentry and Authorization: Basic', async () => {
      const ways: [string, Parameters<typeof post>[2]][] = [
        ['query', {}],
        ['x-sentry-auth', { query: '', headers: { 'x-sentry-auth': `Sentry sentry_key=${key}, sentry_version=7, sentry_client=sentry.python/1.9.10` } }],
        ['authorization sentry', { query: '', headers: { authorization: `Sentry sentry_key=${key}, sentry_version=7` } }],
        ['authorization basic', { query: '', headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` } }],
      ];
      for (const [name, options] of ways) {
        const id = newEventId();
        const res = await post(server, eventEnvelope(id), options);
        assert.equal(res.status, 200, `${name}: ${await res.clone().text()}`);
        assert.deepEqual(await res.json(), { id }, name);
      }
    });

    it('accepts a tunnelled envelope whose only credential is the dsn header, for the project it names', async () => {
      const id = newEventId();
      const dsn = server.workspace.dsn;
      const body = `{"event_id":"${id}","dsn":"${dsn}"}\n{"type":"event"}\n{"message":"via tunnel"}`;
      const res = await post(server, body, { query: '' });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { id });
      const other = dsn.replace(/\/(\d+)$/, (_m, n: string) => `/${Number(n) + 1000}`);
      const foreign = await post(server, `{"dsn":"${other}"}\n{"type":"event"}\n{}`, { query: '' });
      assert.equal(foreign.status, 403);
      const broken = await post(server, '{"dsn":"not a dsn"}\n{"type":"event"}\n{}', { query: '' });
      assert.equal(broken.status, 401);
    });

    it('prefers headers over the query string', async () => {
      const res = await post(server, eventEnvelope(), {
        query: '?sentry_key=0000000000000000000000000000dead',
        headers: { 'x-sentry-auth': `Sentry sentry_key=${key}` },
      });
      assert.equal(res.status, 200);
    });

    it('answers 401 without credentials, with CORS headers and X-Sentry-Error', async () => {
      const res = await post(server, eventEnvelope(), { query: '', headers: { origin: 'http://localhost:8080' } });
      assert.equal(res.status, 401);
      assert.equal(await detail(res), 'missing authorization information');
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8080');
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /x-sentry-rate-limits/);
      assert.equal(res.headers.get('x-sentry-error'), 'missing authorization information');
      const malformed = await post(server, eventEnvelope(), { query: '', headers: { 'x-sentry-auth': 'Sentry sentry_version=7' } });
      assert.equal(malformed.status, 401);
    });

    it('rejects unknown keys, keys of another project and a project id that is not the key’s with 403', async () => {
      const unknown = await post(server, eventEnvelope(), { query: '?sentry_key=0123456789abcdef0123456789abcdef' });
      assert.equal(unknown.status, 403);
      assert.match(await detail(unknown), /unknown public key/);
      const org = await server.store.organizations.bySlug(server.workspace.org);
      assert.ok(org);
      const otherProject = await server.store.projects.create({ orgId: org.id, slug: `other-${dialect}`, name: 'Other', platform: null });
      const otherKey = await server.store.clientKeys.create(otherProject.id, 'other');
      const foreignKey = await post(server, eventEnvelope(), { query: `?sentry_key=${otherKey.publicKey}` });
      assert.equal(foreignKey.status, 403);
      assert.match(await detail(foreignKey), /another project/);
      const wrongPath = await post(server, eventEnvelope(), { projectId: otherProject.id });
      assert.equal(wrongPath.status, 403);
      const notANumber = await fetch(`${server.url}/api/abc/envelope/?sentry_key=${key}`, { method: 'POST', body: eventEnvelope() });
      assert.equal(notANumber.status, 400);
    });

    it('stops accepting a disabled key within the cache TTL, and accepts it again once re-enabled', async () => {
      const created = await server.store.clientKeys.create(pid, 'rotating');
      const options = { query: `?sentry_key=${created.publicKey}` };
      assert.equal((await post(server, eventEnvelope(), options)).status, 200);
      await server.store.clientKeys.update(pid, created.id, { enabled: false });
      const disabledAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - disabledAt < ttlMs + 2000) {
        status = (await post(server, eventEnvelope(), options)).status;
        if (status === 200) await sleep(20);
      }
      assert.equal(status, 403);
      assert.ok(Date.now() - disabledAt <= ttlMs + 500, `took ${Date.now() - disabledAt} ms`);
      const rejected = await post(server, eventEnvelope(), options);
      assert.match(await detail(rejected), /DisabledKey/);
      await server.store.clientKeys.update(pid, created.id, { enabled: true });
      await sleep(ttlMs + 50);
      assert.equal((await post(server, eventEnvelope(), options)).status, 200);
    });
  });
}
