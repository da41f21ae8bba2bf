import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';
import { api, until } from './workspace-api.js';

const artifacts = join(repoRoot, '.test-artifacts');
const FIXTURES = join(repoRoot, 'packages/server/test-fixtures/sentry-node-11.12.0');

type Json = { [k: string]: unknown };

/**
 * Real @sentry/node 11.12.0 `withMonitor` / `captureCheckIn` captures: `nightly-report`
 * (crontab `0 3 * * *`, Europe/Vienna) in progress then ok after 0.05 s, and `heartbeat` (every
 * 10 minutes, failure tolerance 2) in progress then error.
 */
function recorded(file: string): [Json, Json, Json] {
  const raw = readFileSync(join(FIXTURES, file), 'utf8');
  const lines = raw
    .slice(raw.indexOf('\n\n') + 2)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);
  return [lines[0] as Json, lines[1] as Json, lines[2] as Json];
}
const NIGHTLY_START = recorded('024-cron--envelope-check_in.txt');
const NIGHTLY_OK = recorded('025-cron--envelope-check_in.txt');
const HEARTBEAT_START = recorded('026-cron--envelope-check_in.txt');
const HEARTBEAT_ERROR = recorded('027-cron--envelope-check_in.txt');

/** Sends one recorded check-in envelope now, under a run id of its own (the pair shares it). */
async function checkIn(fl: RunningFaultline, [header, item, payload]: [Json, Json, Json], checkInId: string): Promise<void> {
  const key = new URL(fl.workspace.dsn).username;
  const body = [
    JSON.stringify({ ...header, sent_at: new Date().toISOString() }),
    JSON.stringify(item),
    JSON.stringify({ ...payload, check_in_id: checkInId }),
  ].join('\n');
  const res = await fetch(`${fl.base}/api/${fl.workspace.projectId}/envelope/?sentry_version=7&sentry_key=${key}`, { method: 'POST', body });
  assert.equal(res.status, 200, await res.text());
}

async function run(fl: RunningFaultline, start: [Json, Json, Json], end: [Json, Json, Json]): Promise<void> {
  const id = randomUUID().replaceAll('-', '');
  await checkIn(fl, start, id);
  await checkIn(fl, end, id);
}

