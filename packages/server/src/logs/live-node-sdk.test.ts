// Sentry Logs from the real @sentry/node 11 (`enableLogs: true`, examples/node/logs.mjs)
// against a real server: what the SDK's transport really sent is compared with what was
// stored and with what the events API, trace-meta and the single-item route answer. The
// password and card number the program logs must never reach storage.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { JsonObject } from '@faultline/protocol';
import { examplePath } from '../ingest/live-clients/example-apps.test-support.js';
import { addOrganization, addPerson, mintToken, startTestServer, type TestServer } from '../testing/index.js';

const run = promisify(execFile);

interface Summary {
  traceId: string;
  spanId: string;
  sent: { types: string[]; items: { type: string; payload: JsonObject }[]; status: number | null }[];
}

describe('logs from the real @sentry/node 11', () => {
  let server: TestServer;
  let summary: Summary;
  let sentLines: JsonObject[];
  const get = async (path: string, token = server.workspace.token) => {
    const res = await fetch(`${server.url}/api/0${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as JsonObject & JsonObject[], link: res.headers.get('link') };
  };
  const events = (params: string) => get(`/organizations/${server.workspace.org}/events/?dataset=logs&statsPeriod=1h&${params}`);

  before(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
    const { stdout } = await run(process.execPath, [examplePath('node/logs.mjs')], {
      env: { ...(process.env as Record<string, string>), SENTRY_DSN: server.workspace.dsn, SENTRY_PACKAGE: 'sentry-node-11' },
      timeout: 30_000,
    });
    summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Summary;
    sentLines = summary.sent.flatMap((e) => e.items.filter((i) => i.type === 'log').flatMap((i) => i.payload.items as JsonObject[]));
    await server.app.jobs.queue.flush();
    await server.app.jobs.worker.drain();
  });
  after(() => server?.close());

  it('the SDK sent its three lines in a log item, tied to the active trace and span', () => {
    assert.equal(sentLines.length, 3, JSON.stringify(summary.sent.map((e) => e.types)));
    for (const e of summary.sent) assert.equal(e.status, 200);
    assert.deepEqual(
      sentLines.map((l) => l.trace_id),
      [summary.traceId, summary.traceId, summary.traceId],
    );
  });

  it('stores every line, compressed, with a server item id; the secrets are scrubbed before storage', async () => {
    const blocks = await server.store.logs.blocks({ projectIds: [server.workspace.projectId], startMs: 0, endMs: Number.MAX_SAFE_INTEGER, limit: 100 });
    const lines = blocks.flatMap((b) => b.lines);
    assert.deepEqual(
      lines.map((l) => l.body).sort(),
      sentLines
        .map((l) => String(l.body))
        .sort()
        .map(scrubbedBody),
    );
    for (const l of lines) assert.match(l.itemId, /^[0-9a-f]{32}$/);
    assert.equal(new Set(lines.map((l) => l.itemId)).size, 3);
    const rows = await server.store.db.selectFrom('log_blocks').select('document').execute();
    const raw = JSON.stringify(lines) + rows.map((r) => Buffer.from(r.document).toString('latin1')).join('');
    assert.doesNotMatch(raw, /hunter2/);
    assert.doesNotMatch(raw, /4111 ?1111 ?1111 ?1111/);
    const error = lines.find((l) => l.level === 'error');
    assert.deepEqual(error?.attributes.password, { type: 'string', value: '[Filtered]' });
    assert.equal(error?.attributes.note?.value, 'card number [Filtered] declined');
    assert.equal(error?.severityNumber, 17);
  });

  it('answers the stream newest first with the §7 fields and their types, linked to the trace', async () => {
    const fields = [
      'id',
      'timestamp',
      'message',
      'severity',
      'severity_number',
      'trace',
      'project',
      'environment',
      'release',
      'sdk.name',
      'tags[userId,number]',
      'tags[beta,boolean]',
      'plan',
    ];
    const { status, body } = await events(`${fields.map((f) => `field=${encodeURIComponent(f)}`).join('&')}&sort=-timestamp`);
    assert.equal(status, 200, JSON.stringify(body));
    const data = body.data as JsonObject[];
    const sentNewestFirst = [...sentLines].sort((a, b) => Number(b.timestamp) - Number(a.timestamp));
    assert.deepEqual(
      data.map((r) => r.severity),
      sentNewestFirst.map((l) => l.level),
    );
    for (const row of data) {
      assert.equal(row.trace, summary.traceId);
      assert.equal(row.project, server.workspace.project);
      assert.equal(row.environment, 'production');
      assert.equal(row.release, 'logs-example@1.0.0');
      assert.equal(row['sdk.name'], 'sentry.javascript.node');
      assert.match(String(row.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    }
    const info = data.find((r) => r.severity === 'info');
    assert.equal(info?.['tags[userId,number]'], 42);
    assert.equal(info?.['tags[beta,boolean]'], true);
    assert.equal(info?.plan, 'pro');
    assert.equal(info?.severity_number, 9);
    const meta = (body.meta as JsonObject).fields as JsonObject;
    assert.equal(meta.timestamp, 'date');
    assert.equal(meta.severity_number, 'integer');
    assert.equal(meta['tags[userId,number]'], 'number');
    assert.equal(meta.message, 'string');
  });

  it('keeps the logger.fmt template and its parameters', async () => {
    const { body } = await events('field=message&field=message.template&field=message.parameter.0&field=message.parameter.1&query=severity:warn');
    assert.deepEqual(body.data, [
      {
        message: 'Cart total 12.5 exceeds 10',
        'message.template': 'Cart total %s exceeds %s',
        'message.parameter.0': 12.5,
        'message.parameter.1': 10,
        id: (body.data as JsonObject[])[0]?.id ?? null,
      },
    ]);
  });

  it('searches message, severity, trace and attributes with Sentry syntax', async () => {
    const count = async (query: string) => {
      const { status, body } = await events(`field=count()&query=${encodeURIComponent(query)}`);
      assert.equal(status, 200, `${query}: ${JSON.stringify(body)}`);
      return (body.data as JsonObject[])[0]?.['count()'];
    };
    assert.equal(await count('logged'), 1);
    assert.equal(await count('message:*total*'), 1);
    assert.equal(await count('severity:[warn,error]'), 2);
    assert.equal(await count('!severity:info'), 2);
    assert.equal(await count(`trace:${summary.traceId}`), 3);
    assert.equal(await count(`trace:${'0'.repeat(32)}`), 0);
    assert.equal(await count('plan:pro'), 1);
    assert.equal(await count('tags[duration,number]:>200'), 1);
    assert.equal(await count('has:orderId'), 1);
  });

  it('groups by severity with count(), count_unique(trace) and numeric aggregates', async () => {
    const { body } = await events('field=severity&field=count()&field=count_unique(trace)&field=avg(tags[duration,number])&sort=-count()&sort=severity');
    assert.ok(Array.isArray(body.data), JSON.stringify(body));
    const bySeverity = Object.fromEntries((body.data as JsonObject[]).map((r) => [r.severity, r]));
    assert.deepEqual(Object.keys(bySeverity).sort(), ['error', 'info', 'warn']);
    assert.equal(bySeverity.error?.['avg(tags[duration,number])'], 480);
    assert.equal(bySeverity.warn?.['avg(tags[duration,number])'], 120);
    assert.equal(bySeverity.info?.['avg(tags[duration,number])'], null);
    for (const r of body.data as JsonObject[]) assert.equal(r['count_unique(trace)'], 1);
    const meta = (body.meta as JsonObject).fields as JsonObject;
    assert.equal(meta['count()'], 'integer');
  });

  it('counts the trace’s logs in trace-meta, opens one line by its id, and lists attribute names', async () => {
    const meta = await get(`/organizations/${server.workspace.org}/trace-meta/${summary.traceId}/?statsPeriod=1h`);
    assert.equal(meta.body.logs, 3);
    const { body } = await events('field=id&field=message&query=severity:error');
    const id = String((body.data as JsonObject[])[0]?.id);
    const item = await get(`/projects/${server.workspace.org}/${server.workspace.project}/trace-items/${id}/?item_type=logs&trace_id=${summary.traceId}`);
    assert.equal(item.status, 200, JSON.stringify(item.body));
    assert.equal(item.body.itemId, id);
    const attrs = item.body.attributes as unknown as { name: string; type: string; value: unknown }[];
    assert.deepEqual(
      attrs.find((a) => a.name === 'orderId'),
      { name: 'orderId', type: 'str', value: 'ord_1' },
    );
    assert.deepEqual(
      attrs.find((a) => a.name === 'tags[duration,number]'),
      { name: 'tags[duration,number]', type: 'int', value: 480 },
    );
    const keys = await get(`/organizations/${server.workspace.org}/trace-items/attributes/?itemType=logs&attributeType=number`);
    const names = (keys.body as unknown as { key: string }[]).map((k) => k.key);
    assert.ok(names.includes('tags[userId,number]') && names.includes('tags[duration,number]'), names.join());
    assert.ok(!names.includes('plan'));
  });

  it('keeps a project’s own log retention, validated like retentionDays', async () => {
    const put = async (body: JsonObject) => {
      const res = await fetch(`${server.url}/api/0/projects/${server.workspace.org}/${server.workspace.project}/`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as JsonObject };
    };
    const saved = await put({ logRetentionDays: 7 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.logRetentionDays, 7);
    const bad = await put({ logRetentionDays: 0 });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /logRetentionDays must be a whole number of days/);
    assert.equal((await put({ logRetentionDays: null })).body.logRetentionDays, null);
  });

  it('answers the deprecated dataset name ourlogs like logs', async () => {
    const logs = await events('field=severity&field=count()&sort=severity');
    const ourlogs = await get(`/organizations/${server.workspace.org}/events/?dataset=ourlogs&statsPeriod=1h&field=severity&field=count()&sort=severity`);
    assert.equal(ourlogs.status, 200);
    assert.deepEqual(ourlogs.body.data, logs.body.data);
    assert.equal((logs.body.data as JsonObject[]).length, 3);
  });

  it('charts count() over time with events-stats', async () => {
    const { status, body } = await get(`/organizations/${server.workspace.org}/events-stats/?dataset=logs&statsPeriod=1h&interval=1m&yAxis=count()&partial=1`);
    assert.equal(status, 200, JSON.stringify(body));
    const total = (body.data as unknown as [number, { count: number }[]][]).reduce((n, [, v]) => n + (v[0]?.count ?? 0), 0);
    assert.equal(total, 3);
  });

  it('splits the chart by severity with topEvents: the top groups by count, then Other, each with its order', async () => {
    // What the SDK sent, counted per level and ranked as the API ranks: most first, then by name.
    const counts = new Map<string, number>();
    for (const l of sentLines) counts.set(String(l.level), (counts.get(String(l.level)) ?? 0) + 1);
    const ranked = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    assert.ok(ranked.length >= 3, JSON.stringify(ranked));
    const path = `/organizations/${server.workspace.org}/events-stats/?dataset=logs&statsPeriod=1h&interval=1m&partial=1&yAxis=count()&field=severity&field=count()&sort=-count()&topEvents=2`;
    const sum = (series: JsonObject) => (series.data as unknown as [number, { count: number }[]][]).reduce((n, [, v]) => n + (v[0]?.count ?? 0), 0);
    const { status, body } = await get(path);
    assert.equal(status, 200, JSON.stringify(body));
    const top = ranked.slice(0, 2).map(([level]) => level);
    assert.deepEqual(Object.keys(body), [...top, 'Other']);
    top.forEach((level, order) => {
      const series = body[level] as JsonObject;
      assert.equal(series.order, order);
      assert.equal(sum(series), counts.get(level));
    });
    assert.equal(
      sum(body.Other as JsonObject),
      ranked.slice(2).reduce((n, [, c]) => n + c, 0),
    );
    assert.equal(((body.Other as JsonObject).meta as JsonObject).dataset, 'logs');
    const noOther = await get(`${path}&excludeOther=1`);
    assert.deepEqual(Object.keys(noOther.body), top);
    const tooMany = await get(path.replace('topEvents=2', 'topEvents=11'));
    assert.equal(tooMany.status, 400);
    assert.match(String(tooMany.body.detail), /up to 10 top events/);
  });

  it('answers bad requests with 400 naming the problem, and another organization with 404', async () => {
    const bad = async (params: string, detail: RegExp) => {
      const { status, body } = await events(params);
      assert.equal(status, 400, params);
      assert.match(String(body.detail), detail);
    };
    await bad('field=p99(message)', /p99\(message\) is not a function of the logs dataset/);
    await bad('field=avg(message)', /needs a numeric field/);
    await bad('field=tags[x,date]', /the type must be string, number or boolean/);
    await bad('field=message&query=message:>3', /cannot be compared/);
    await bad('field=message&query=(a', /Parentheses/);
    await bad('field=message&per_page=10000', /Cannot exceed 9999/);
    const validate = await get(`/organizations/${server.workspace.org}/events/validate/?dataset=logs&field=avg(message)&field=count()&query=severity:error`);
    assert.equal(validate.body.valid, false);
    assert.deepEqual(
      (validate.body.field as unknown as { name: string; valid: boolean }[]).map((f) => [f.name, f.valid]),
      [
        ['avg(message)', false],
        ['count()', true],
      ],
    );
    const mallory = await addPerson(server, 'mallory@example.com');
    await addOrganization(server, 'other-org', mallory);
    const token = await mintToken(server, mallory, ['event:read']);
    for (const path of [
      `/organizations/${server.workspace.org}/events/?dataset=logs&field=message`,
      `/organizations/${server.workspace.org}/events-stats/?dataset=logs&yAxis=count()`,
      `/organizations/${server.workspace.org}/trace-items/attributes/?itemType=logs`,
      `/organizations/${server.workspace.org}/trace-meta/${summary.traceId}/`,
    ]) {
      const other = await get(path, token);
      assert.equal(other.status, 404, path);
    }
    const item = await get(
      `/projects/${server.workspace.org}/${server.workspace.project}/trace-items/${'a'.repeat(32)}/?item_type=logs&trace_id=${summary.traceId}`,
      token,
    );
    assert.equal(item.status, 404);
  });
});

/** What the server's scrubber leaves of a message the example sends (docs/logs.md › Scrubbing). */
function scrubbedBody(body: string): string {
  return body.replace('password=hunter2', 'password=[Filtered]').replace('4111 1111 1111 1111', '[Filtered]');
}
