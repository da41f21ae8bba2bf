// An Express API with the official @sentry/node loaded by instrument.mjs: routes of known
// latency, a route that fails with a 500, and an N+1 route that loads each order with its own
// query against a real PostgreSQL (DATABASE_URL). After serving, it answers the requests the
// test sends and exits on SIGTERM, flushing the SDK.
//
//   SENTRY_DSN=… DATABASE_URL=postgres://… node --import ./examples/node/shop/instrument.mjs examples/node/shop/app.mjs
//
// Prints `listening <port>` once ready, and on exit a JSON line: every envelope the SDK sent.
import express from 'express';
import pg from 'pg';

const Sentry = globalThis.__sentry;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const app = express();
app.get('/fast', async (_req, res) => {
  await sleep(10);
  res.json({ ok: true });
});
app.get('/slow', async (_req, res) => {
  await sleep(250);
  res.json({ ok: true });
});
app.get('/boom', async () => {
  throw new Error('payment provider timed out');
});
app.get('/orders', async (_req, res) => {
  const user = await pool.query('SELECT 1 AS id, $1::text AS name', ['ada']);
  const orders = [];
  // The N+1: one round trip per order instead of one query for all of them.
  for (let id = 1; id <= 8; id++) {
    const row = await pool.query('SELECT $1::int AS id, pg_sleep(0.008) AS waited', [id]);
    orders.push(row.rows[0].id);
  }
  res.json({ user: user.rows[0].name, orders });
});
Sentry.setupExpressErrorHandler(app);
app.use((_err, _req, res, _next) => res.status(500).json({ error: 'internal' }));

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', async () => {
  server.close();
  await Sentry.flush(5000);
  await pool.end();
  console.log(JSON.stringify({ sdkVersion: Sentry.SDK_VERSION, sent: globalThis.__sent }));
  process.exit(0);
});
