// On every database: a project's Allowed Domains (Sentry's `allowedDomains`), set through the
// project API, refuse events and the crash-report dialog from browser pages outside the list
// with 403 — readable by the page, thanks to the CORS headers — and store none of them, while
// allowed pages and server SDKs (no Origin) still send.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, eventEnvelope, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`allowed domains (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let projectPath: string;
    before(async () => {
      server = await startTestServer({ dialect, env: { FAULTLINE_INGEST_KEY_CACHE_TTL_MS: '0' } });
      as = { token: server.workspace.token };
      projectPath = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/`;
    });
    after(() => server.close());

    const setDomains = (allowedDomains: unknown) => apiFetch<Record<string, unknown>>(server.url, projectPath, { method: 'PUT', as, body: { allowedDomains } });
    const send = async (headers: Record<string, string>) => {
      const id = newEventId();
      const res = await post(server, eventEnvelope(id), { headers });
      return { id, res, body: (await res.json()) as { detail?: string } };
    };
    const stored = async (id: string) => {
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      return (await server.store.db.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst()) !== undefined;
    };

    it('shows Sentry’s default, every origin, and takes a list through the project API', async () => {
      const before = await apiFetch<{ allowedDomains: string[] }>(server.url, projectPath, { as });
      assert.deepEqual(before.body.allowedDomains, ['*']);
      const put = await setDomains(['*.shop.example', 'http://localhost:5173']);
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.deepEqual(put.body.allowedDomains, ['*.shop.example', 'http://localhost:5173']);
    });

    it('refuses a page outside the list with 403 and a reason the page can read, and stores nothing of it', async () => {
      const evil = await send({ origin: 'https://evil.example' });
      assert.equal(evil.res.status, 403);
      assert.match(evil.body.detail ?? '', /^event submission rejected with_reason: Origin/);
      assert.equal(evil.res.headers.get('access-control-allow-origin'), 'https://evil.example', 'the browser may read the refusal');
      assert.equal(await stored(evil.id), false);
      const byReferer = await send({ referer: 'https://evil.example/checkout' });
      assert.equal(byReferer.res.status, 403);
      const wrongPort = await send({ origin: 'http://localhost:5174' });
      assert.equal(wrongPort.res.status, 403);
      const sandboxed = await send({ origin: 'null' });
      assert.equal(sandboxed.res.status, 403);
    });

    it('accepts pages in the list and requests without an origin (server SDKs), and stores them', async () => {
      const pages: Record<string, string>[] = [
        { origin: 'https://app.shop.example' },
        { origin: 'https://shop.example' },
        { referer: 'http://localhost:5173/cart' },
        {},
      ];
      for (const headers of pages) {
        const ok = await send(headers);
        assert.equal(ok.res.status, 200, `${JSON.stringify(headers)}: ${JSON.stringify(ok.body)}`);
        assert.equal(await stored(ok.id), true, JSON.stringify(headers));
      }
    });

    it('refuses the crash-report dialog on a page outside the list', async () => {
      const query = new URLSearchParams({ dsn: server.workspace.dsn, eventId: newEventId() });
      const url = `${server.url}/api/embed/error-page/?${query}`;
      const refused = await fetch(url, { headers: { origin: 'https://evil.example' } });
      assert.equal(refused.status, 403);
      assert.match(((await refused.json()) as { detail: string }).detail, /Allowed Domains/);
      const allowed = await fetch(url, { headers: { origin: 'https://app.shop.example' } });
      assert.equal(allowed.status, 200);
      assert.match(allowed.headers.get('content-type') ?? '', /javascript/);
    });

    it('refuses an empty list with Sentry’s words and an entry that is no domain; * returns to the default', async () => {
      const empty = await setDomains([]);
      assert.equal(empty.status, 400);
      assert.match(JSON.stringify(empty.body), /Empty value will block all requests, use \* to accept from all domains/);
      const path = await setDomains(['https://shop.example/checkout']);
      assert.equal(path.status, 400);
      assert.match(JSON.stringify(path.body), /not a path/);
      const reset = await setDomains(['*']);
      assert.deepEqual(reset.body.allowedDomains, ['*']);
      assert.equal((await send({ origin: 'https://evil.example' })).res.status, 200);
    });
  });
}
