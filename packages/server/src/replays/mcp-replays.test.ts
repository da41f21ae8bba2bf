// The real Sentry MCP server (@sentry/mcp-server 0.39, over stdio) reading a replay Faultline
// stored from the browser SDK's envelopes: `get_replay_details` (reached through
// `execute_sentry_tool`) fetches the replay, then its recording segments by numeric project
// id, and summarises them; `search_events` with the replays dataset runs the replay search. Its zod schemas refuse anything but Sentry's shapes, so an answer
// at all is part of what is tested; the rest is the replay's text the assistant reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { capturedReplayBody, newEventId, replaySegment } from '../process/replays/replay-envelopes.test-support.js';
import { explainSkippedPostgres, type McpSession, post, startMcpSession, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

const CAPTURED_REPLAY = '99c65bb420fc4ed7a5b59c3915a4df7f';

for (const dialect of testDialects()) {
  describe(`the Sentry MCP server reads replays (${dialect})`, () => {
    let server: TestServer;
    let mcp: McpSession;
    const replayId = newEventId();

    before(async () => {
      server = await startTestServer({ dialect });
      const send = async (body: Uint8Array) => assert.equal((await post(server, body)).status, 200);
      await send(capturedReplayBody());
      const start = Date.now() / 1000 - 120;
      await send(
        replaySegment({
          replayId,
          segmentId: 0,
          startedAt: start,
          timestamp: start + 42,
          event: { urls: ['http://shop.test/checkout'], user: { email: 'ada@example.com' } },
          events: [
            { type: 4, timestamp: start * 1000, data: { href: 'http://shop.test/checkout', width: 1280, height: 720 } },
            {
              type: 5,
              timestamp: start * 1000 + 500,
              data: { tag: 'breadcrumb', payload: { timestamp: start + 0.5, type: 'default', category: 'ui.click', message: 'button#pay-now' } },
            },
            {
              type: 5,
              timestamp: start * 1000 + 900,
              data: { tag: 'breadcrumb', payload: { timestamp: start + 0.9, type: 'default', category: 'console', message: 'payment gateway timed out' } },
            },
          ],
        }),
      );
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('get_replay_details summarises the replay and what its recording shows', async () => {
      const text = await mcp.execute('get_replay_details', { organizationSlug: server.workspace.org, replayId });
      assert.match(text, new RegExp(`Replay ${replayId}`));
      assert.match(text, /\*\*Duration\*\*: 42s/);
      assert.match(text, /\*\*URLs\*\*: http:\/\/shop\.test\/checkout/);
      assert.match(text, /\*\*User\*\*: ada@example\.com/);
      assert.match(text, /\*\*Recording Segments\*\*: 1/);
      // Read from the downloaded segments: the click and the console breadcrumb in the recording.
      assert.match(text, /button\\?#pay-now/);
      assert.match(text, /payment gateway timed out/);
    });

    it('search_events on the replays dataset runs the replay search', async () => {
      const text = await mcp.call('search_events', {
        organizationSlug: server.workspace.org,
        dataset: 'replays',
        query: 'user.email:ada@example.com',
        limit: 10,
      });
      assert.match(text, /Found \*\*1\*\* replay/);
      assert.match(text, new RegExp(`\\[${replayId}\\]`));
      assert.match(text, /\*\*Duration\*\*: 42s/);
      assert.doesNotMatch(text, new RegExp(CAPTURED_REPLAY), 'the search filtered the other replay out');
    });

    it('a dashed replay id and the SDK’s own capture work too', async () => {
      const dashed = `${CAPTURED_REPLAY.slice(0, 8)}-${CAPTURED_REPLAY.slice(8, 12)}-${CAPTURED_REPLAY.slice(12, 16)}-${CAPTURED_REPLAY.slice(16, 20)}-${CAPTURED_REPLAY.slice(20)}`;
      const text = await mcp.execute('get_replay_details', { organizationSlug: server.workspace.org, replayId: dashed });
      assert.match(text, /\*\*Errors\*\*: 2/);
      assert.match(text, /Event `c48d945665cc40a6a610ceaa739fad47`/);
      assert.match(text, /Trace `882218432bf5455099dbfb1c0b563d1c`/);
      assert.match(text, /\*\*Release\*\*: myapp@1\.2\.3/);
      assert.match(text, /\*\*Replay Type\*\*: buffer/);
      assert.match(text, /checkout clicked/);
    });
  });
}
