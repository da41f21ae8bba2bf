// A small page wired with the official @sentry/browser: a handled error, a
// message, a span tree, a client-side navigation, the page-load session and user feedback.
// @sentry/browser has no cron check-ins (captureCheckIn is server-only).
//
// Configuration comes from the page URL, so one bundle serves every run:
//   index.html?dsn=<DSN>&release=<r>&environment=<e>
//              &lifecycle=static|stream   (static: classic transaction; stream: span items, the 11.x default)
//              &header=1                  (adds a transport header, which makes the browser send a CORS preflight)
//
// When done it sets `window.__faultline` to a summary (ids, and the HTTP status
// of every envelope the transport sent) for the end-to-end tests.
import * as Sentry from '@sentry/browser';

const params = new URLSearchParams(location.search);
const sent = [];

// Wraps the SDK's own fetch transport to see the server's answers. A status is
// only readable when the CORS response headers allowed it.
function recordingTransport(options) {
  const inner = Sentry.makeFetchTransport(options);
  return {
    async send(envelope) {
      const types = envelope[1].map((item) => item[0].type);
      try {
        const response = await inner.send(envelope);
        sent.push({ types, status: response.statusCode ?? null });
        return response;
      } catch (error) {
        sent.push({ types, status: null, error: String(error) });
        throw error;
      }
    },
    flush: (timeout) => inner.flush(timeout),
  };
}

Sentry.init({
  dsn: params.get('dsn'),
  release: params.get('release') || 'example-browser@1.0.0',
  environment: params.get('environment') || 'production',
  tracesSampleRate: 1.0,
  sendDefaultPii: false,
  traceLifecycle: params.get('lifecycle') === 'stream' ? 'stream' : 'static',
  integrations: [Sentry.browserTracingIntegration()],
  transport: recordingTransport,
  ...(params.get('header') ? { transportOptions: { headers: { 'X-Custom-Header': 'demo' } } } : {}),
});

Sentry.setUser({ id: 'user-42', username: 'jane' });
Sentry.setTag('tenant', 'acme');
Sentry.addBreadcrumb({ category: 'ui', message: 'opened checkout', level: 'info' });

function submitPayment(form) {
  return form.card.number;
}

async function main() {
  let errorId = null;
  try {
    submitPayment(undefined);
  } catch (error) {
    errorId = Sentry.captureException(error);
  }
  const messageId = Sentry.captureMessage('Checkout page shown without a cart', 'warning');

  await Sentry.startSpan({ name: 'checkout-flow', op: 'ui.action', forceTransaction: true }, async () => {
    await Sentry.startSpan({ name: 'validate cart', op: 'function' }, () => new Promise((r) => setTimeout(r, 5)));
    await Sentry.startSpan({ name: 'render summary', op: 'ui.render' }, () => new Promise((r) => setTimeout(r, 5)));
  });

  const feedbackId = Sentry.captureFeedback({
    message: 'The pay button does nothing',
    name: 'Jane Doe',
    email: 'jane@example.com',
    associatedEventId: errorId,
  });

  // Ends the page-load transaction so it is sent now rather than after the idle timeout.
  const root = Sentry.getActiveSpan();
  if (root) Sentry.getRootSpan(root).end();

  // A client-side route change: browserTracingIntegration starts a navigation transaction
  // named after the new path (source `url`), ended here for the same reason.
  history.pushState({}, '', `/orders/1234${location.search}`);
  await new Promise((r) => setTimeout(r, 0));
  const navigation = Sentry.getActiveSpan();
  const navigationRoot = navigation ? Sentry.getRootSpan(navigation) : undefined;
  const navigationTraceId = navigationRoot ? Sentry.spanToJSON(navigationRoot).trace_id : null;
  navigationRoot?.end();

  const flushed = await Sentry.flush(5000);
  window.__faultline = { sdkVersion: Sentry.SDK_VERSION, flushed, errorId, messageId, feedbackId, navigationTraceId, sent };
  document.getElementById('status').textContent = 'done';
}

main().catch((error) => {
  window.__faultline = { failed: String(error), sent };
});
