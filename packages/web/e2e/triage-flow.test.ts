import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing, launchBrowser } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { runNodeExample } from './node-example.js';

const artifacts = join(repoRoot, '.test-artifacts');
const THROWN = 'cannot charge 42: card is undefined';

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('.issue-rows > li');
const row = (page: Page, text: string) => page.locator('.issue-rows > li', { hasText: text });

describe('web UI, end to end: a real @sentry/node error from arrival to regression', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;
  let listUrl = '';

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('sends a signed-out visitor to sign in, then back; an empty project shows its DSN and setup code', async () => {
    await page.goto(`${fl.base}/`);
    await page.waitForURL(/\/auth\/login\//);
    await page.getByLabel('E-mail').fill(fl.admin.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Invalid e-mail or password/ })
      .waitFor();
    await page.getByLabel('Password').fill(fl.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/organizations\/[^/]+\/issues\/\?project=\d+/);
    await page.getByRole('heading', { name: `Send your first error to ${fl.workspace.project}` }).waitFor();
    assert.ok((await page.locator('.setup-snippets pre').first().textContent())?.includes('@sentry/node'));
    assert.ok((await page.locator('.setup-snippets').textContent())?.includes(fl.workspace.dsn), 'the snippet carries the DSN');
    listUrl = page.url();
  });

  it('switches to the list by itself when the first event arrives', async () => {
    const run = await runNodeExample(fl.workspace.dsn, 'shop@1.0.0');
    assert.equal(run.sdkVersion, '11.12.0');
    assert.ok(
      run.sent.some((s) => s.types.includes('event') && s.status === 200),
      JSON.stringify(run.sent),
    );
    await page.getByText(/Your first event arrived/).waitFor({ timeout: 20_000 });
    await row(page, THROWN).waitFor();
    assert.equal(page.url(), listUrl, 'no navigation: the page updated in place');
    await screenshot(page, 'issue-list');
  });

  it('finds the error by searching with suggestions, and keeps the search in the URL', async () => {
    const search = page.getByRole('combobox', { name: 'Search issues' });
    await search.fill('');
    await search.pressSequentially('is:unresolved lev');
    await page.getByRole('option', { name: /^level:/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    assert.equal(await search.inputValue(), 'is:unresolved level:');
    await search.pressSequentially('er');
    await page.getByRole('option', { name: /^error/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await search.pressSequentially('card undefined');
    await search.press('Enter');
    await page.waitForURL(/query=is%3Aunresolved\+level%3Aerror\+card\+undefined/);
    await page.waitForFunction(() => document.querySelectorAll('.issue-rows > li').length === 1);
    assert.ok((await rows(page).first().textContent())?.includes(THROWN));
    const shared = page.url();
    await page.reload();
    await row(page, THROWN).waitFor();
    assert.equal(await search.inputValue(), 'is:unresolved level:error card undefined', 'a shared link restores the search');
    assert.equal(page.url(), shared);
  });

  it('opens it from the keyboard: the stack trace shows the throwing function and its line, breadcrumbs the last action', async () => {
    await page.getByRole('combobox', { name: 'Search issues' }).press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/issues\/\d+\/$/);
    await page.getByRole('heading', { level: 1, name: /TypeError/ }).waitFor();
    const frame = page.locator('.frame', { hasText: 'chargeCreditCard at' }).first();
    await frame.waitFor();
    assert.equal(await frame.getByRole('button').getAttribute('aria-expanded'), 'true', 'the in-app frame is open');
    assert.match((await frame.locator('.frame-head').textContent()) ?? '', /chargeCreditCard at .*examples\/node\/app\.mjs:\d+:\d+/);
    const errorLine = frame.locator('[aria-current="true"]');
    assert.match((await errorLine.textContent()) ?? '', /throw new TypeError\(`cannot charge \$\{amount\}: card is undefined`\)/);
    const lastCrumb = page.locator('.crumbs > li').first();
    assert.match((await lastCrumb.textContent()) ?? '', /auth.*user signed in/);
    assert.ok((await page.locator('.issue-stats').textContent())?.includes('shop@1.0.0'), 'first release shown');
    await screenshot(page, 'issue-page');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    await screenshot(page, 'issue-page-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
  });

  it('resolves it, and it leaves the unresolved tab', async () => {
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.locator('.issue-header .badge', { hasText: 'Resolved' }).waitFor();
    await page.goto(listUrl);
    await row(page, 'Nightly export finished with warnings').waitFor();
    assert.equal(await row(page, THROWN).count(), 0, 'resolved issues are not unresolved');
    await page.getByRole('tab', { name: 'Resolved', exact: true }).click();
    await row(page, THROWN).waitFor();
    assert.equal(await row(page, 'Nightly export finished with warnings').count(), 0, 'the resolved tab lists resolved issues only');
    await page.getByRole('tab', { name: 'All', exact: true }).click();
    await page.waitForURL(/query=(&|$)/);
    await row(page, 'Nightly export finished with warnings').waitFor();
    await row(page, THROWN).waitFor();
  });

  it('comes back as regressed when a newer release sends the error again', async () => {
    await runNodeExample(fl.workspace.dsn, 'shop@1.1.0');
    await page.getByRole('tab', { name: 'Regressed', exact: true }).click();
    const deadline = Date.now() + 20_000;
    while ((await row(page, THROWN).count()) === 0) {
      if (Date.now() > deadline) {
        const api = await page.evaluate(async () => (await fetch('/api/0/organizations/faultline/issues/?query=')).text());
        await screenshot(page, 'debug-regressed');
        assert.fail(`the issue did not come back as regressed within 20 s: ${page.url()} ${api.slice(0, 3000)}`);
      }
      await page.waitForTimeout(500);
      await page.reload();
      // The list itself or its "No issues match" card: not the loading states before them.
      await page.locator('.issue-list:not([aria-busy]), .card.state').first().waitFor();
    }
    await row(page, THROWN).locator('.badge', { hasText: 'Regressed' }).waitFor();
    await page.getByRole('tab', { name: 'Unresolved', exact: true }).click();
    await row(page, THROWN).waitFor();
    await screenshot(page, 'issue-list-regressed');
    await row(page, THROWN).getByRole('link').click();
    await page.locator('.activity li', { hasText: 'Regressed in shop@1.1.0' }).waitFor();
    assert.match((await page.locator('.issue-stats').textContent()) ?? '', /Last seen.*in shop@1\.1\.0/);
    assert.deepEqual(browser.problems, []);
  });
});
