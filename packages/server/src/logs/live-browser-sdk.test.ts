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
import { startTestServer, type TestServer } from '../testing/index.js';

const unavailable = await browserUnavailable();

type Attributes = Record<string, { value: unknown; type: string }>;

describe('logs from @sentry/browser 11 in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  let server: TestServer;
  let traceId = '';
  const lines: { body: string; level: string; trace_id: string; attributes: Attributes }[] = [];

  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample('logs.js'));
    chromium = await launchChromium();
    server = await startTestServer({ dialect: 'sqlite' });
    const tab = await chromium.context.newPage();
    try {
      await tab.goto(`${page.origin}/?${new URLSearchParams({ dsn: server.workspace.dsn })}`);
      await tab.waitForFunction('window.__faultline !== undefined', undefined, { timeout: 15_000 });
      const summary: unknown = await tab.evaluate('window.__faultline');
      assert.ok(isJsonObject(summary) && Array.isArray(summary.sent), JSON.stringify(summary));
      traceId = String(summary.traceId);
      for (const envelope of summary.sent as JsonObject[]) {
        assert.equal(envelope.status, 200);
        for (const item of envelope.items as JsonObject[]) if (item.type === 'log') lines.push(...((item.payload as { items: typeof lines }).items ?? []));
      }
    } finally {
      await tab.close();
    }
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
      `${server.url}/api/0/organizations/${server.workspace.org}/events/?dataset=logs&statsPeriod=1h&sort=-timestamp&${fields.map((f) => `field=${encodeURIComponent(f)}`).join('&')}`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    assert.equal(res.status, 200, await res.clone().text());
    const data = ((await res.json()) as { data: Record<string, unknown>[] }).data;
    const attr = (a: Attributes, ...names: string[]) => names.map((n) => a[n]?.value).find((v) => v !== undefined) ?? null;
    const expected = [...lines].reverse().map((l) => ({
      message: l.body,
      severity: l.level,
      trace: l.trace_id,
      'sdk.name': attr(l.attributes, 'sentry.sdk.name'),
      'browser.name': attr(l.attributes, 'sentry.browser.name', 'browser.name'),
      'browser.version': attr(l.attributes, 'sentry.browser.version', 'browser.version'),
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
    // The SDK sends no browser attributes (Relay infers them from the User-Agent when the SDK asks, which Faultline does not yet: docs/logs.md).
    assert.equal(expected[0]?.['browser.name'], null);
    assert.equal(data[0]?.['sdk.name'], 'sentry.javascript.browser');
  });
});
