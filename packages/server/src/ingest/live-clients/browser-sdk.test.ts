import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import { createPerformanceRepo } from '../../performance/index.js';
import { startTestServer, type TestServer } from '../../testing/index.js';
import {
  assertError,
  assertMessage,
  assertPerformanceRow,
  assertReleaseAndEnvironment,
  assertScope,
  assertStreamedSpans,
  assertTransaction,
  storedEvent,
  type Tagged,
} from './assert-stored.test-support.js';
import { browserUnavailable, bundleBrowserExample, type Chromium, type ExamplePage, launchChromium, serveExamplePage } from './browser-page.test-support.js';
import { assertAllAnswered2xx } from './example-apps.test-support.js';
import { arrayAt, at, describeStored, nonAcceptedOutcomes, type Stored, waitForStored } from './stored-items.test-support.js';

// examples/browser (@sentry/browser 11.x) in headless Chromium, served from
// http://localhost:<port> while the DSN points at http://127.0.0.1:<other port>:
// every envelope is a cross-origin fetch, so the SDK can only read the status
// of a response (and report it) when the server's CORS headers allowed it.
// The browser SDK has no cron check-ins (captureCheckIn is server-only).

interface BrowserCase {
  title: string;
  lifecycle: 'static' | 'stream';
  /** a transport header turns the simple CORS request into one with a preflight (docs/ingest.md › Endpoints) */
  preflight: boolean;
}

const cases: BrowserCase[] = [
  { title: 'classic transactions, CORS simple requests', lifecycle: 'static', preflight: false },
  { title: 'streamed spans (11.x default), CORS preflight for a custom header', lifecycle: 'stream', preflight: true },
];

const expected: Tagged = { release: 'shop-web@5.0.0', environment: 'staging' };
const unavailable = await browserUnavailable();

describe('live @sentry/browser client in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  const servers: TestServer[] = [];
  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample());
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await page?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  for (const c of cases) {
    it(`${c.title}: error, message, tracing, session and feedback are stored`, async () => {
      assert.ok(chromium && page);
      const server = await startTestServer();
      servers.push(server);
      const summary = await runPage(chromium, page, server, c);
      const ctx = `browser ${c.lifecycle}`;
      assert.equal(at(summary, 'failed'), undefined, `${ctx}: the page failed: ${String(at(summary, 'failed'))}`);
      const sent = arrayAt(summary, 'sent');
      // A status is only visible to the page when the CORS headers allowed reading the response.
      assertAllAnswered2xx(
        sent.map((s) => (typeof at(s, 'status') === 'number' ? (at(s, 'status') as number) : null)),
        `${ctx} (cross-origin)`,
        sent,
      );

      const posts = arrayAt(summary, 'exchanges').filter((x) => at(x, 'method') === 'POST');
      assert.ok(posts.length >= sent.length, `${ctx}: Chromium saw ${posts.length} envelope POSTs for ${sent.length} sends`);
      for (const x of posts) {
        assert.ok([page.origin, '*'].includes(String(at(x, 'allowOrigin'))), `${ctx}: Access-Control-Allow-Origin on ${JSON.stringify(x)}`);
        // A cross-origin fetch with a non-safelisted header is only sent after a successful preflight.
        if (c.preflight) assert.equal(at(x, 'customHeader'), 'demo', `${ctx}: the POST carried the header its preflight allowed`);
      }

      const stored = await waitForStored(server, (s) => complete(s, summary, c), ctx);
      const error = storedEvent(stored, at(summary, 'errorId'), 'event', ctx);
      assertError(error, { ...expected, type: 'TypeError', value: /reading 'card'/, thrownBy: 'submitPayment' }, `${ctx} error`);
      assertScope(error, 'opened checkout', `${ctx} error`);
      // The event says which page it came from: another origin than the server.
      assert.equal(new URL(String(at(error.payload, 'request', 'url'))).origin, page.origin, `${ctx}: request.url`);
      assert.equal(at(error.payload, 'platform'), 'javascript');

      const message = storedEvent(stored, at(summary, 'messageId'), 'event', ctx);
      assertMessage(message, { ...expected, message: 'Checkout page shown without a cart', level: 'warning' }, `${ctx} message`);

      const children = ['validate cart', 'render summary'];
      if (c.lifecycle === 'static') {
        assertTransaction(stored, { ...expected, name: 'checkout-flow', op: 'ui.action', children }, `${ctx} transaction`);
        const pageload = stored.ofType('transaction').find((t) => at(t.payload, 'contexts', 'trace', 'op') === 'pageload');
        assert.ok(pageload, `${ctx}: no pageload transaction`);
        assert.equal(new URL(String(at(pageload.payload, 'request', 'url'))).origin, page.origin, `${ctx}: pageload url`);
        // The performance store keeps the pageload as a transaction with the web vitals the SDK measured.
        const traceId = String(at(pageload.payload, 'contexts', 'trace', 'trace_id'));
        const batches = await createPerformanceRepo(server.store.db).traceBatches([server.workspace.projectId], traceId);
        const segment = batches.map((b) => b.batch.segment).find((sg) => sg?.span.op === 'pageload');
        assert.ok(segment, `${ctx}: the pageload is a stored segment`);
        const sentVitals = Object.keys((at(pageload.payload, 'measurements') as JsonObject | undefined) ?? {}).sort();
        assert.ok(sentVitals.length > 0, `${ctx}: the SDK measured web vitals`);
        assert.deepEqual(Object.keys(segment.measurements).sort(), sentVitals, `${ctx}: web vitals kept`);
        await assertPerformanceRow(server, { name: String(at(pageload.payload, 'transaction')), op: 'pageload' }, `${ctx} pageload performance`);
      } else {
        assertStreamedSpans(stored, { ...expected, segment: 'checkout-flow', children }, `${ctx} spans`);
      }
      await assertPerformanceRow(server, { name: 'checkout-flow', op: 'ui.action' }, `${ctx} performance`);

      // The client-side route change is a transaction of its own, named by its path with the id
      // parameterized as Sentry does for URL-sourced names.
      const navigationTraceId = at(summary, 'navigationTraceId');
      assert.equal(typeof navigationTraceId, 'string', `${ctx}: the SDK started a navigation transaction`);
      const navigationBatches = await createPerformanceRepo(server.store.db).traceBatches([server.workspace.projectId], String(navigationTraceId));
      const navigation = navigationBatches.map((b) => b.batch.segment).find((sg) => sg?.span.op === 'navigation');
      assert.ok(navigation, `${ctx}: the navigation is a stored segment`);
      assert.equal(navigation.source, 'url', `${ctx}: the SDK named the navigation by its URL`);
      assert.equal(navigation.name, '/orders/*', `${ctx}: navigation name normalized`);
      await assertPerformanceRow(server, { name: '/orders/*', op: 'navigation' }, `${ctx} navigation performance`);

      // The page load is one session; the error the page threw made it errored. Browser SDK 11 never
      // sends `crashed`, so the release is crash free by Sentry's formula (docs/release-health.md).
      const health = stored.health.find((x) => x.release === expected.release && x.environment === expected.environment);
      assert.ok(health, `${ctx}: no release health for ${expected.release} in ${JSON.stringify(stored.health)}`);
      assert.ok(health.sessions >= 1, `${ctx}: the page load started a session: ${JSON.stringify(health)}`);
      assert.ok(health.erroredAll >= 1, `${ctx}: the error made the session errored: ${JSON.stringify(health)}`);
      assert.equal(health.crashed, 0, `${ctx}: the browser SDK never reports crashed`);

      const feedback = storedEvent(stored, at(summary, 'feedbackId'), 'feedback', ctx);
      assert.equal(at(feedback.payload, 'contexts', 'feedback', 'message'), 'The pay button does nothing', `${ctx}: feedback message`);
      assert.equal(at(feedback.payload, 'contexts', 'feedback', 'associated_event_id'), at(summary, 'errorId'), `${ctx}: feedback links the error`);
      assertReleaseAndEnvironment(feedback.payload, expected, `${ctx} feedback`);

      assert.deepEqual(await nonAcceptedOutcomes(server), [], `${ctx}: outcomes other than accepted; stored: ${describeStored(stored)}`);
    });
  }
});

