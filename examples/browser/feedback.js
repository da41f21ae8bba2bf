// User feedback from the official @sentry/browser, three ways (docs/feedback.md):
//
//   index.html?dsn=<DSN>&mode=capture   captureFeedback with a screenshot attachment, linked to an error
//   index.html?dsn=<DSN>&mode=dialog    the crash-report dialog (showReportDialog) for a captured error
//   index.html?dsn=<DSN>&mode=widget    the feedback widget (feedbackIntegration): its button is on the
//                                       page, for a person (or a test) to open, fill in and send
//
// Bundled in place of app.js (esbuild feedback.js --bundle --format=esm --outfile=dist/bundle.js).
// When done it sets `window.__faultline` to the ids it sent; the dialog's callbacks set
// `window.__dialog` ('loaded', then 'closed').
import * as Sentry from '@sentry/browser';

const params = new URLSearchParams(location.search);

// The widget's button is added by hand (autoInject: false) so the page decides when it appears.
const feedback = Sentry.feedbackIntegration({ autoInject: false, colorScheme: 'light', showName: true, showEmail: true, enableScreenshot: false });

Sentry.init({
  dsn: params.get('dsn'),
  release: 'shop-web@8.1.0',
  environment: 'production',
  integrations: params.get('mode') === 'widget' ? [feedback] : [],
});
Sentry.setUser({ id: 'u-7', email: 'jane@example.com' });

// A 1×1 PNG, as a screenshot would be attached.
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

async function run() {
  let errorId;
  try {
    JSON.parse('{broken');
  } catch (error) {
    errorId = Sentry.captureException(error);
  }
  await Sentry.flush(5000);
  if (params.get('mode') === 'widget') {
    feedback.createWidget();
    window.__faultline = { sdkVersion: Sentry.SDK_VERSION, errorId };
    return;
  }
  if (params.get('mode') === 'dialog') {
    Sentry.showReportDialog({
      eventId: errorId,
      user: { name: 'Jane Doe', email: 'jane@example.com' },
      title: params.get('title') || undefined,
      onLoad: () => {
        window.__dialog = 'loaded';
      },
      onClose: () => {
        window.__dialog = 'closed';
      },
    });
    window.__faultline = { sdkVersion: Sentry.SDK_VERSION, errorId };
    return;
  }
  const feedbackId = Sentry.captureFeedback(
    { message: params.get('message') || 'The pay button does nothing', name: 'Jane Doe', email: 'jane@example.com', associatedEventId: errorId },
    { attachments: [{ filename: 'screenshot.png', data: png, contentType: 'image/png' }] },
  );
  const flushed = await Sentry.flush(5000);
  window.__faultline = { sdkVersion: Sentry.SDK_VERSION, flushed, errorId, feedbackId, pngBytes: png.length };
}

void run();
