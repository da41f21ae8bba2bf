// Sentry Logs from the real @sentry/browser 11 in Chromium (examples/browser/logs.js), sent
// cross-origin like any web app's: the stored lines, their browser and SDK fields and their
// trace are compared with what the SDK's transport really sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import {
  browserUnavailable,
  bundleBrowserExample,
  type Chromium,
  type ExamplePage,
  launchChromium,
  serveExamplePage,
} from '../ingest/live-clients/browser-page.test-support.js';
import { parseUserAgent } from '../process/index.js';
import { startTestServer, type TestServer } from '../testing/index.js';

const unavailable = await browserUnavailable();

type Attributes = Record<string, { value: unknown; type: string }>;

describe('logs from @sentry/browser 11 in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  let server: TestServer;
  type Line = { body: string; level: string; trace_id: string; attributes: Attributes };
  /** What one page load sent: its trace, its log lines, the containers' ingest settings and the browser's User-Agent. */
  interface Run {
    traceId: string;
    lines: Line[];
    ingestSettings: unknown[];
    userAgent: string;
  }
  let plain: Run;
  let noUserInfo: Run;
  let traceId = '';
  let lines: Line[] = [];

  async function load(query: Record<string, string>): Promise<Run> {
    const tab = await (chromium as Chromium).context.newPage();
    try {
      await tab.goto(`${(page as ExamplePage).origin}/?${new URLSearchParams({ dsn: server.workspace.dsn, ...query })}`);
      await tab.waitForFunction('window.__faultline !== undefined', undefined, { timeout: 15_000 });
      const summary: unknown = await tab.evaluate('window.__faultline');
      assert.ok(isJsonObject(summary) && Array.isArray(summary.sent), JSON.stringify(summary));
      const run: Run = { traceId: String(summary.traceId), lines: [], ingestSettings: [], userAgent: String(summary.userAgent) };
      for (const envelope of summary.sent as JsonObject[]) {
        assert.equal(envelope.status, 200);
        for (const item of envelope.items as JsonObject[]) {
          if (item.type !== 'log') continue;
          const payload = item.payload as { items?: Line[]; ingest_settings?: unknown };
          run.lines.push(...(payload.items ?? []));
          run.ingestSettings.push(payload.ingest_settings);
        }
      }
      return run;
    } finally {
      await tab.close();
    }
  }

  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample('logs.js'));
    chromium = await launchChromium();
    server = await startTestServer({ dialect: 'sqlite' });
    plain = await load({});
    noUserInfo = await load({ userInfo: '0' });
    traceId = plain.traceId;
    lines = plain.lines;
    await server.app.jobs.queue.flush();
    await server.app.jobs.worker.drain();
  });
  after(async () => {
    await chromium?.close();
    await page?.close();
    await server?.close();
  });

  it('stores every line the browser sent, with its trace, SDK, release, template and typed attributes', async () => {
    assert.equal(lines.length, 3, JSON.stringify(lines));
    const fields = [
      'timestamp',
      'message',
      'severity',
      'trace',
      'sdk.name',
      'browser.name',
      'browser.version',
      'release',
      'message.template',
      'tags[items,number]',
      'tags[coupon,boolean]',
    ];
    const res = await fetch(
      `${server.url}/api/0/organizations/${server.workspace.org}/events/?dataset=logs&statsPeriod=1h&sort=-timestamp&query=trace:${traceId}&${fields.map((f) => `field=${encodeURIComponent(f)}`).join('&')}`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    assert.equal(res.status, 200, await res.clone().text());
    const data = ((await res.json()) as { data: Record<string, unknown>[] }).data;
    const browser = parseUserAgent(plain.userAgent).browser;
    assert.ok(browser, plain.userAgent);
    const attr = (a: Attributes, ...names: string[]) => names.map((n) => a[n]?.value).find((v) => v !== undefined) ?? null;
    const expected = [...lines].reverse().map((l) => ({
      message: l.body,
      severity: l.level,
      trace: l.trace_id,
      'sdk.name': attr(l.attributes, 'sentry.sdk.name'),
      // The SDK sends no browser; it asks for the one its User-Agent names (below).
      'browser.name': attr(l.attributes, 'sentry.browser.name', 'browser.name') ?? browser.name,
      'browser.version': attr(l.attributes, 'sentry.browser.version', 'browser.version') ?? browser.version,
      release: attr(l.attributes, 'sentry.release'),
      'message.template': attr(l.attributes, 'sentry.message.template'),
      'tags[items,number]': attr(l.attributes, 'items'),
      'tags[coupon,boolean]': attr(l.attributes, 'coupon'),
    }));
    assert.deepEqual(
      data.map(({ id: _id, timestamp: _t, ...rest }) => rest),
      expected,
    );
    assert.ok(data.every((r) => r.trace === traceId));
    assert.deepEqual(plain.ingestSettings[0], { infer_ip: 'auto', infer_user_agent: 'auto' });
    for (const l of lines) assert.equal(l.attributes['sentry.browser.name'], undefined, 'the SDK itself sends no browser');
    assert.equal(data[0]?.['sdk.name'], 'sentry.javascript.browser');
  });

  it('infers no browser when the SDK asks for none (dataCollection.userInfo: false)', async () => {
    assert.equal(noUserInfo.lines.length, 3);
    assert.deepEqual(noUserInfo.ingestSettings[0], { infer_ip: 'never', infer_user_agent: 'never' });
    const res = await fetch(
      `${server.url}/api/0/organizations/${server.workspace.org}/events/?dataset=logs&statsPeriod=1h&query=trace:${noUserInfo.traceId}&field=message&field=browser.name&field=browser.version`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    const data = ((await res.json()) as { data: Record<string, unknown>[] }).data;
    assert.equal(data.length, 3);
    for (const row of data) assert.deepEqual([row['browser.name'], row['browser.version']], [null, null]);
    const browser = parseUserAgent(plain.userAgent).browser;
    const byBrowser = await fetch(
      `${server.url}/api/0/organizations/${server.workspace.org}/events/?dataset=logs&statsPeriod=1h&field=count()&query=${encodeURIComponent(`browser.name:"${browser?.name}"`)}`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    assert.equal(((await byBrowser.json()) as { data: { 'count()': number }[] }).data[0]?.['count()'], 3, 'the inferred browser is searchable');
  });
});
