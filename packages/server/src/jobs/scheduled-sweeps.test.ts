// The sweeps run on the one scheduler whether or not alerting is enabled. With
// FAULTLINE_ALERTS_ENABLED=false the scheduler used to live in alerting and never started,
// so batches left behind were not post-processed and timed ignores did not end. Here the
// background loop itself runs them (no manual tick); the injected clock decides what is due.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { METRIC_TASK } from '../alert/index.js';
import { createManualClock } from '../kernel/index.js';
import { PENDING_RECOVERY } from '../process/index.js';
import { type ApiRequest, apiFetch, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { IGNORE_EXPIRY, RETENTION } from './index.js';

explainSkippedPostgres();

const minute = 60_000;

/** Waits (real time, briefly) for the background loop to have done something. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (await check()) return;
    await sleep(20);
  }
  assert.fail(`the background scheduler did not get to it: ${what}`);
}

for (const dialect of testDialects()) {
  describe(`sweeps with alerting disabled (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 0, 0));
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock, env: { FAULTLINE_ALERTS_ENABLED: 'false', FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0' } });
    });
    after(() => server.close());

    const task = (name: string) => server.store.alerts.scheduledTasks.byName(name);
    const api = <T>(path: string, init: ApiRequest = {}) => apiFetch<T>(server.url, path, { as: { token: server.workspace.token }, ...init });
    const issues = () => `/api/0/projects/${server.workspace.org}/${server.workspace.project}/issues/`;

    async function processed(message: string): Promise<string> {
      const eventId = newEventId();
      const body = `{}\n{"type":"event"}\n${JSON.stringify({ event_id: eventId, message, level: 'error', platform: 'node' })}`;
      assert.equal((await post(server, body)).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      return eventId;
    }

    it('the scheduler starts with the server and runs the sweeps, but not alerting’s tasks', async () => {
      for (const name of [PENDING_RECOVERY.task, IGNORE_EXPIRY.task, RETENTION.task]) {
        await eventually(`${name} ran once at start`, async () => (await task(name))?.lastFinishedAt != null);
      }
      assert.equal(await task(METRIC_TASK), undefined, 'no metric evaluation where alerting is disabled');
    });

    it('runs the post-process recovery sweep for a batch whose hooks failed', async () => {
      let failures = 1;
      const seen: string[] = [];
      server.app.postProcessHooks.push((results) => {
        if (failures-- > 0) throw new Error('hook unavailable');
        seen.push(...results.map((r) => r.eventId));
      });
      const eventId = await processed('Left for the sweep');
      assert.equal(await server.store.postProcessPending.count(), 1, 'the failed post-process stays owed');
      assert.deepEqual(seen, []);

      clock.advance(PENDING_RECOVERY.graceMs + PENDING_RECOVERY.everyMs);
      server.app.jobs.scheduler.notify();
      await eventually('the pending batch was swept', async () => (await server.store.postProcessPending.count()) === 0);
      assert.deepEqual(seen, [eventId]);
    });

    it('runs the ignore-expiry sweep: an issue ignored for 30 minutes comes back', async () => {
      await processed('Ignored for a while');
      const list = await api<{ id: string; title: string }[]>(`${issues()}?query=`);
      const issue = list.body.find((i) => i.title === 'Ignored for a while');
      assert.ok(issue);
      const put = await api(`${issues()}?id=${issue.id}`, { method: 'PUT', body: { status: 'ignored', statusDetails: { ignoreDuration: 30 } } });
      assert.equal(put.status, 200);
      const status = async () => (await api<{ status: string }>(`/api/0/issues/${issue.id}/`)).body.status;
      assert.equal(await status(), 'ignored');

      clock.advance(30 * minute + IGNORE_EXPIRY.everyMs);
      server.app.jobs.scheduler.notify();
      await eventually('the ignore ended', async () => (await status()) === 'unresolved');
    });
  });

  describe(`an ingest-only process without alerting (${dialect})`, () => {
    it('runs no background work', async () => {
      const server = await startTestServer({ dialect, env: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' } });
      try {
        // A started scheduler records its first run of every task at once.
        await sleep(200);
        assert.equal(await server.store.alerts.scheduledTasks.byName(PENDING_RECOVERY.task), undefined);
      } finally {
        await server.close();
      }
    });
  });
}
