// Release health from Debian's python3-sentry-sdk (1.9.10) serving web requests: its WSGI
// middleware tracks one request-mode session per request and the SDK sends them as per-minute
// `sessions` aggregates (examples/python/request_sessions.py). The expectations are computed
// from the aggregates the SDK's transport really sent.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { assertAllAnswered2xx, examplePath, pythonSdkUnavailable, runExample, systemPython } from '../ingest/live-clients/example-apps.test-support.js';
import { startTestServer, type TestServer } from '../testing/index.js';

const unavailable = pythonSdkUnavailable();
const release = 'reports-web@2.3.0';
const REQUESTS = { REQUESTS_OK: '6', REQUESTS_HANDLED: '3', REQUESTS_CRASH: '2' };

describe('release health from a real sentry-python WSGI app', () => {
  let server: TestServer | undefined;
  after(async () => {
    await server?.close();
  });

  it('every request is a session of the SDK’s aggregates, a raised one crashed; /sessions/ gives Sentry’s numbers for them', {
    skip: unavailable ?? false,
  }, async () => {
    server = await startTestServer();
    const { summary } = await runExample(systemPython, [examplePath('python/request_sessions.py')], {
      SENTRY_DSN: server.workspace.dsn,
      SENTRY_RELEASE: release,
      SENTRY_ENVIRONMENT: 'production',
      ...REQUESTS,
    });
    assertAllAnswered2xx(
      (summary.statuses as unknown[]).map((s) => (typeof s === 'number' ? s : null)),
      'python request sessions',
    );
    const sent = { sessions: 0, crashed: 0, errored: 0 };
    for (const item of summary.sent as JsonObject[]) {
      if (item.type !== 'sessions') continue;
      const payload = item.payload as JsonObject;
      assert.equal((payload.attrs as JsonObject).release, release);
      for (const a of payload.aggregates as JsonObject[]) {
        const n = (k: string) => Number(a[k] ?? 0);
        sent.sessions += n('exited') + n('errored') + n('crashed') + n('abnormal');
        sent.crashed += n('crashed');
        sent.errored += n('errored') + n('crashed') + n('abnormal');
      }
    }
    const requests = Object.values(REQUESTS).reduce((n, v) => n + Number(v), 0);
    assert.equal(sent.sessions, requests, `one request-mode session per request: ${JSON.stringify(summary.sent)}`);
    assert.equal(sent.crashed, Number(REQUESTS.REQUESTS_CRASH), 'a request that raised out of the app is crashed');

    await server.app.jobs.queue.flush();
    await server.app.jobs.worker.drain();
    const res = await fetch(
      `${server.url}/api/0/organizations/${server.workspace.org}/sessions/?statsPeriod=1h&interval=1h&query=release:${encodeURIComponent(release)}` +
        '&field=sum(session)&field=crash_free_rate(session)&field=count_crashed(session)&field=count_errored(session)',
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    const body = (await res.json()) as { groups: { totals: Record<string, number | null> }[] };
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.deepEqual(body.groups[0]?.totals, {
      'sum(session)': sent.sessions,
      'crash_free_rate(session)': 1 - sent.crashed / sent.sessions,
      'count_crashed(session)': sent.crashed,
      // Sentry's count_errored(session) counts errored sessions that did not crash or end abnormally.
      'count_errored(session)': sent.errored - sent.crashed,
    });
  });
});
