// Release health from the real @sentry/node 8 and 11 in a real Express app
// (examples/node/release-health): every request is a session of the SDK's request-mode
// aggregates; a route that throws into Sentry's error handler is a crashed session. The
// expectations are computed from the `sessions` items the SDK's transport really sent.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { examplePath } from '../ingest/live-clients/example-apps.test-support.js';
import { startTestServer, type TestServer } from '../testing/index.js';

const REQUESTS: readonly [string, number][] = [
  ['/ok', 5],
  ['/handled', 2],
  ['/boom', 3],
];

async function runApp(server: TestServer, sdk: string, release: string): Promise<JsonObject> {
  const env = { ...(process.env as Record<string, string>), SENTRY_DSN: server.workspace.dsn, SENTRY_PACKAGE: sdk, SENTRY_RELEASE: release };
  const child: ChildProcess = spawn(process.execPath, ['--import', examplePath('node/shop/instrument.mjs'), examplePath('node/release-health/app.mjs')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start: ${err}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
  for (const [path, times] of REQUESTS) for (let i = 0; i < times; i++) await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as JsonObject;
}

interface SentTotals {
  sessions: number;
  crashed: number;
  erroredAll: number;
}

/** Sums the request-mode aggregates the SDK sent (and any individual session updates, by Relay's rules). */
function sentTotals(summary: JsonObject, release: string): SentTotals {
  const t = { sessions: 0, crashed: 0, erroredAll: 0 };
  const erroredSids = new Set<string>();
  for (const envelope of summary.sent as JsonObject[]) {
    for (const item of envelope.items as JsonObject[]) {
      const p = item.payload as JsonObject;
      if ((p.attrs as JsonObject | undefined)?.release !== release) continue;
      // The process-wide application session (Node 8 sends one besides the request aggregates).
      if (item.type === 'session') {
        if (p.init === true) t.sessions++;
        if (p.status === 'crashed') t.crashed++;
        if (Number(p.errors ?? 0) > 0 || ['errored', 'crashed', 'abnormal', 'unhandled'].includes(String(p.status))) erroredSids.add(String(p.sid));
        continue;
      }
      if (item.type !== 'sessions') continue;
      for (const a of p.aggregates as JsonObject[]) {
        const n = (k: string) => Number(a[k] ?? 0);
        t.sessions += n('exited') + n('errored') + n('crashed') + n('abnormal') + n('unhandled');
        t.crashed += n('crashed');
        t.erroredAll += n('errored') + n('crashed') + n('abnormal') + n('unhandled');
      }
    }
  }
  t.erroredAll += erroredSids.size;
  return t;
}

for (const sdk of ['sentry-node-8', 'sentry-node-11']) {
  describe(`release health from a real Express app: ${sdk}`, () => {
    let server: TestServer;
    let summary: JsonObject;
    const release = `health-${sdk}@1.0.0`;
    before(async () => {
      server = await startTestServer({ dialect: 'sqlite' });
      summary = await runApp(server, sdk, release);
      for (const e of summary.sent as JsonObject[]) assert.equal(e.status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    });
    after(() => server?.close());

    it('the SDK sent one session per request, the thrown route as crashed; /sessions/ gives Sentry’s numbers for it', async () => {
      const sent = sentTotals(summary, release);
      const requests = REQUESTS.reduce((n, [, times]) => n + times, 0);
      const aggregated = sentTotals(
        { sent: (summary.sent as JsonObject[]).map((e) => ({ ...e, items: (e.items as JsonObject[]).filter((i) => i.type === 'sessions') })) },
        release,
      );
      assert.equal(aggregated.sessions, requests, `one request-mode session per request: ${JSON.stringify(aggregated)}`);
      assert.equal(aggregated.crashed, 3, 'each /boom reaching the error handler is a crashed request session');
      const res = await fetch(
        `${server.url}/api/0/organizations/${server.workspace.org}/sessions/?statsPeriod=1h&interval=1h&query=release:${encodeURIComponent(release)}&field=sum(session)&field=crash_free_rate(session)&field=count_crashed(session)`,
        { headers: { authorization: `Bearer ${server.workspace.token}` } },
      );
      assert.equal(res.status, 200);
      const body = (await res.json()) as { groups: { totals: Record<string, number | null> }[] };
      assert.deepEqual(body.groups[0]?.totals, {
        'sum(session)': sent.sessions,
        'crash_free_rate(session)': 1 - sent.crashed / sent.sessions,
        'count_crashed(session)': sent.crashed,
      });
    });
  });
}
