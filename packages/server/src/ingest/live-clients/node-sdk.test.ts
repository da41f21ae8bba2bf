import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { startTestServer, type TestServer } from '../../testing/index.js';
import {
  assertCheckIn,
  assertError,
  assertExitedSession,
  assertMessage,
  assertReleaseAndEnvironment,
  assertScope,
  assertStreamedSpans,
  assertTransaction,
  storedEvent,
  type Tagged,
} from './assert-stored.test-support.js';
import { assertAllAnswered2xx, examplePath, runExample } from './example-apps.test-support.js';
import { arrayAt, at, describeStored, nonAcceptedOutcomes, type Stored, waitForStored } from './stored-items.test-support.js';

// examples/node/app.mjs with the real @sentry/node (8.x and 11.x, npm aliases)
// against a real server: every kind of item a Node app sends must be stored.

interface NodeCase {
  title: string;
  sdk: 'sentry-node-8' | 'sentry-node-11';
  lifecycle?: 'static' | 'stream';
  /** how tracing data arrives: classic transaction events or span v2 containers */
  tracing: 'transaction' | 'span';
}

const cases: NodeCase[] = [
  { title: '@sentry/node 8.x', sdk: 'sentry-node-8', tracing: 'transaction' },
  { title: '@sentry/node 11.x (streamed spans, the default)', sdk: 'sentry-node-11', tracing: 'span' },
  { title: '@sentry/node 11.x with traceLifecycle "static"', sdk: 'sentry-node-11', lifecycle: 'static', tracing: 'transaction' },
];

const expected: Tagged = { release: 'checkout@2.4.1', environment: 'staging' };

describe('live @sentry/node clients', { concurrency: true }, () => {
  const servers: TestServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  for (const c of cases) {
    it(`${c.title}: errors, message, tracing, session, check-ins and feedback are stored`, async () => {
      const server = await startTestServer();
      servers.push(server);
      const { summary } = await runExample(process.execPath, [examplePath('node/app.mjs')], {
        SENTRY_DSN: server.workspace.dsn,
        SENTRY_PACKAGE: c.sdk,
        SENTRY_RELEASE: expected.release,
        SENTRY_ENVIRONMENT: expected.environment,
        ...(c.lifecycle ? { SENTRY_TRACE_LIFECYCLE: c.lifecycle } : {}),
      });
      const ctx = `${c.title}`;
      const sent = arrayAt(summary, 'sent');
      assertAllAnswered2xx(
        sent.map((s) => (typeof at(s, 'status') === 'number' ? (at(s, 'status') as number) : null)),
        ctx,
        sent,
      );
      assert.equal(at(summary, 'flushed'), true, `${ctx}: the SDK did not flush everything`);

      const stored = await waitForStored(server, (s) => complete(s, summary, c), ctx);
      const error = storedEvent(stored, at(summary, 'errorId'), 'event', ctx);
      assertError(error, { ...expected, type: 'TypeError', value: /^cannot charge 42: card is undefined$/, thrownBy: 'chargeCreditCard' }, `${ctx} error`);
      assertScope(error, 'user signed in', `${ctx} error`);
      assert.equal(at(error.payload, 'exception', 'values', 0, 'mechanism', 'handled'), true, `${ctx}: handled`);
      assert.equal(at(error.payload, 'extra', 'cart_items'), 3, `${ctx}: extra`);
      assert.equal(at(error.payload, 'server_name'), 'example-host', `${ctx}: server_name`);

      const message = storedEvent(stored, at(summary, 'messageId'), 'event', ctx);
      assertMessage(message, { ...expected, message: 'Nightly export finished with warnings', level: 'warning' }, `${ctx} message`);

      const children = ['SELECT * FROM orders', 'render receipt'];
      if (c.tracing === 'transaction') assertTransaction(stored, { ...expected, name: 'process-order', op: 'task', children }, `${ctx} transaction`);
      else assertStreamedSpans(stored, { ...expected, segment: 'process-order', children }, `${ctx} spans`);

      assertExitedSession(stored, { ...expected, minErrors: 1, did: 'user-42' }, `${ctx} session`);

      const nightly = assertCheckIn(stored, { ...expected, slug: 'nightly-export', checkInId: String(at(summary, 'checkInId')), statuses: ['ok'] }, ctx);
      // The monitor was upserted from the opening check-in's monitor_config.
      const opening = nightly[0];
      assert.deepEqual(at(opening, 'monitor_config', 'schedule'), { type: 'crontab', value: '0 3 * * *' }, `${ctx}: monitor_config`);
      assert.equal(at(opening, 'monitor_config', 'checkin_margin'), 5, `${ctx}: checkin_margin`);
      assert.equal(
        at(
          nightly.find((p) => at(p, 'status') === 'ok'),
          'duration',
        ),
        1.5,
        `${ctx}: duration`,
      );
      assertCheckIn(stored, { ...expected, slug: 'hourly-sync', statuses: ['error'] }, ctx);

      const feedback = storedEvent(stored, at(summary, 'feedbackId'), 'feedback', ctx);
      assert.equal(at(feedback.payload, 'contexts', 'feedback', 'message'), 'The checkout button does nothing', `${ctx}: feedback message`);
      assert.equal(at(feedback.payload, 'contexts', 'feedback', 'associated_event_id'), at(summary, 'errorId'), `${ctx}: feedback links the error`);
      assert.equal(at(feedback.payload, 'contexts', 'feedback', 'contact_email'), 'jane@example.com', `${ctx}: feedback email`);
      assertReleaseAndEnvironment(feedback.payload, expected, `${ctx} feedback`);

      assert.deepEqual(await nonAcceptedOutcomes(server), [], `${ctx}: outcomes other than accepted; stored: ${describeStored(stored)}`);
      assert.equal(stored.ofType('client_report').length, 0, `${ctx}: the SDK reported discarded data`);
    });
  }
});

/** Everything the run sent has been through the worker (the application session's exited update is counted). */
function complete(s: Stored, summary: JsonObject, c: NodeCase): boolean {
  const ids = ['errorId', 'messageId', 'feedbackId'].map((k) => at(summary, k));
  if (!ids.every((id) => typeof id === 'string' && s.byEventId(id) !== undefined)) return false;
  if (s.ofType('check_in').filter((c) => at(c.payload, 'status') !== 'in_progress').length < 2) return false;
  if (!s.health.some((x) => x.exited > 0)) return false;
  return c.tracing === 'transaction' ? s.ofType('transaction').length > 0 : s.ofType('span').length > 0;
}
