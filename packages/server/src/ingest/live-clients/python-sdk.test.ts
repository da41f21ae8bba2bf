import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parseMonitorConfig } from '../../monitors/index.js';
import { startTestServer, type TestServer } from '../../testing/index.js';
import {
  assertCheckIn,
  assertError,
  assertExitedSession,
  assertMessage,
  assertPerformanceRow,
  assertScope,
  assertTransaction,
  storedEvent,
  type Tagged,
} from './assert-stored.test-support.js';
import { assertAllAnswered2xx, examplePath, pythonSdkUnavailable, runExample, systemPython } from './example-apps.test-support.js';
import { arrayAt, at, describeStored, nonAcceptedOutcomes, waitForStored } from './stored-items.test-support.js';

// examples/python/app.py with Debian's python3-sentry-sdk (1.9.10): errors and
// messages go to the legacy /store/ endpoint, everything else in gzip'd envelopes
// with X-Sentry-Auth (docs/ingest.md › Endpoints; captures [py/*]).

const expected: Tagged = { release: 'worker@3.1.0', environment: 'staging' };
const unavailable = pythonSdkUnavailable();

describe('live sentry-python client', () => {
  let server: TestServer | undefined;
  after(async () => {
    await server?.close();
  });

  it('errors, message, transaction, session, check-in and user report are stored', { skip: unavailable ?? false }, async () => {
    server = await startTestServer();
    // sentry_sdk 1.9 sends no monitor_config: the monitor exists beforehand, as Sentry requires (created in the UI or API).
    const org = await server.store.organizations.bySlug(server.workspace.org);
    const config = parseMonitorConfig({ schedule: '0 3 * * *' });
    assert.ok(org && config.ok);
    await server.store.monitors.create({
      orgId: org.id,
      projectId: server.workspace.projectId,
      slug: 'nightly-export',
      name: 'Nightly export',
      config: config.config,
    });
    const { summary } = await runExample(systemPython, [examplePath('python/app.py')], {
      SENTRY_DSN: server.workspace.dsn,
      SENTRY_RELEASE: expected.release,
      SENTRY_ENVIRONMENT: expected.environment,
    });
    const statuses = arrayAt(summary, 'statuses').map((s) => (typeof s === 'number' ? s : null));
    // 2 store requests, transaction, session, check-in, user report
    assert.equal(statuses.length, 6, `python sent ${statuses.length} requests: ${JSON.stringify(summary)}`);
    assertAllAnswered2xx(statuses, 'python');

    const errorId = at(summary, 'errorId');
    const checkInId = String(at(summary, 'checkInId'));
    const stored = await waitForStored(
      server,
      (s) =>
        [errorId, at(summary, 'messageId')].every((id) => typeof id === 'string' && s.byEventId(id) !== undefined) &&
        s.ofType('transaction').length > 0 &&
        s.health.some((x) => x.sessions > 0) &&
        s.ofType('check_in').some((c) => at(c.payload, 'status') === 'ok') &&
        s.ofType('user_report').length > 0,
      'python',
    );

    const error = storedEvent(stored, errorId, 'event', 'python');
    assertError(
      error,
      { ...expected, type: 'AttributeError', value: /'NoneType' object has no attribute 'charge'/, thrownBy: 'charge_credit_card' },
      'python error',
    );
    assertScope(error, 'user signed in', 'python error');
    assert.equal(at(error.payload, 'platform'), 'python');
    const frame = arrayAt(error.payload, 'exception', 'values', 0, 'stacktrace', 'frames').find((f) => at(f, 'function') === 'charge_credit_card');
    assert.equal(at(frame, 'context_line'), '    return card.charge(amount)', 'python sends source context');

    const message = storedEvent(stored, at(summary, 'messageId'), 'event', 'python');
    assertMessage(message, { ...expected, message: 'Nightly export finished with warnings', level: 'warning' }, 'python message');

    assertTransaction(stored, { ...expected, name: 'process-order', op: 'task', children: ['SELECT * FROM orders', 'render receipt'] }, 'python transaction');
    await assertPerformanceRow(server, { name: 'process-order', op: 'task' }, 'python performance');

    // sentry_sdk 1.9 sends its exited update without a duration, so there is no duration to count.
    const session = assertExitedSession(stored, { ...expected, minErrors: 1, did: 'user-42', withDuration: false }, 'python session');
    // Python's hyphenated sid: its updates still count as one session, errored once.
    assert.deepEqual([session.sessions, session.erroredAll, session.crashed], [1, 1, 0], 'python session counted once, errored by the captured exception');

    const [checkIn] = assertCheckIn(stored, { ...expected, slug: 'nightly-export', checkInId, statuses: ['ok'] }, 'python');
    assert.equal(at(checkIn, 'duration'), 1.5);

    const reports = stored.ofType('user_report');
    assert.equal(reports.length, 1, 'python user report');
    const report = reports[0]?.payload;
    assert.equal(at(report, 'event_id'), errorId, 'the user report names the error');
    assert.equal(at(report, 'comments'), 'The checkout button does nothing');
    assert.equal(at(report, 'email'), 'jane@example.com');

    assert.deepEqual(await nonAcceptedOutcomes(server), [], `python: outcomes other than accepted; stored: ${describeStored(stored)}`);
  });
});
