// A small Node program wired with the official @sentry/node, exercising every
// kind of data a server app sends: errors, a message, a transaction (or
// streamed spans), the release-health session, cron check-ins and feedback.
//
//   SENTRY_DSN=http://key@127.0.0.1:8000/1 node examples/node/app.mjs
//
// Environment:
//   SENTRY_DSN                 required
//   SENTRY_RELEASE             default "example-node@1.0.0"
//   SENTRY_ENVIRONMENT         default "production"
//   SENTRY_PACKAGE             which SDK to load: "sentry-node-8" or "sentry-node-11"
//                              (npm aliases of @sentry/node 8.x / 11.x in this repo; default "@sentry/node")
//   SENTRY_TRACE_LIFECYCLE     "static" (classic transaction) or "stream" (span items, 11.x default)
//
// The last line on stdout is a JSON summary (ids the SDK generated, and the
// HTTP status of every envelope the transport sent) for the end-to-end tests.

import { recordingTransport } from './recording-transport.mjs';

const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error('SENTRY_DSN is required');
  process.exit(2);
}
const packageName = process.env.SENTRY_PACKAGE || '@sentry/node';
const Sentry = await import(packageName);

const { transport, sent } = recordingTransport(Sentry);

const lifecycle = process.env.SENTRY_TRACE_LIFECYCLE;
Sentry.init({
  dsn,
  release: process.env.SENTRY_RELEASE || 'example-node@1.0.0',
  environment: process.env.SENTRY_ENVIRONMENT || 'production',
  serverName: 'example-host',
  tracesSampleRate: 1.0,
  sendDefaultPii: false,
  transport,
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
});

Sentry.setUser({ id: 'user-42', username: 'jane' });
Sentry.setTag('tenant', 'acme');
Sentry.setExtra('cart_items', 3);
Sentry.addBreadcrumb({ category: 'auth', message: 'user signed in', level: 'info' });

function chargeCreditCard(amount) {
  const card = undefined;
  if (card === undefined) throw new TypeError(`cannot charge ${amount}: card is undefined`);
}

let errorId = null;
try {
  chargeCreditCard(42);
} catch (error) {
  errorId = Sentry.captureException(error);
}

const messageId = Sentry.captureMessage('Nightly export finished with warnings', 'warning');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await Sentry.startSpan({ name: 'process-order', op: 'task' }, async () => {
  await Sentry.startSpan({ name: 'SELECT * FROM orders', op: 'db.query' }, () => sleep(5));
  await Sentry.startSpan({ name: 'render receipt', op: 'function' }, () => sleep(5));
});

const monitorConfig = { schedule: { type: 'crontab', value: '0 3 * * *' }, checkinMargin: 5, maxRuntime: 30, timezone: 'UTC' };
const checkInId = Sentry.captureCheckIn({ monitorSlug: 'nightly-export', status: 'in_progress' }, monitorConfig);
Sentry.captureCheckIn({ checkInId, monitorSlug: 'nightly-export', status: 'ok', duration: 1.5 });
try {
  await Sentry.withMonitor(
    'hourly-sync',
    () => {
      throw new Error('sync failed');
    },
    { schedule: { type: 'interval', value: 1, unit: 'hour' } },
  );
} catch {
  // withMonitor reports the failed run as an `error` check-in and rethrows
}

const feedbackId = Sentry.captureFeedback({
  message: 'The checkout button does nothing',
  name: 'Jane Doe',
  email: 'jane@example.com',
  url: 'https://shop.example.com/checkout',
  associatedEventId: errorId,
});

// Ends the release-health session (status "exited", with the errors counted above). 11.x
// finishes processing an event asynchronously (it reads source context from disk) and
// counts it in the session only then: flush first, or the session ends with 0 errors.
await Sentry.flush(5000);
Sentry.endSession();

const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, flushed, errorId, messageId, feedbackId, checkInId, sent }));
