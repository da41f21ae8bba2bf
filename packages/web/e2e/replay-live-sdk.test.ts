import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing, launchBrowser } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { signIn } from './sign-in.js';
import { apiCall } from './workspace-api.js';

const EXAMPLE = join(repoRoot, 'examples/browser');
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

/** examples/browser/replay-timeline.js bundled with @sentry/browser, as an app ships it. */
async function bundle(): Promise<Uint8Array> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(EXAMPLE, 'replay-timeline.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  assert.ok(out, 'esbuild produced no bundle');
  return out.contents;
}

/**
 * The example page on `localhost` (another origin than Faultline's 127.0.0.1, as a real app), with
 * the `/api/cart` it POSTs to answering 500.
 */
async function servePage(script: Uint8Array): Promise<{ origin: string; server: Server }> {
  const html = readFileSync(join(EXAMPLE, 'index.html'));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/dist/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else if (path === '/api/cart') res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"out of stock"}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

describe('web UI, end to end: a replay recorded by @sentry/browser 11 in Chromium, on the replay page', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let ui: Page;
  let example: { origin: string; server: Server } | undefined;
  let replayId: string;
  let errorId: string;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    example = await servePage(await bundle());
    browser = await launchBrowser();
    // The recorded app in a tab of its own: a person clicks Pay; the SDK records it all.
    const app = await browser.context.newPage();
    await app.goto(`${example.origin}/?${new URLSearchParams({ dsn: fl.workspace.dsn })}`);
    await app.waitForFunction('window.__ready === true');
    await app.waitForTimeout(300);
    await app.getByRole('button', { name: 'Pay' }).click();
    await app.locator('#status').filter({ hasText: 'cart: 500' }).waitFor();
    const result = (await app.evaluate('window.__finish()')) as { replayId: string | null; errorId: string | null; sdkVersion: string };
    assert.equal(result.sdkVersion, '11.12.0');
    assert.ok(result.replayId && result.errorId, JSON.stringify(result));
    replayId = result.replayId;
    errorId = result.errorId;
    await app.close();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const replay = await apiCall<{ data: { error_ids: string[] } }>(fl, `organizations/${fl.workspace.org}/replays/${replayId}/`);
      const event = await apiCall(fl, `projects/${fl.workspace.org}/${fl.workspace.project}/events/${errorId}/`);
      if (replay.status === 200 && replay.body.data.error_ids.includes(errorId) && event.status === 200) break;
      assert.ok(Date.now() < deadline, `replay ${replayId} with its error stored within 30 s (last: ${replay.status} ${JSON.stringify(replay.body)})`);
      await new Promise((r) => setTimeout(r, 250));
    }
    ui = browser.page;
    ui.setDefaultTimeout(15_000);
    await signIn(ui, fl);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => example?.server.close(r) ?? r(undefined));
    await fl?.stop();
  });

  it('lists what the SDK recorded — the click, console, the failed fetch, the error — and each item moves the player', async () => {
    await ui.goto(`${fl.base}/organizations/${fl.workspace.org}/replays/${replayId}/`);
    const player = ui.locator('.replay-player[data-state="ready"]');
    await player.waitFor();
    // The recorded page is rebuilt in the player: its Pay button and, recorded after the click, the status line.
    const recorded = ui.frameLocator('.replay-stage iframe');
    await recorded.locator('#pay').waitFor({ state: 'attached' });

    const timeline = ui.getByRole('region', { name: 'Replay timeline' });
    const breadcrumbs = timeline.getByRole('list', { name: 'Breadcrumbs' });
    await breadcrumbs.locator('li').first().waitFor();
    const titles = await breadcrumbs.locator('.replay-item-title').allTextContents();
    assert.ok(
      titles.some((t) => t.includes('button#pay')),
      `a click breadcrumb: ${JSON.stringify(titles)}`,
    );
    // The breadcrumb whose message is markup: shown as text, nothing made of it.
    assert.ok(titles.includes(HOSTILE), JSON.stringify(titles));
    assert.equal(await ui.locator('main img').count(), 0);
    assert.notEqual(await ui.title(), 'pwned');

    await timeline.getByRole('tab', { name: /Console/ }).click();
    const consoleList = timeline.getByRole('list', { name: 'Console' });
    const consoleItems = await consoleList
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => ({ level: li.getAttribute('data-level'), title: li.querySelector('.replay-item-title')?.textContent })));
    assert.deepEqual(consoleItems, [
      { level: 'warning', title: 'cart is stale, paying anyway' },
      { level: 'error', title: 'payment failed with 500' },
    ]);

    await timeline.getByRole('tab', { name: /Network/ }).click();
    const cart = timeline.getByRole('list', { name: 'Network' }).locator('li', { hasText: '/api/cart' });
    await cart.waitFor();
    // The SDK records the URL as the page wrote it.
    assert.equal(await cart.locator('.replay-item-title').textContent(), 'POST /api/cart');
    assert.match((await cart.locator('.replay-item-detail').textContent()) ?? '', /^500 · \d+ ms · fetch$/);
    assert.equal(await cart.getAttribute('data-level'), 'error');

    // Clicking the request moves the player to it; clicking the error moves it again.
    const offset = (text: string) => {
      const [m, s] = text.split(':').map(Number);
      return ((m ?? 0) * 60 + (s ?? 0)) * 1000;
    };
    const cartAt = offset((await cart.locator('.replay-item-time').textContent()) ?? '');
    await cart.getByRole('button').click();
    await ui.waitForFunction((min) => Number(document.querySelector('.replay-player')?.getAttribute('data-current-ms')) >= min, Math.max(1, cartAt));
    assert.equal(await cart.getAttribute('aria-current'), 'true');

    await timeline.getByRole('tab', { name: /Errors/ }).click();
    const error = timeline.getByRole('list', { name: 'Errors' }).locator('li');
    await error.locator('.replay-item-title', { hasText: 'payment failed: 500' }).waitFor();
    await error.getByRole('button').click();
    await ui.waitForFunction(() => document.querySelector('.replay-items [aria-current="true"]') !== null);
    assert.equal(await error.getAttribute('aria-current'), 'true');
    assert.match((await error.getByRole('link', { name: 'Open issue' }).getAttribute('href')) ?? '', new RegExp(`/issues/\\d+/events/${errorId}/$`));
    mkdirSync(join(repoRoot, '.test-artifacts'), { recursive: true });
    await ui.screenshot({ path: join(repoRoot, '.test-artifacts', 'replay-page-live-sdk.png'), fullPage: true });
    assert.deepEqual(
      browser.problems.filter((p) => !/status of 404/.test(p)),
      [],
    );
    // Opening the page marked the replay viewed by the signed-in admin (a cookie POST with its CSRF token).
    const project = await apiCall<{ id: string }>(fl, `projects/${fl.workspace.org}/${fl.workspace.project}/`);
    const viewers = await apiCall<{ data: { viewed_by: { email: string }[] } }>(
      fl,
      `projects/${fl.workspace.org}/${project.body.id}/replays/${replayId}/viewed-by/`,
    );
    assert.deepEqual(
      viewers.body.data.viewed_by.map((u) => u.email),
      [fl.admin.email],
    );
  });
});
