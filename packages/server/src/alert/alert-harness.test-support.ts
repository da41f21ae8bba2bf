import assert from 'node:assert/strict';
import { createManualClock, type ManualClock } from '../kernel/index.js';
import { type ApiRequest, type ApiResponse, apiFetch, type DialectName, newEventId, post, startTestServer, type TestServer } from '../testing/index.js';

/**
 * A real server on a manual clock whose ingest worker, scheduler and alert loops run only when a
 * test says so: events go over HTTP, `process()` runs the pipeline (and with it issue
 * rule evaluation) and then the delivery worker, so each step's effect is visible.
 */
export interface AlertHarness {
  server: TestServer;
  clock: ManualClock;
  api<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>>;
  /** sends one error event to the workspace project (or `projectId` with `key`) */
  send(payload: Record<string, unknown>, target?: { projectId: number; key: string }): Promise<string>;
  /** runs the ingest worker until the queue is empty, then delivers what is due */
  process(): Promise<void>;
  close(): Promise<void>;
}

export const harnessStart = Date.UTC(2026, 10, 21, 15, 0, 0);

export async function startAlertHarness(dialect: DialectName, env: Record<string, string> = {}): Promise<AlertHarness> {
  const clock = createManualClock(harnessStart);
  const server = await startTestServer({
    dialect,
    clock,
    env: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false', FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0', ...env },
  });
  // The loops stay off, but alerting's scheduled tasks are there for `scheduler.tick()`, as in a process with alerting on.
  if (!server.config.alertsEnabled) for (const task of server.app.alerting.tasks) server.app.jobs.scheduler.add(task);
  const token = server.workspace.token;
  return {
    server,
    clock,
    api: (path, request = {}) => apiFetch(server.url, path, { as: { token }, ...request }),
    async send(payload, target) {
      const eventId = newEventId();
      const header = JSON.stringify({ event_id: eventId, sent_at: new Date(clock.now()).toISOString() });
      const body = `${header}\n{"type":"event"}\n${JSON.stringify({ platform: 'node', level: 'error', ...payload, event_id: eventId })}`;
      const res = await post(server, body, target ? { projectId: target.projectId, query: `?sentry_key=${target.key}` } : {});
      assert.equal(res.status, 200, await res.text());
      return eventId;
    },
    async process() {
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      await server.app.alerting.deliveries.drain();
    },
    close: () => server.close(),
  };
}
