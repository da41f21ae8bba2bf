// A Node program wired with the official @sentry/node and Sentry Logs (`enableLogs: true`):
// inside one traced request it logs an info line with attributes, a `logger.fmt` template, and
// an error line carrying a password and a card number that the server must scrub. Used by the
// logs end-to-end tests (packages/server/src/logs/).
//
//   SENTRY_DSN=http://key@127.0.0.1:8000/1 SENTRY_PACKAGE=sentry-node-11 node examples/node/logs.mjs
//
// Environment:
//   SENTRY_DSN        required
//   SENTRY_PACKAGE    which SDK to load (default "@sentry/node"); logs need 9.x or later
//   SENTRY_RELEASE    release (default "logs-example@1.0.0")
//
// The last line on stdout is a JSON summary: the trace id and span id active while logging,
// and every envelope the transport sent (item types, payloads as sent, HTTP status).

import { recordingTransport } from './recording-transport.mjs';

const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error('SENTRY_DSN is required');
  process.exit(2);
}
const Sentry = await import(process.env.SENTRY_PACKAGE || '@sentry/node');

const { transport, sent } = recordingTransport(Sentry, (header, payload) => ({
  type: header.type,
  headers: header,
  payload: JSON.parse(JSON.stringify(payload)),
}));

Sentry.init({
  dsn,
  release: process.env.SENTRY_RELEASE || 'logs-example@1.0.0',
  environment: 'production',
  tracesSampleRate: 1.0,
  enableLogs: true,
  transport,
});

let traceId = null;
let spanId = null;
await Sentry.startSpan({ name: 'POST /checkout', op: 'http.server' }, async (span) => {
  traceId = span.spanContext().traceId;
  spanId = span.spanContext().spanId;
  Sentry.logger.info('User logged in', { userId: 42, plan: 'pro', beta: true });
  Sentry.logger.warn(Sentry.logger.fmt`Cart total ${12.5} exceeds ${10}`, { duration: 120 });
  Sentry.logger.error('Payment failed for password=hunter2 with card 4111 1111 1111 1111', {
    orderId: 'ord_1',
    password: 'hunter2',
    note: 'card number 4111111111111111 declined',
    duration: 480,
  });
});

const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, flushed, traceId, spanId, sent }));
