import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
// The server's own loopback receiver (src/testing), compiled: a real HTTP endpoint standing in for the customer's webhook.
import { type HttpReceiver, startHttpReceiver } from '../../server/dist/testing/receivers.js';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';

const artifacts = join(repoRoot, '.test-artifacts');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  // From the top: a full-page shot of a scrolled page paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Sends one error event the way an SDK does (the store endpoint, DSN key in the query). */
async function sendEvent(fl: RunningFaultline, message: string): Promise<void> {
  const dsn = new URL(fl.workspace.dsn);
  const res = await fetch(`${fl.base}/api/${fl.workspace.projectId}/store/?sentry_version=7&sentry_key=${dsn.username}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event_id: randomUUID().replace(/-/g, ''), platform: 'node', level: 'error', message, fingerprint: [message] }),
  });
  assert.equal(res.status, 200, await res.text());
}

type WebhookBody = { type: string; alert: { title: string; rule: { name: string } | null } };
const bodyOf = (r: { body: string } | undefined) => JSON.parse(r?.body ?? '{}') as WebhookBody;

describe('web UI, end to end: alert channels, an issue rule with its live preview, and its delivery history', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;
  let receiver: HttpReceiver;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    receiver = await startHttpReceiver();
    fl = await startFaultline();
    browser = await launchSignedIn(fl);
    page = browser.page;
    // An issue from before the rule exists: the preview should find it.
    await sendEvent(fl, 'Payment provider timed out');
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
    await receiver?.close();
  });

  it('lists the project’s rules from the Alerts navigation, the default rule included', async () => {
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByRole('heading', { name: `Alert rules · ${fl.workspace.project}` }).waitFor();
    const row = page.locator('.rule-table tbody tr', { hasText: 'New issue affecting more than 5 users within 1 hour' });
    // "Last fired" comes from the rule's history, a request of its own: wait for it before reading the row.
    await row.getByText('Never').waitFor();
    assert.match((await row.textContent()) ?? '', /Issue.*Active.*Never/);
    await screenshot(page, 'alerts-rules');
  });

  it('adds a webhook channel (a bad URL is named under its field) and sends a test notification that arrives', async () => {
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Notification channels' }).waitFor();
    await page.getByText('No notification channels').waitFor();
    await page.getByRole('button', { name: 'Add channel' }).click();
    await page.getByLabel('Type').selectOption('webhook');
    await page.getByLabel('Name').fill('E2E hook');
    await page.getByLabel('URL', { exact: true }).fill('not a url');
    await page.getByRole('button', { name: 'Add channel' }).last().click();
    const urlError = page.locator('#channel-url-error');
    await urlError.waitFor();
    assert.equal(await urlError.textContent(), 'config.url must be an http(s) URL');
    await page.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hook`);
    await page.getByRole('button', { name: 'Add channel' }).last().click();
    await page.getByText(/Signing secret of “E2E hook”/).waitFor();
    const row = page.locator('.channel-table tbody tr', { hasText: 'E2E hook' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Send test notification' }).click();
    await row.getByText('Test notification sent.').waitFor();
    await receiver.waitFor(1);
    assert.equal(receiver.requests[0]?.path, '/hook');
    assert.match(bodyOf(receiver.requests[0]).alert.title, /^Test notification for “E2E hook”$/);
    await screenshot(page, 'alerts-channels');
  });

  it('creates a "new issue" rule sending to it; the preview shows the recent issue it would have fired for', async () => {
    await page.getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('link', { name: 'New issue rule' }).click();
    await page.getByRole('heading', { name: 'New issue alert rule' }).waitFor();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText(/would have notified 1 time about 1 issue/).waitFor();
    await preview.getByRole('link', { name: 'Payment provider timed out' }).waitFor();
    // A level filter the issue does not pass empties the preview; removing it brings the issue back.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Filter 1: level', { exact: true }).selectOption('fatal');
    await preview.getByText(/would have notified 0 times about 0 issues/).waitFor();
    await page.getByRole('button', { name: 'Remove filter 1' }).click();
    await preview.getByText(/would have notified 1 time about 1 issue/).waitFor();
    await page.getByLabel('Rule name').fill('E2E new issue');
    await page.getByLabel(/E2E hook/).check();
    await page.getByLabel('Runbook URL').fill('https://wiki.example.com/runbooks/e2e');
    await page.getByLabel('Triage notes').fill('Check the payment provider status page first.');
    await screenshot(page, 'alerts-rule-editor');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await screenshot(page, 'alerts-rule-editor-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.locator('.rule-table tbody tr', { hasText: 'E2E new issue' }).waitFor();
  });

  it('a real event fires it: the webhook receives the alert and the rule’s history shows the delivery as sent', async () => {
    await sendEvent(fl, 'Inventory service returned 503');
    await receiver.waitFor(2, 30_000);
    const alert = bodyOf(receiver.requests[1]);
    assert.equal(alert.type, 'alert.triggered');
    assert.equal(alert.alert.rule?.name, 'E2E new issue');
    assert.equal(alert.alert.title, 'Inventory service returned 503');
    await page.locator('.rule-table tbody tr', { hasText: 'E2E new issue' }).getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History · E2E new issue' }).waitFor();
    const firing = page.locator('.firing', { hasText: 'Inventory service returned 503' });
    await firing.waitFor();
    await firing.locator('.delivery-status', { hasText: 'Sent' }).waitFor({ timeout: 20_000 });
    assert.match((await firing.locator('.deliveries tbody tr').textContent()) ?? '', /E2E hook.*Webhook.*Sent.*1/);
    await screenshot(page, 'alerts-history');
  });

  it('a delivery the receiver rejects is shown as failed, with its error', async () => {
    receiver.status = 400;
    await sendEvent(fl, 'Cart total is NaN');
    await receiver.waitFor(3, 30_000);
    const firing = page.locator('.firing', { hasText: 'Cart total is NaN' });
    await firing.waitFor({ timeout: 20_000 });
    await firing.locator('.delivery-status', { hasText: 'Failed' }).waitFor({ timeout: 20_000 });
    assert.match((await firing.locator('.delivery-error').textContent()) ?? '', /HTTP 400/);
    await firing.getByText('1 of 1 delivery failed.').waitFor();
    await screenshot(page, 'alerts-history-failed');
  });

  it('creates a metric rule; a missing threshold is named under its field', async () => {
    await page.getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('link', { name: 'New metric rule' }).click();
    await page.getByRole('heading', { name: 'New metric alert rule' }).waitFor();
    await page.getByLabel('Rule name').fill('E2E error spike');
    await page.getByLabel('Metric', { exact: true }).selectOption('error_count');
    await page.getByLabel('Window (minutes)').fill('5');
    await page.getByRole('button', { name: 'Create rule' }).click();
    const critical = page.locator('#metric-criticalThreshold-error');
    await critical.waitFor();
    assert.equal(await critical.textContent(), 'criticalThreshold is required');
    // Thresholds low enough for the three recent errors: the preview replays the last day and shows the rule triggering.
    await page.getByLabel('Critical').fill('2');
    await page.getByLabel('Warning').fill('1');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText(/would have triggered 1 time\./).waitFor();
    await preview.getByText(/Triggered \(critical\) at value 3/).waitFor();
    await screenshot(page, 'alerts-metric-editor');
    await page.getByLabel('Critical').fill('100');
    await page.getByLabel('Warning').fill('50');
    await preview.getByText(/would have triggered 0 times\./).waitFor();
    await page.getByLabel('For (minutes)').fill('5');
    await page.getByLabel(/E2E hook/).check();
    await page.getByRole('button', { name: 'Create rule' }).click();
    const row = page.locator('.rule-table tbody tr', { hasText: 'E2E error spike' });
    await row.getByText('Never').waitFor();
    assert.match((await row.textContent()) ?? '', /Metric.*Active.*Never/);
    await page.locator('.rule-table tbody tr', { hasText: 'E2E new issue' }).getByText('Firing').waitFor();
    await screenshot(page, 'alerts-rules-all');
    // The preview's 400s while a rule is being typed are expected answers, not page problems.
    assert.deepEqual(
      browser.problems.filter((p) => !/status of 400/.test(p)),
      [],
    );
  });
});
