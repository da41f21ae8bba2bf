// A Node program wired with the official @sentry/node that sends one trace: a request
// (`GET /users/:id`) with a database query and a render step that calls out over HTTP and
// fails; the error is captured inside the render span. Used to check the trace view.
//
//   SENTRY_DSN=http://key@127.0.0.1:8000/1 node examples/node/trace.mjs
//
// Environment:
//   SENTRY_DSN                 required
//   SENTRY_PACKAGE             which SDK to load: "sentry-node-8" or "sentry-node-11" (default "@sentry/node")
//   SENTRY_TRACE_LIFECYCLE     "static" (classic transaction) or "stream" (span items, 11.x default)
//
// The last line on stdout is a JSON summary: the trace id, the error's event id, the span id
// the render step had, and every envelope the transport sent (item types, payloads as sent,
// HTTP status), so tests can compare what the server shows with what the SDK sent.

import { recordingTransport } from './recording-transport.mjs';

const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error('SENTRY_DSN is required');
  process.exit(2);
}
const Sentry = await import(process.env.SENTRY_PACKAGE || '@sentry/node');

const { transport, sent } = recordingTransport(Sentry, (header, payload) => ({ type: header.type, payload: JSON.parse(JSON.stringify(payload)) }));

const lifecycle = process.env.SENTRY_TRACE_LIFECYCLE;
Sentry.init({
  dsn,
  release: 'trace-example@1.0.0',
  environment: 'production',
  tracesSampleRate: 1.0,
  transport,
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let traceId = null;
let errorId = null;
let renderSpanId = null;

await Sentry.startSpan({ name: 'GET /users/:id', op: 'http.server', attributes: { 'http.request.method': 'GET' } }, async (request) => {
  traceId = request.spanContext().traceId;
  await Sentry.startSpan({ name: 'SELECT * FROM users WHERE id = $1', op: 'db.query' }, () => sleep(5));
  await Sentry.startSpan({ name: 'renderProfile', op: 'function' }, async (render) => {
    renderSpanId = render.spanContext().spanId;
    await Sentry.startSpan({ name: 'GET https://avatars.example.com/17', op: 'http.client' }, () => sleep(3));
    try {
      throw new Error('user lookup failed for 17');
    } catch (error) {
      errorId = Sentry.captureException(error);
    }
    await sleep(2);
  });
});

const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, flushed, traceId, errorId, renderSpanId, sent }));
