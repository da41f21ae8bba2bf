import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';

const artifacts = join(repoRoot, '.test-artifacts');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

describe('web UI, end to end: a team, an invitation, and the invitee joining', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;
  let link = '';

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    browser = await launchSignedIn(fl);
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('creates a team', async () => {
    await page.goto(`${fl.base}/settings/${fl.workspace.org}/teams/`);
    await page.getByLabel('Team name').fill('Mobile Apps');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { name: /Mobile Apps/ }).waitFor();
  });

  it('invites a new address as admin of that team and shows the link once', async () => {
    await page.goto(`${fl.base}/settings/${fl.workspace.org}/`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('dana@example.test');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('admin');
    await page.getByRole('checkbox', { name: '#mobile-apps' }).check();
    await page.getByRole('button', { name: 'Invite' }).click();
    link = (await page.getByTestId('invite-link').textContent()) ?? '';
    assert.match(link, /\/accept-invite\/\d+\/[\w-]+\/$/);
    await page.getByText('Invitation pending').waitFor();
    await screenshot(page, 'members');
  });

  it('the invitee opens the link, sets a password and lands in the organization', async () => {
    await page.context().clearCookies();
    await page.goto(link);
    await page.getByRole('heading', { name: /^Join / }).waitFor();
    await page.getByLabel('Your name').fill('Dana');
    await page.getByLabel('Password', { exact: true }).fill('dana has a long password');
    await page.getByLabel('Repeat the password').fill('dana has a long password');
    await screenshot(page, 'accept-invite');
    await page.getByRole('button', { name: /^Join / }).click();
    await page.waitForURL(/\/organizations\/[^/]+\/issues\//);
    await page.goto(`${fl.base}/settings/${fl.workspace.org}/`);
    const row = page.getByRole('row', { name: /Dana/ });
    await row.getByText('(you)').waitFor();
    assert.equal(await row.getByRole('combobox', { name: 'Role of Dana' }).inputValue(), 'admin');
    assert.deepEqual(browser.problems, []);
  });
});
