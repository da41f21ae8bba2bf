// Performance monitoring with the real @sentry/node 8 and 11 in a real Express app whose
// automatic instrumentation records real PostgreSQL queries (examples/node/shop). The
// expectations come from what the SDK's transport actually sent, recorded by the app.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import { examplePath } from '../ingest/live-clients/example-apps.test-support.js';
import { postgresTestUrl, startTestServer, type TestServer } from '../testing/index.js';

const REQUESTS: readonly [string, number][] = [
  ['/fast', 6],
  ['/slow', 3],
  ['/boom', 2],
  ['/orders', 2],
];

interface SentSegment {
  name: string;
  durationMs: number;
  traceId: string;
  status: string;
}

/** The segments the SDK sent: v1 transactions, or v2 spans with `is_segment`. */
function sentSegments(summary: JsonObject): SentSegment[] {
  const out: SentSegment[] = [];
  for (const envelope of summary.sent as JsonObject[]) {
    for (const item of envelope.items as JsonObject[]) {
      const p = item.payload as JsonObject;
      if (item.type === 'transaction') {
        const trace = (p.contexts as JsonObject).trace as JsonObject;
        out.push({
          name: String(p.transaction),
          durationMs: (Number(p.timestamp) - Number(p.start_timestamp)) * 1000,
          traceId: String(trace.trace_id),
          status: String(trace.status ?? 'ok'),
        });
      } else if (item.type === 'span') {
        for (const s of (p.items as JsonObject[]) ?? []) {
          if (s.is_segment !== true) continue;
          out.push({
            name: String(s.name),
            durationMs: (Number(s.end_timestamp) - Number(s.start_timestamp)) * 1000,
            traceId: String(s.trace_id),
            status: String(s.status),
          });
        }
      }
    }
  }
  return out;
}

/** The error events the SDK sent, with the trace and span their trace context names. */
function sentErrorEvents(summary: JsonObject): { traceId: string; spanId: string; value: string }[] {
  const out: { traceId: string; spanId: string; value: string }[] = [];
  for (const envelope of summary.sent as JsonObject[]) {
    for (const item of envelope.items as JsonObject[]) {
      if (item.type !== 'event') continue;
      const p = item.payload as JsonObject;
      const trace = ((p.contexts as JsonObject | undefined)?.trace as JsonObject | undefined) ?? {};
      const values = ((p.exception as JsonObject | undefined)?.values as JsonObject[] | undefined) ?? [];
      out.push({ traceId: String(trace.trace_id), spanId: String(trace.span_id), value: values.map((v) => String(v.value)).join(' ') });
    }
  }
  return out;
}

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

async function runShop(server: TestServer, sdk: string, lifecycle: string): Promise<JsonObject> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SENTRY_DSN: server.workspace.dsn,
    SENTRY_PACKAGE: sdk,
    DATABASE_URL: postgresTestUrl ?? '',
    SENTRY_TRACE_LIFECYCLE: lifecycle,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', examplePath('node/shop/instrument.mjs'), examplePath('node/shop/app.mjs')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the shop app did not start: ${err}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
  for (const [path, times] of REQUESTS) {
    for (let i = 0; i < times; i++) await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  const summary: unknown = JSON.parse(out.trim().split('\n').pop() ?? '');
  assert.ok(isJsonObject(summary), `no summary: ${out} ${err}`);
  return summary;
}

const why = postgresTestUrl === null ? 'the shop app queries PostgreSQL: set FAULTLINE_TEST_DATABASE_URL' : false;

