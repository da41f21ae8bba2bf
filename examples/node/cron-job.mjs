// A scheduled job wired with the official @sentry/node: `Sentry.withMonitor` reports the run
// as check-ins, the job throws, and its error is captured inside the monitored run, so the
// error event and the `error` check-in carry the same trace
// (https://docs.sentry.io/platforms/javascript/guides/node/crons/).
//
//   SENTRY_DSN=http://key@127.0.0.1:8000/1 node examples/node/cron-job.mjs
//
// Environment:
//   SENTRY_DSN                 required
//   SENTRY_PACKAGE             "sentry-node-8" or "sentry-node-11" (npm aliases in this repo; default "@sentry/node")
//
// The last line on stdout is a JSON summary (the SDK version, the error's event id, whether
// everything was flushed, and the HTTP status of every envelope sent) for the end-to-end tests.

import { recordingTransport } from './recording-transport.mjs';

const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error('SENTRY_DSN is required');
  process.exit(2);
}
const Sentry = await import(process.env.SENTRY_PACKAGE || '@sentry/node');

const { transport, sent } = recordingTransport(Sentry);

Sentry.init({ dsn, release: 'billing@3.1.0', environment: 'production', transport });

async function syncInvoices() {
  throw new Error('invoice sync failed: ledger locked');
}

let errorId = null;
try {
  await Sentry.withMonitor(
    'invoice-sync',
    async () => {
      try {
        await syncInvoices();
      } catch (error) {
        errorId = Sentry.captureException(error);
        // The error reaches the server before the run's error check-in.
        await Sentry.flush(5000);
        throw error;
      }
    },
    { schedule: { type: 'crontab', value: '*/15 * * * *' }, checkinMargin: 2, maxRuntime: 10, timezone: 'UTC' },
  );
} catch {
  // withMonitor sent the `error` check-in and rethrew; the job is over.
}

const flushed = await Sentry.flush(5000);
await Sentry.close(5000);
console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, errorId, flushed, sent }));
