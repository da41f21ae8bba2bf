import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing, launchBrowser } from './browser.js';
import { type RunningFaultline, repoRoot, runToEnd, startFaultline } from './faultline-process.js';
import { runNodeExample } from './node-example.js';
import { signIn } from './sign-in.js';
import { api } from './workspace-api.js';

const artifacts = join(repoRoot, '.test-artifacts');
const THROWN = 'cannot charge 42: card is undefined';
const VERSION = 'shop@2.0.0';
const SHA = '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** sentry-cli 2.x (the npm wrapper installed as sentry-cli-2) against the running Faultline, as a deploy pipeline runs it. */
async function sentryCli(fl: RunningFaultline, args: string[]): Promise<string> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('sentry-cli-2/package.json')), 'bin', 'sentry-cli');
  return runToEnd(process.execPath, [bin, ...args], {
    SENTRY_URL: fl.base,
    SENTRY_AUTH_TOKEN: fl.workspace.token,
    SENTRY_ORG: fl.workspace.org,
    SENTRY_PROJECT: fl.workspace.project,
    SENTRY_DISABLE_UPDATE_CHECK: 'true',
  });
}

describe('web UI, end to end: a release made with sentry-cli, its deploy and the issue it brought', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await sentryCli(fl, ['releases', 'new', VERSION]);
    // What `set-commits --local` sends: the commits themselves, with their authors.
    await api(fl, `organizations/${fl.workspace.org}/releases/${VERSION}/`, {
      method: 'PUT',
      body: {
        commits: [{ id: SHA, repository: 'acme/shop', message: 'Charge the saved card\n\nbody', author_name: 'Dana Dev', author_email: 'dana@acme.test' }],
      },
    });
    await sentryCli(fl, ['releases', 'finalize', VERSION]);
    await sentryCli(fl, ['deploys', 'new', '--release', VERSION, '-e', 'production', '-n', 'deploy-7']);
    const run = await runNodeExample(fl.workspace.dsn, VERSION);
    assert.ok(run.sent.some((s) => s.types.includes('event') && s.status === 200));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const release = await api<{ newGroups: number }>(fl, `organizations/${fl.workspace.org}/releases/${VERSION}/`);
      // The thrown error, the warning message and the cron issue of the job that failed inside withMonitor.
      if (release.newGroups >= 3) break;
      assert.ok(Date.now() < deadline, `the events were not processed within 20 s (${release.newGroups} new issues)`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await signIn(page, fl);
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('lists the release from the navigation: short version, finalized, new issues, the deploy and the commit', async () => {
    await page.getByRole('link', { name: 'Releases', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Releases' }).waitFor();
    const row = page.locator(`tr[data-release="${VERSION}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, /2\.0\.0\s*shop/, 'version shortened, package beside it');
    assert.match(text, /Finalized/);
    assert.match(text, /production/, 'last deploy environment');
    assert.equal(await row.locator('td[data-col="new-issues"]').textContent(), '3', 'new issues (the error, the warning message and the failed cron run)');
    assert.equal(await row.locator('td[data-col="commits"]').textContent(), '1', 'one commit');
    await screenshot(page, 'release-list');
  });

  it('opens the release page: deploys per environment, commits and the new issue', async () => {
    await page.getByRole('link', { name: `Release ${VERSION}` }).click();
    await page.waitForURL(/\/releases\/shop@2\.0\.0\/\?project=\d+$/);
    await page.getByRole('heading', { level: 1, name: /2\.0\.0/ }).waitFor();
    const deploy = page.locator('tr[data-environment="production"]');
    await deploy.waitFor();
    assert.match((await deploy.textContent()) ?? '', /production.*deploy-7.*1 deploy/);
    const commit = page.locator('.commit', { hasText: 'Charge the saved card' });
    await commit.waitFor();
    assert.match((await commit.textContent()) ?? '', /2f4a1b3c4d5e.*Dana Dev.*acme\/shop/);
    const issue = page.locator('.issue-rows > li', { hasText: THROWN });
    await issue.waitFor();
    await page.locator('.chart-bar').first().waitFor();
    await screenshot(page, 'release-page');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await screenshot(page, 'release-page-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  it('links the issue page back to the release it was first seen in', async () => {
    await page.locator('.issue-rows > li', { hasText: THROWN }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /TypeError/ }).waitFor();
    await page.locator('.issue-stats').getByRole('link', { name: VERSION }).first().click();
    await page.waitForURL(/\/releases\/shop@2\.0\.0\/$/);
    await page.locator('tr[data-environment="production"]').waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
