// examples/node/cron-job.mjs with the real @sentry/node 8.x and 11.x against a real server:
// `withMonitor` around a job that throws. The run is one check-in whose final status is
// `error`, with the trace of the error event captured inside the run, and the cron issue it
// opens (failure_issue_threshold 1) names that error.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatShortId } from '../../issues/index.js';
import { startTestServer, type TestServer } from '../../testing/index.js';
import { assertAllAnswered2xx, examplePath, runExample } from './example-apps.test-support.js';
import { arrayAt, at } from './stored-items.test-support.js';

const sdks = [
  { title: '@sentry/node 8.x', sdk: 'sentry-node-8', version: /^8\./ },
  { title: '@sentry/node 11.x', sdk: 'sentry-node-11', version: /^11\./ },
];

describe('live @sentry/node withMonitor around a job that throws', { concurrency: true }, () => {
  const servers: TestServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  for (const c of sdks) {
    it(`${c.title}: the check-in is error and linked by trace to the error event`, async () => {
      const server = await startTestServer();
      servers.push(server);
      const { summary } = await runExample(process.execPath, [examplePath('node/cron-job.mjs')], { SENTRY_DSN: server.workspace.dsn, SENTRY_PACKAGE: c.sdk });
      assert.match(String(at(summary, 'sdkVersion')), c.version);
      assert.equal(at(summary, 'flushed'), true);
      const sent = arrayAt(summary, 'sent');
      assertAllAnswered2xx(
        sent.map((s) => at(s, 'status') as number | null),
        c.title,
        sent,
      );
      const errorId = String(at(summary, 'errorId')).replace(/-/g, '');
      const store = server.store;
      const org = await store.organizations.bySlug(server.workspace.org);
      assert.ok(org);

      // The worker runs in the background: wait (briefly, real time) for the finished run.
      let runs: Awaited<ReturnType<typeof store.monitorCheckIns.list>> = [];
      let monitorId = 0;
      for (let waited = 0; waited < 10_000; waited += 50) {
        const monitor = await store.monitors.get(org.id, 'invoice-sync');
        if (monitor !== undefined) {
          monitorId = monitor.id;
          runs = await store.monitorCheckIns.list({ monitorId, limit: 10 });
          if (runs.length > 0 && runs.every((r) => r.status !== 'in_progress')) break;
        }
        await sleep(50);
      }
      assert.deepEqual(
        runs.map((r) => r.status),
        ['error'],
        `${c.title}: in_progress and error are one run`,
      );
      const run = runs[0];
      assert.ok(run?.traceId, `${c.title}: the check-in carries a trace`);
      const error = await store.db
        .selectFrom('event_traces')
        .innerJoin('issues', 'issues.id', 'event_traces.issue_id')
        .select(['event_traces.trace_id', 'issues.short_id'])
        .where('event_traces.event_id', '=', errorId)
        .executeTakeFirst();
      assert.ok(error, `${c.title}: the error event ${errorId} was stored with its trace`);
      assert.equal(run.traceId, error.trace_id, `${c.title}: the check-in and the error event share the trace`);

      const cron = await store.db
        .selectFrom('issues')
        .select(['title', 'culprit'])
        .where('title', '=', 'Cron failure: invoice-sync — check-in error')
        .executeTakeFirst();
      assert.ok(cron, `${c.title}: the failed run opened a cron issue`);
      assert.match(cron.culprit, new RegExp(` · error ${formatShortId(server.workspace.project, error.short_id)}$`), cron.culprit);
    });
  }
});
