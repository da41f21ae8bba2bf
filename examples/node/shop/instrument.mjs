// Loaded with `node --import ./instrument.mjs app.mjs`, before the app's own imports, so the
// SDK's automatic instrumentation (http, Express, pg) patches them (Sentry docs, "Node.js ›
// ESM: --import"). Records every envelope the transport sends into globalThis.__sent, so the
// tests compare what the server shows with what the SDK really sent.
const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error('SENTRY_DSN is required');
  process.exit(2);
}
const Sentry = await import(process.env.SENTRY_PACKAGE || '@sentry/node');
globalThis.__sentry = Sentry;
globalThis.__sent = [];

function recordingTransport(options) {
  const inner = Sentry.makeNodeTransport(options);
  return {
    async send(envelope) {
      const items = envelope[1].map(([header, payload]) => ({ type: header.type, payload: JSON.parse(JSON.stringify(payload)) }));
      const response = await inner.send(envelope);
      globalThis.__sent.push({ items, status: response.statusCode ?? null });
      return response;
    },
    flush: (timeout) => inner.flush(timeout),
  };
}

const lifecycle = process.env.SENTRY_TRACE_LIFECYCLE;
Sentry.init({
  dsn,
  release: process.env.SENTRY_RELEASE || 'shop-api@1.0.0',
  environment: 'production',
  tracesSampleRate: 1.0,
  transport: recordingTransport,
  ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
});
