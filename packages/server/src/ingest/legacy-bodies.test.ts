import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import { explainSkippedPostgres, newEventId, post, publicKeyOf, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

const csp = {
  'csp-report': { 'document-uri': 'https://shop.example.com/', 'violated-directive': 'script-src', 'blocked-uri': 'https://evil.example.com/x.js' },
};

for (const dialect of testDialects()) {
  describe(`legacy /store/ and /security/ endpoints (${dialect})`, () => {
    let server: TestServer;
    let pid: number;
    before(async () => {
      server = await startTestServer({ dialect });
      pid = server.workspace.projectId;
    });
    after(() => server.close());

    const auth = () => ({ 'x-sentry-auth': `Sentry sentry_key=${publicKeyOf(server)}, sentry_version=7`, 'content-type': 'application/json' });

    it('stores a /store/ event (gzip, plain, or legacy base64 zlib) as one event item and answers its id', async () => {
      const ids = [newEventId(), newEventId(), newEventId()];
      const bodies = [
        gzipSync(JSON.stringify({ event_id: ids[0], message: 'a' })),
        JSON.stringify({ event_id: ids[1], message: 'b' }),
        deflateSync(JSON.stringify({ event_id: ids[2], message: 'c' })).toString('base64'),
      ];
      for (const [i, body] of bodies.entries()) {
        const headers: Record<string, string> = auth();
        if (i === 0) headers['content-encoding'] = 'gzip';
        const res = await post(server, body, { kind: 'store', query: '', headers });
        assert.equal(res.status, 200, await res.clone().text());
        assert.deepEqual(await res.json(), { id: ids[i] });
      }
      const transaction = newEventId();
      assert.equal(
        (await post(server, JSON.stringify({ event_id: transaction, type: 'transaction' }), { kind: 'store', query: '', headers: auth() })).status,
        200,
      );
      const generated = await post(server, JSON.stringify({ message: 'no id' }), { kind: 'store', query: '', headers: auth() });
      const { id } = (await generated.json()) as { id: string };
      assert.match(id, /^[0-9a-f]{32}$/);
      await server.app.jobs.worker.drain();
      for (const eventId of [...ids, id]) assert.equal((await server.store.events.byEventId(pid, eventId))?.type, 'event');
      assert.equal((await server.store.events.byEventId(pid, transaction))?.type, 'transaction');
    });

    it('answers 400 for a /store/ body that is not an event', async () => {
      for (const body of ['[1,2,3]', 'garbage!', JSON.stringify({ event_id: 'not-an-id' })]) {
        const res = await post(server, body, { kind: 'store', query: '', headers: auth() });
        assert.equal(res.status, 400, body);
      }
    });

    it('keeps CSP reports (application/csp-report and application/reports+json) as security items', async () => {
      const single = await post(server, JSON.stringify(csp), {
        kind: 'security',
        query: `?sentry_key=${publicKeyOf(server)}&sentry_release=web%401.0&sentry_environment=prod`,
        headers: { 'content-type': 'application/csp-report' },
      });
      assert.equal(single.status, 201);
      const batch = [
        {
          type: 'csp-violation',
          url: 'https://shop.example.com/',
          body: { documentURL: 'https://shop.example.com/', effectiveDirective: 'img-src', blockedURL: 'https://cdn.example.net/a.png' },
        },
        {
          type: 'csp-violation',
          url: 'https://shop.example.com/b',
          body: { documentURL: 'https://shop.example.com/b', effectiveDirective: 'script-src', blockedURL: 'inline' },
        },
      ];
      const reports = await post(server, JSON.stringify(batch), {
        kind: 'security',
        headers: { 'content-type': 'application/reports+json', origin: 'https://shop.example.com' },
      });
      assert.equal(reports.status, 201);
      assert.equal(reports.headers.get('access-control-allow-origin'), 'https://shop.example.com');
      await server.app.jobs.worker.drain();
      const security = (await server.store.parkedItems.list(pid)).filter((p) => p.type === 'security');
      assert.equal(security.length, 3);
      assert.deepEqual(JSON.parse(Buffer.from(security[0]?.payload ?? []).toString()), csp);
      assert.deepEqual(JSON.parse(security[0]?.itemHeaders ?? '{}'), {
        type: 'security',
        content_type: 'application/csp-report',
        sentry_release: 'web@1.0',
        sentry_environment: 'prod',
        length: Buffer.byteLength(JSON.stringify(csp)),
      });
      assert.deepEqual(JSON.parse(Buffer.from(security[2]?.payload ?? []).toString()), batch[1]);
      const bad = await post(server, '"just a string"', { kind: 'security', headers: { 'content-type': 'application/csp-report' } });
      assert.equal(bad.status, 400);
    });

    it('answers CORS preflights on every ingest path', async () => {
      for (const kind of ['envelope', 'store', 'security']) {
        const res = await fetch(`${server.url}/api/${pid}/${kind}/`, {
          method: 'OPTIONS',
          headers: {
            origin: 'http://localhost:8080',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'x-custom-header, content-type',
          },
        });
        assert.equal(res.status, 200, kind);
        assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8080');
        assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
        assert.equal(res.headers.get('access-control-allow-headers'), 'x-custom-header, content-type');
        assert.equal(res.headers.get('access-control-max-age'), '3600');
      }
    });
  });
}
