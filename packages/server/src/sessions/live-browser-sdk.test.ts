// Release health from the real @sentry/browser 11 in Chromium (examples/browser/health.js):
// page loads by distinct users, some with a handled error, some with an uncaught one. The
// expected numbers are computed from the session updates the SDK really sent, by Relay's rules;
// the SDK never sends `crashed`, so the release is 100 % crash free and only the unhandled-free
// rates move (docs/release-health.md › Why unhandled-free).
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

const RELEASE = 'shop-web@7.0.0';
const LOADS: readonly { user: string; mode: 'clean' | 'handled' | 'unhandled' }[] = [
  { user: 'u1', mode: 'clean' },
  { user: 'u2', mode: 'handled' },
  { user: 'u3', mode: 'unhandled' },
  { user: 'u4', mode: 'clean' },
  { user: 'u1', mode: 'unhandled' },
];

const unavailable = await browserUnavailable();

describe('release health from @sentry/browser 11 in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  let server: TestServer;
  const updates: { user: string; mode: string; payload: JsonObject }[] = [];

  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample('health.js'));
    chromium = await launchChromium();
    server = await startTestServer({ dialect: 'sqlite' });
    for (const load of LOADS) {
      const tab = await chromium.context.newPage();
      try {
        const query = new URLSearchParams({ dsn: server.workspace.dsn, release: RELEASE, environment: 'production', user: load.user, mode: load.mode });
        await tab.goto(`${page.origin}/?${query}`);
        await tab.waitForFunction('window.__faultline !== undefined', undefined, { timeout: 15_000 });
        const summary: unknown = await tab.evaluate('window.__faultline');
        assert.ok(isJsonObject(summary) && Array.isArray(summary.sent), JSON.stringify(summary));
        for (const envelope of summary.sent as JsonObject[]) {
          assert.equal(envelope.status, 200);
          for (const item of envelope.items as JsonObject[]) if (item.type === 'session') updates.push({ ...load, payload: item.payload as JsonObject });
        }
      } finally {
        await tab.close();
      }
    }
    await server.app.jobs.queue.flush();
    await server.app.jobs.worker.drain();
  });
  after(async () => {
    await chromium?.close();
    await page?.close();
    await server?.close();
  });

  it('each page load is a session; an uncaught error makes it unhandled, never crashed', () => {
    assert.equal(updates.filter((u) => u.payload.init === true).length, LOADS.length, JSON.stringify(updates.map((u) => u.payload)));
    assert.ok(!updates.some((u) => u.payload.status === 'crashed'));
    for (const load of LOADS.filter((l) => l.mode === 'unhandled')) {
      assert.ok(
        updates.some((u) => u.user === load.user && u.mode === 'unhandled' && u.payload.status === 'unhandled'),
        `${load.user}'s uncaught error`,
      );
    }
    const handled = updates.filter((u) => u.mode === 'handled');
    assert.ok(handled.some((u) => Number(u.payload.errors) >= 1) && handled.every((u) => u.payload.status === 'ok'), 'a handled error counts, status stays ok');
  });

  it('/sessions/ gives Sentry’s crash-free rates (100 %) and the unhandled-free rates the sent updates imply', async () => {
    // Relay's rules over what was sent: distinct users, users with an unhandled session.
    const users = new Set(updates.map((u) => String(u.payload.did)));
    const unhandledUsers = new Set(updates.filter((u) => u.payload.status === 'unhandled').map((u) => String(u.payload.did)));
    const unhandledSessions = new Set(updates.filter((u) => u.payload.status === 'unhandled').map((u) => String(u.payload.sid)));
    const fields = [
      'sum(session)',
      'count_unique(user)',
      'crash_free_rate(session)',
      'crash_free_rate(user)',
      'unhandled_free_rate(session)',
      'unhandled_free_rate(user)',
    ];
    const res = await fetch(
      `${server.url}/api/0/organizations/${server.workspace.org}/sessions/?statsPeriod=1h&query=release:${encodeURIComponent(RELEASE)}&${fields.map((f) => `field=${f}`).join('&')}`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as { groups: { totals: Record<string, number | null> }[] };
    assert.deepEqual(body.groups[0]?.totals, {
      'sum(session)': LOADS.length,
      'count_unique(user)': users.size,
      'crash_free_rate(session)': 1,
      'crash_free_rate(user)': 1,
      'unhandled_free_rate(session)': 1 - unhandledSessions.size / LOADS.length,
      'unhandled_free_rate(user)': 1 - unhandledUsers.size / users.size,
    });
    assert.equal(users.size, 4);
    assert.equal(unhandledUsers.size, 2);
  });
});
