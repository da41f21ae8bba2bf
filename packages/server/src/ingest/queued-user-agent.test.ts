// Ingest keeps the request's User-Agent with a queued envelope only when it holds log items,
// which read it for the line's browser (docs/logs.md › What is stored), and cuts it to 512 characters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventEnvelope, explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`the User-Agent kept with queued envelopes (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      // No worker: the rows stay in the queue to be read.
      server = await startTestServer({ dialect, env: { FAULTLINE_WORKER_ENABLED: 'false' } });
    });
    after(() => server.close());

    it('keeps it for an envelope with log items only, cut to 512 characters', async () => {
      const chrome = `Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36 ${'x'.repeat(600)}`;
      const log = `{}\n{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}\n${JSON.stringify({ items: [{ timestamp: Date.now() / 1000, level: 'info', body: 'hi' }] })}\n`;
      assert.equal((await post(server, eventEnvelope(), { headers: { 'user-agent': chrome } })).status, 200);
      assert.equal((await post(server, log, { headers: { 'user-agent': chrome } })).status, 200);
      await server.app.jobs.queue.flush();
      const rows = await server.store.db.selectFrom('ingest_queue').select(['items', 'client_user_agent']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => [JSON.parse(r.items)[0][1], r.client_user_agent]),
        [
          ['event', null],
          ['log', chrome.slice(0, 512)],
        ],
      );
    });
  });
}