/** Loads the page against `server` and returns the page's summary (`window.__faultline`). */
async function runPage(chromium: Chromium, page: ExamplePage, server: TestServer, c: BrowserCase): Promise<JsonObject> {
  const tab = await chromium.context.newPage();
  const consoleLines: string[] = [];
  tab.on('console', (m) => consoleLines.push(m.text()));
  tab.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  // What went over the wire to the server, as Chromium saw it (the page cannot read these headers).
  const exchanges: JsonObject[] = [];
  tab.on('response', (r) => {
    if (!r.url().startsWith(server.url)) return;
    const request = r.request();
    exchanges.push({
      method: request.method(),
      customHeader: request.headers()['x-custom-header'] ?? null,
      status: r.status(),
      allowOrigin: r.headers()['access-control-allow-origin'] ?? null,
    });
  });
  try {
    const query = new URLSearchParams({ dsn: server.workspace.dsn, release: expected.release, environment: expected.environment, lifecycle: c.lifecycle });
    if (c.preflight) query.set('header', '1');
    await tab.goto(`${page.origin}/?${query}`);
    await tab.waitForFunction('window.__faultline !== undefined', undefined, { timeout: 15_000 }).catch((error: unknown) => {
      throw new Error(`the page did not finish: ${String(error)}\nconsole: ${consoleLines.join('\n')}`);
    });
    const summary: unknown = await tab.evaluate('window.__faultline');
    assert.ok(isJsonObject(summary), `page summary: ${JSON.stringify(summary)}`);
    if (consoleLines.some((l) => /CORS|Failed to fetch/.test(l))) summary.console = consoleLines;
    summary.exchanges = exchanges;
    return summary;
  } finally {
    await tab.close();
  }
}

function complete(s: Stored, summary: JsonObject, c: BrowserCase): boolean {
  const ids = ['errorId', 'messageId', 'feedbackId'].map((k) => at(summary, k));
  if (!ids.every((id) => typeof id === 'string' && s.byEventId(id) !== undefined)) return false;
  if (!s.health.some((x) => x.erroredAll >= 1)) return false;
  const traced =
    c.lifecycle === 'static'
      ? ['checkout-flow', 'pageload', 'navigation'].every((n) =>
          s.ofType('transaction').some((t) => at(t.payload, 'transaction') === n || at(t.payload, 'contexts', 'trace', 'op') === n),
        )
      : s.ofType('span').some((x) => arrayAt(x.payload, 'items').some((span) => at(span, 'name') === 'checkout-flow')) &&
        s.ofType('span').some((x) => arrayAt(x.payload, 'items').some((span) => at(span, 'op') === 'navigation' && at(span, 'is_segment') === true));
  return traced;
}
