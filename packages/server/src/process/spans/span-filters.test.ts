import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

// A real @sentry/node 11 span container: segment `process-batch` of release myapp@1.2.3 with two child spans.
const CAPTURE = new URL('../../../test-fixtures/sentry-node-11.12.0/016-spans--envelope-span.txt', import.meta.url);
const SENT = (() => {
  const raw = readFileSync(CAPTURE, 'utf8');
  return raw.slice(raw.indexOf('\n\n') + 2);
})();
const SPANS_IN_CAPTURE = 3;

/** The capture with its trace and span ids renewed (so each copy is a new segment), segment renamed and release replaced. */
function variant(n: number, segmentName: string, release: string): string {
  const hex = n.toString(16).padStart(4, '0');
  return SENT.replaceAll('7fd4064d7b3d4abeb0cc1cb359a9a9d3', `${hex}${'7fd4064d7b3d4abeb0cc1cb359a9'}`)
    .replaceAll('"process-batch"', JSON.stringify(segmentName))
    .replaceAll('myapp@1.2.3', release);
}

for (const dialect of testDialects()) {
  describe(`streamed spans meet the project's inbound filters (${dialect})`, () => {
    let server: TestServer;
    let pid: number;

    before(async () => {
      // settings are read anew for every batch, so the last test can turn a filter off
      server = await startTestServer({ dialect, env: { FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0' } });
      pid = server.workspace.projectId;
      await server.store.projects.updateSettings(pid, { inboundFilters: { releases: ['*@0.9-*'], healthChecks: true } });
    });
    after(() => server.close());

    async function send(body: string): Promise<void> {
      assert.equal((await post(server, body)).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    }

    async function spanOutcomes(outcome: string, reason: string): Promise<number> {
      const rows = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: [outcome],
        reasons: [reason],
        categories: ['span'],
      });
      return rows.reduce((n, r) => n + r.quantity, 0);
    }

    async function storedSegments(name: string): Promise<number> {
      const row = await server.store.db
        .selectFrom('trace_segments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', pid)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    it('drops a streamed health-check segment with every span of it, counted as filtered-transaction', async () => {
      await send(variant(1, 'GET /healthz', 'myapp@1.2.3'));
      assert.equal(await spanOutcomes('filtered', 'filtered-transaction'), SPANS_IN_CAPTURE);
      assert.equal(await storedSegments('GET /healthz'), 0);
    });

    it('drops a segment of a filtered release, and keeps the same segment of another release', async () => {
      await send(variant(2, 'process-batch', 'myapp@0.9-rc1'));
      assert.equal(await spanOutcomes('filtered', 'release-version'), SPANS_IN_CAPTURE);
      assert.equal(await storedSegments('process-batch'), 0);
      const acceptedBefore = await spanOutcomes('accepted', '');
      await send(variant(3, 'process-batch', 'myapp@1.2.3'));
      assert.equal(await storedSegments('process-batch'), 1);
      assert.equal((await spanOutcomes('accepted', '')) - acceptedBefore, SPANS_IN_CAPTURE);
    });

    it('keeps health checks when the project turned that filter off', async () => {
      await server.store.projects.updateSettings(pid, { inboundFilters: { healthChecks: false } });
      await send(variant(4, 'GET /healthz', 'myapp@1.2.3'));
      assert.equal(await storedSegments('GET /healthz'), 1);
    });
  });
}
