// Release health from the official @sentry/browser: one page load is one session. Depending on
// `mode` the page stays clean, captures a handled error, or throws an uncaught one (which the
// SDK's global handler reports and which marks the session `unhandled`, not `crashed`).
//
//   index.html?dsn=<DSN>&release=<r>&environment=<e>&user=<id>&mode=clean|handled|unhandled
//
// Bundled in place of app.js (esbuild health.js --bundle --format=esm --outfile=dist/bundle.js).
// When done it sets `window.__faultline` to every envelope's items the transport sent.
import * as Sentry from '@sentry/browser';
import { recordingTransport } from './recording-transport.js';

const params = new URLSearchParams(location.search);

const { transport, sent } = recordingTransport((header, payload) => ({
  type: header.type,
  payload: header.type === 'session' ? JSON.parse(JSON.stringify(payload)) : null,
}));

Sentry.init({
  dsn: params.get('dsn'),
  release: params.get('release') || 'example-browser@1.0.0',
  environment: params.get('environment') || 'production',
  transport,
});
Sentry.setUser({ id: params.get('user') || 'anonymous' });

const mode = params.get('mode') || 'clean';
if (mode === 'handled') {
  try {
    JSON.parse('{not json');
  } catch (error) {
    Sentry.captureException(error);
  }
}
if (mode === 'unhandled') {
  setTimeout(() => {
    throw new Error('checkout crashed');
  }, 0);
}

setTimeout(async () => {
  const flushed = await Sentry.flush(5000);
  window.__faultline = { sdkVersion: Sentry.SDK_VERSION, flushed, sent };
}, 300);
