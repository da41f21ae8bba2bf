// Sentry Logs from the official @sentry/browser (`enableLogs: true`): a page logs an info line
// with attributes, a `logger.fmt` warning and an error, inside a span so they share its trace.
//
//   index.html?dsn=<DSN>[&userInfo=0]
//
// By default the SDK's log containers ask the server to infer the browser from the User-Agent
// (`ingest_settings.infer_user_agent: "auto"`); `userInfo=0` runs it with
// `dataCollection: { userInfo: false }`, which asks for nothing to be inferred (`"never"`).
//
// Bundled in place of app.js (esbuild logs.js --bundle --format=esm --outfile=dist/bundle.js).
// When done it sets `window.__faultline` to the trace id and every envelope's items the
// transport sent (log payloads as sent).
import * as Sentry from '@sentry/browser';
import { recordingTransport } from './recording-transport.js';

const params = new URLSearchParams(location.search);

const { transport, sent } = recordingTransport((header, payload) => ({
  type: header.type,
  payload: header.type === 'log' ? JSON.parse(JSON.stringify(payload)) : null,
}));

Sentry.init({
  dsn: params.get('dsn'),
  release: 'logs-web@1.0.0',
  environment: 'production',
  tracesSampleRate: 1.0,
  enableLogs: true,
  ...(params.get('userInfo') === '0' ? { dataCollection: { userInfo: false } } : {}),
  transport,
});

let traceId = null;
Sentry.startSpan({ name: 'checkout page', op: 'ui.action' }, (span) => {
  traceId = span.spanContext().traceId;
  Sentry.logger.info('Checkout opened', { items: 3, coupon: false });
  Sentry.logger.warn(Sentry.logger.fmt`Slow render of ${'cart'} took ${850} ms`);
  Sentry.logger.error('Card declined', { reason: 'insufficient_funds' });
});

setTimeout(async () => {
  const flushed = await Sentry.flush(5000);
  window.__faultline = { sdkVersion: Sentry.SDK_VERSION, flushed, traceId, sent, userAgent: navigator.userAgent };
}, 300);