interface MonitorJson {
  slug: string;
  isMuted: boolean;
  environments: { name: string; status: string; isMuted: boolean }[];
}
interface CheckInJson {
  status: string;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** The colour a tick is painted with, as the browser computed it from the stylesheet. */
async function tickColours(page: Page, slug: string): Promise<{ status: string | null; colour: string }[]> {
  return page
    .locator(`tr[data-monitor="${slug}"] .checkin-tick`)
    .evaluateAll((ticks) => ticks.map((t) => ({ status: t.getAttribute('data-status'), colour: getComputedStyle(t).backgroundColor })));
}

describe('web UI, end to end: crons from real check-in envelopes', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    const org = fl.workspace.org;
    // One monitor made through the API, as a person or Terraform would; two upserted by the SDK.
    await api(fl, `organizations/${org}/monitors/`, {
      method: 'POST',
      body: {
        project: fl.workspace.project,
        name: 'Invoice sync',
        slug: 'invoice-sync',
        type: 'cron_job',
        config: { schedule_type: 'crontab', schedule: '0 2 * * *', checkin_margin: 5, max_runtime: 30, timezone: 'UTC' },
      },
    });
    await run(fl, NIGHTLY_START, NIGHTLY_OK);
    // Two failed heartbeats reach its failure tolerance of 2: an incident opens.
    await run(fl, HEARTBEAT_START, HEARTBEAT_ERROR);
    await run(fl, HEARTBEAT_START, HEARTBEAT_ERROR);
    await until('the check-ins are processed', async () => {
      const monitors = await api<MonitorJson[]>(fl, `organizations/${org}/monitors/?project=${fl.workspace.projectId}`);
      const status = (slug: string) => monitors.find((m) => m.slug === slug)?.environments.find((e) => e.name === 'production')?.status;
      return status('nightly-report') === 'ok' && status('heartbeat') === 'error';
    });
    browser = await launchSignedIn(fl);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('lists the monitors with their status, schedule in words, next run and a coloured timeline per environment', async () => {
    await page.getByRole('link', { name: 'Crons', exact: true }).click();
    await page.waitForURL(/\/crons\/\?project=\d+$/);
    const nightly = page.locator('tr[data-monitor="nightly-report"]');
    const heartbeat = page.locator('tr[data-monitor="heartbeat"]');
    const invoice = page.locator('tr[data-monitor="invoice-sync"]');
    await heartbeat.locator('.checkin-tick').nth(1).waitFor();
    await nightly.locator('.checkin-tick').first().waitFor();

    assert.equal(await nightly.locator('[data-cell="schedule"]').textContent(), 'Every day at 03:00 Europe/Vienna');
    assert.equal(await heartbeat.locator('[data-cell="schedule"]').textContent(), 'Every 10 minutes');
    assert.equal(await invoice.locator('[data-cell="schedule"]').textContent(), 'Every day at 02:00 UTC');

    assert.equal(await nightly.locator('[data-environment="production"] .cron-badge').textContent(), 'OK');
    assert.equal(await heartbeat.locator('[data-environment="production"] .cron-badge').textContent(), 'Failing');
    assert.equal(await invoice.locator('.cron-badge').textContent(), 'Waiting for first check-in');

    // The next run of the nightly job is expected within a day; the API's time is on hover.
    const next = nightly.locator('[data-cell="next"] time');
    const at = Date.parse((await next.getAttribute('datetime')) ?? '');
    assert.ok(at > Date.now() && at <= Date.now() + 25 * 3600_000, `next run ${new Date(at).toISOString()}`);
    assert.match((await next.getAttribute('title')) ?? '', /^Next expected run: /);

    // Colours come from the stylesheet: ok green, error red (the theme's --success and --error).
    const ok = await tickColours(page, 'nightly-report');
    const failed = await tickColours(page, 'heartbeat');
    assert.deepEqual(
      ok.map((t) => t.status),
      ['ok'],
    );
    assert.deepEqual(
      failed.map((t) => t.status),
      ['error', 'error'],
    );
    assert.equal(ok[0]?.colour, 'rgb(29, 128, 72)');
    assert.equal(failed[0]?.colour, 'rgb(209, 52, 63)');
    await screenshot(page, 'crons-list');
  });

  it('shows a monitor’s check-ins and durations, and a mute that the API keeps', async () => {
    await page.getByRole('link', { name: 'nightly-report', exact: true }).click();
    await page.waitForURL(/\/crons\/nightly-report\/$/);
    const table = page.getByRole('table', { name: 'Check-ins' });
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    // Faultline's API sends no `groups`: no empty Issues column.
    assert.equal(await table.getByRole('columnheader', { name: 'Issues' }).count(), 0);
    const row = table.locator('tbody tr').first();
    assert.equal(await row.getAttribute('data-status'), 'ok');
    // The SDK measured 0.0507 s: the API answers whole milliseconds.
    assert.match((await row.textContent()) ?? '', /production.*51 ms/);
    await page.getByRole('img', { name: /^1 check-in by status in the last 24 hours$/ }).waitFor();

    await page.getByRole('button', { name: 'Mute', exact: true }).click();
    await page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    const monitor = await api<MonitorJson>(fl, `organizations/${fl.workspace.org}/monitors/nightly-report/`);
    assert.equal(monitor.isMuted, true);
    await page.reload();
    await page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    assert.equal(await page.locator('.cron-env-table [data-environment="production"] .cron-badge').textContent(), 'OK (muted)');
    await screenshot(page, 'crons-monitor');
  });

  it('lists the failing monitor’s incident and saves an edited schedule', async () => {
    await page.goto(`${fl.base}/organizations/${fl.workspace.org}/crons/heartbeat/`);
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await incidents
      .getByRole('link', { name: /heartbeat/ })
      .first()
      .waitFor();
    const checkIns = await api<CheckInJson[]>(fl, `organizations/${fl.workspace.org}/monitors/heartbeat/checkins/`);
    assert.deepEqual(
      checkIns.map((c) => c.status),
      ['error', 'error'],
    );

    // Muting one environment goes through its own endpoint and leaves the monitor unmuted.
    await page.getByRole('button', { name: 'Mute production' }).click();
    await page.getByRole('button', { name: 'Unmute production' }).waitFor();
    const muted = await api<MonitorJson>(fl, `organizations/${fl.workspace.org}/monitors/heartbeat/`);
    assert.equal(muted.isMuted, false);
    assert.equal(muted.environments.find((e) => e.name === 'production')?.isMuted, true);

    await page.getByLabel('Schedule type').selectOption('crontab');
    await page.getByLabel('Crontab').fill('*/15 * * * *');
    await page.getByLabel('Failure tolerance (check-ins)').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = await api<{ config: { schedule: unknown; schedule_type: string; failure_issue_threshold: number } }>(
      fl,
      `organizations/${fl.workspace.org}/monitors/heartbeat/`,
    );
    assert.equal(saved.config.schedule_type, 'crontab');
    assert.equal(saved.config.schedule, '*/15 * * * *');
    assert.equal(saved.config.failure_issue_threshold, 3);
    assert.equal(await page.locator('.cron-summary [data-cell="schedule"]').textContent(), 'Every 15 minutes');
    await screenshot(page, 'crons-incident');
    assert.deepEqual(browser.problems, []);
  });
});
