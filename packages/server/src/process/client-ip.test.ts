// End to end on every database: a browser SDK's `user.ip_address: "{{auto}}"` becomes the
// address ingest saw the request from, and the issue counts that user — unless the project
// scrubs IP addresses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;

for (const dialect of testDialects()) {
  describe(`client IP for {{auto}} (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let base: string;
    before(async () => {
      // Settings are re-read every batch, so the scrubbing change applies to the next event.
      server = await startTestServer({ dialect, env: { FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0' } });
      as = { token: server.workspace.token };
      base = `/api/0/projects/${server.workspace.org}/${server.workspace.project}`;
    });
    after(async () => server.close());

    /** A browser SDK error asking the server to fill in the user's IP; returns its event id once processed. */
    async function sendBrowserEvent(message: string): Promise<string> {
      const id = newEventId();
      const header = { event_id: id, sdk: { name: 'sentry.javascript.browser', version: '11.12.0' } };
      const event = { event_id: id, message, level: 'error', platform: 'javascript', user: { ip_address: '{{auto}}' } };
      const res = await post(server, `${JSON.stringify(header)}\n{"type":"event"}\n${JSON.stringify(event)}`);
      assert.equal(res.status, 200);
      await server.app.jobs.worker.drain(10_000);
      return id;
    }

    async function userOf(eventId: string): Promise<Json | null> {
      const res = await apiFetch<{ user: Json | null }>(server.url, `${base}/events/${eventId}/`, { as });
      assert.equal(res.status, 200);
      return res.body.user;
    }

    async function userCountOf(message: string): Promise<number> {
      const res = await apiFetch<Json[]>(server.url, `${base}/issues/?query=${encodeURIComponent(`"${message}"`)}&statsPeriod=`, { as });
      assert.equal(res.status, 200);
      const issue = res.body.find((i) => i.title === message);
      assert.ok(issue, `an issue titled ${message}`);
      return issue.userCount as number;
    }

    it('fills in the client address and counts the user', async () => {
      const id = await sendBrowserEvent('auto ip kept');
      assert.equal((await userOf(id))?.ip_address, '127.0.0.1');
      assert.equal(await userCountOf('auto ip kept'), 1);
    });

    it('with scrubIpAddresses, stores no address and counts no user', async () => {
      const res = await apiFetch(server.url, `${base}/`, { method: 'PUT', body: { scrubIPAddresses: true }, as });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const id = await sendBrowserEvent('auto ip scrubbed');
      const user = await userOf(id);
      assert.notEqual(user?.ip_address, '127.0.0.1');
      assert.equal(JSON.stringify(user ?? {}).includes('127.0.0.1'), false);
      assert.equal(await userCountOf('auto ip scrubbed'), 0);
    });
  });
}
