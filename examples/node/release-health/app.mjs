// Release health from a real Express app: @sentry/node (loaded by ../shop/instrument.mjs with
// `--import`, so its http instrumentation counts every request as a session) serves routes that
// succeed, one that fails with a handled (captured) error and one that throws into the Sentry
// error handler. On SIGTERM it closes the SDK, which sends the request-mode `sessions`
// aggregates it still holds (Sentry docs, "Node.js › Release Health").
//
//   SENTRY_DSN=… node --import ./examples/node/shop/instrument.mjs examples/node/release-health/app.mjs
//
// Prints `listening <port>` once ready, and on exit a JSON line: every envelope the SDK sent.
import express from 'express';

const Sentry = globalThis.__sentry;
const app = express();
app.get('/ok', (_req, res) => res.json({ ok: true }));
app.get('/handled', (_req, res) => {
  Sentry.captureException(new Error('retrying the payment provider'));
  res.json({ retried: true });
});
app.get('/boom', () => {
  throw new Error('payment provider timed out');
});
Sentry.setupExpressErrorHandler(app);
app.use((_err, _req, res, _next) => res.status(500).json({ error: 'internal' }));

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', async () => {
  server.close();
  await Sentry.close(5000);
  console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, sent: globalThis.__sent }));
  process.exit(0);
});
