// A recorded session for the replay page's timeline, from the official @sentry/browser:
// replayIntegration in session mode records the page from the start. Clicking "Pay" logs to the
// console, POSTs to /api/cart (the page's server answers 500), leaves a breadcrumb whose message
// is markup, and captures the error.
//
//   index.html?dsn=<DSN>
//
// `window.__finish()` flushes the error and the replay and resolves with their ids.
import * as Sentry from '@sentry/browser';

const params = new URLSearchParams(location.search);
// minReplayDuration 0: the SDK otherwise drops replays shorter than 5 s, and a test page is quicker.
const replay = Sentry.replayIntegration({ minReplayDuration: 0 });

Sentry.init({
  dsn: params.get('dsn'),
  release: 'shop-web@2.0.0',
  environment: 'production',
  integrations: [replay],
  replaysSessionSampleRate: 1,
  replaysOnErrorSampleRate: 0,
});
Sentry.setUser({ id: '7', email: 'sam@example.com' });

let errorId = null;
document.getElementById('pay').addEventListener('click', async () => {
  console.warn('cart is stale, paying anyway');
  const res = await fetch('/api/cart', { method: 'POST', body: '{"items":1}' });
  document.getElementById('status').textContent = `cart: ${res.status}`;
  Sentry.addBreadcrumb({ category: 'checkout', message: '<img src=x onerror="document.title=\'pwned\'">' });
  console.error('payment failed with', res.status);
  errorId = Sentry.captureException(new Error(`payment failed: ${res.status}`));
});

window.__finish = async () => {
  await Sentry.flush(5000);
  await replay.flush();
  await Sentry.flush(5000);
  return { sdkVersion: Sentry.SDK_VERSION, replayId: replay.getReplayId() ?? null, errorId };
};
window.__ready = true;