for (const [sdk, lifecycle] of [
  ['sentry-node-8', ''],
  ['sentry-node-11', ''],
  ['sentry-node-11', 'static'],
] as const) {
  describe(`performance from a real Express app: ${sdk} ${lifecycle || 'default lifecycle'}`, { skip: why }, () => {
    let server: TestServer;
    let sent: SentSegment[];
    let sentErrors: { traceId: string; spanId: string; value: string }[];
    before(async () => {
      server = await startTestServer({ dialect: 'sqlite' });
      const summary = await runShop(server, sdk, lifecycle);
      for (const e of summary.sent as JsonObject[]) assert.equal(e.status, 200);
      sent = sentSegments(summary);
      sentErrors = sentErrorEvents(summary);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    });
    after(() => server?.close());

    async function api(path: string): Promise<JsonObject & JsonObject[]> {
      const res = await fetch(`${server.url}/api/0/${path}`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
      assert.equal(res.status, 200, path);
      return (await res.json()) as JsonObject & JsonObject[];
    }

    it('counts every request per route with its p95, as the SDK measured them', async () => {
      assert.equal(
        sent.length,
        REQUESTS.reduce((n, [, times]) => n + times, 0),
        `the SDK sent one segment per request: ${sent.map((s) => s.name)}`,
      );
      const body = await api(
        `organizations/${server.workspace.org}/events/?dataset=transactions&field=transaction&field=count()&field=p95(transaction.duration)&field=failure_rate()&statsPeriod=1h`,
      );
      const rows = body.data as JsonObject[];
      for (const name of new Set(sent.map((s) => s.name))) {
        const mine = sent.filter((s) => s.name === name);
        const row = rows.find((r) => r.transaction === name);
        assert.ok(row, `no row for ${name}`);
        assert.equal(row['count()'], mine.length, name);
        const expected = exactQuantile(
          mine.map((s) => s.durationMs),
          0.95,
        );
        assert.ok(
          Math.abs(Number(row['p95(transaction.duration)']) - expected) <= expected * 0.0101 + 0.01,
          `${name} p95 ${String(row['p95(transaction.duration)'])} vs ${expected}`,
        );
      }
      const slow = rows.find((r) => String(r.transaction).endsWith('/slow'));
      assert.ok(Number(slow?.['p95(transaction.duration)']) >= 250, 'the slow route is slow');
      const boom = rows.find((r) => String(r.transaction).endsWith('/boom'));
      assert.equal(boom?.['failure_rate()'], 1, 'every /boom request failed');
    });

    it('opens exactly one N+1 issue, for the orders route', async () => {
      const issues = (await api(
        `projects/${server.workspace.org}/${server.workspace.project}/issues/?query=issue.category:performance&statsPeriod=14d`,
      )) as JsonObject[];
      assert.deepEqual(
        issues.map((i) => [i.title, i.culprit, i.issueType]),
        [['N+1 Query', sent.find((s) => s.name.endsWith('/orders'))?.name, 'performance_n_plus_one_db_queries']],
      );
      assert.equal(issues[0]?.count, '2', `both /orders requests in one issue: ${JSON.stringify(issues[0])}`);
    });

    it("shows the failing request's error in its trace, on the span the SDK said", async () => {
      // The SDK's Dedupe integration drops a repeat of the same error, so only the requests whose
      // error event was really sent are checked: by the trace and span the event names.
      const failures = sentErrors.filter((e) => e.value.includes('payment provider timed out'));
      assert.ok(failures.length >= 1, 'the SDK sent the /boom error');
      for (const failure of failures) {
        const trace = (await api(`organizations/${server.workspace.org}/trace/${failure.traceId}/?statsPeriod=1h`)) as JsonObject[];
        const holders: string[] = [];
        const walk = (n: JsonObject) => {
          if (((n.errors as JsonObject[] | undefined) ?? []).some((e) => String(e.description).includes('payment provider timed out')))
            holders.push(String(n.event_id));
          for (const c of (n.children as JsonObject[] | undefined) ?? []) walk(c);
        };
        for (const n of trace) walk(n);
        assert.deepEqual(holders, [failure.spanId], `the error hangs on span ${failure.spanId}: ${JSON.stringify(trace).slice(0, 400)}`);
      }
    });
  });
}
