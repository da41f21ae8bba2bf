import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, runToEnd, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';
import { api, until } from './workspace-api.js';

const artifacts = join(repoRoot, '.test-artifacts');
const FIXTURES = join(repoRoot, 'packages/server/test-fixtures');
const OLD = 'shop@2.4.0';
const NEW = 'shop@2.5.0';
const USERS = 25;

type Json = { [k: string]: unknown };

/** The JSON lines of a recorded envelope (the body after the recorded HTTP headers). */
function recorded(file: string): Json[] {
  const raw = readFileSync(join(FIXTURES, file), 'utf8');
  return raw
    .slice(raw.indexOf('\n\n') + 2)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);
}

/**
 * What the SDKs really send, from recorded captures: @sentry/browser 11 opens a page's session
 * (`init:true`, status ok, `did` = the user) and marks it `unhandled` on an uncaught error; a
 * crashed session is @sentry/node 11's uncaught exception. Only ids, times, user and release
 * change, so they land in the last few minutes under two releases.
 */
const browserInit = recorded('sentry-browser-11.12.0/001-default--envelope-session.txt')[2] as Json;
const browserUnhandled = recorded('sentry-browser-11.12.0/003-default--envelope-session.txt')[2] as Json;
const nodeCrashed = recorded('sentry-node-11.12.0/031-crash--envelope-session.txt')[2] as Json;
const browserError = recorded('sentry-browser-11.12.0/004-default--envelope-event.txt');

function session(template: Json, patch: { sid: string; did: string; release: string; init: boolean; started: string }): Json {
  return {
    ...template,
    sid: patch.sid,
    did: patch.did,
    init: patch.init,
    started: patch.started,
    timestamp: new Date().toISOString(),
    attrs: { ...(template.attrs as Json), release: patch.release },
  };
}

async function send(fl: RunningFaultline, header: Json, items: [Json, Json][]): Promise<void> {
  const key = new URL(fl.workspace.dsn).username;
  const body = [JSON.stringify(header), ...items.flatMap(([h, p]) => [JSON.stringify(h), JSON.stringify(p)])].join('\n');
  const res = await fetch(`${fl.base}/api/${fl.workspace.projectId}/envelope/?sentry_version=7&sentry_key=${key}`, { method: 'POST', body });
  assert.equal(res.status, 200, await res.text());
}

/**
 * One release's page loads: every user opens one session; the first `unhandled` users' pages
 * then hit an uncaught error, the next `crashed` users' sessions crash (as a server SDK reports).
 */
async function sendSessions(fl: RunningFaultline, release: string, prefix: string, unhandled: number, crashed: number): Promise<void> {
  const started = new Date(Date.now() - 5 * 60_000).toISOString();
  const header = { sent_at: new Date().toISOString(), sdk: { name: 'sentry.javascript.browser', version: '11.12.0' } };
  for (let i = 0; i < USERS; i++) {
    const ids = { sid: randomUUID().replaceAll('-', ''), did: `${prefix}${i}`, release, started };
    const items: [Json, Json][] = [[{ type: 'session' }, session(browserInit, { ...ids, init: true })]];
    if (i < unhandled) items.push([{ type: 'session' }, session(browserUnhandled, { ...ids, init: false })]);
    else if (i < unhandled + crashed) items.push([{ type: 'session' }, session(nodeCrashed, { ...ids, init: false })]);
    // One envelope per page load, as the SDK sends them.
    await send(fl, header, items);
  }
}

/** The browser's uncaught TypeError, as users `dids` of `release` hit it. */
async function sendErrors(fl: RunningFaultline, release: string, dids: string[]): Promise<void> {
  const [header, item, payload] = browserError as [Json, Json, Json];
  for (const did of dids) {
    const eventId = randomUUID().replaceAll('-', '');
    await send(fl, { ...header, event_id: eventId, sent_at: new Date().toISOString(), trace: { ...(header.trace as Json), release } }, [
      [item, { ...payload, event_id: eventId, timestamp: Date.now() / 1000, release, user: { id: did } }],
    ]);
  }
}

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

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

describe('web UI, end to end: release health of two releases from real session envelopes', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    // Created in this order, so 2.4.0 is the release before 2.5.0; 2.5.0 is deployed.
    await sentryCli(fl, ['releases', 'new', OLD]);
    await sentryCli(fl, ['releases', 'new', NEW]);
    await sentryCli(fl, ['deploys', 'new', '--release', NEW, '-e', 'production', '-n', 'deploy-9']);
    // 2.4.0: 25 users, one unhandled error. 2.5.0: 25 other users, two unhandled errors, one crash.
    await sendSessions(fl, OLD, 'old-', 1, 0);
    await sendSessions(fl, NEW, 'new-', 2, 1);
    await sendErrors(fl, NEW, ['new-0', 'new-1']);
    const org = fl.workspace.org;
    const project = fl.workspace.projectId;
    await until('the 50 sessions are processed', async () => {
      const res = await api<{ groups: { totals: Record<string, number> }[] }>(
        fl,
        `organizations/${org}/sessions/?field=sum(session)&statsPeriod=1h&project=${project}`,
      );
      return res.groups[0]?.totals['sum(session)'] === 2 * USERS;
    });
    await until('the error events are processed', async () => {
      const res = await api<{ data: Record<string, number>[] }>(
        fl,
        `organizations/${org}/events/?dataset=errors&field=count()&statsPeriod=1h&project=${project}`,
      );
      return res.data[0]?.['count()'] === 2;
    });
    browser = await launchSignedIn(fl);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('lists both releases with crash-free and unhandled-free rates coloured against the default thresholds, and adoption', async () => {
    await page.getByRole('link', { name: 'Releases', exact: true }).click();
    const row = page.locator(`tr[data-release="${NEW}"]`);
    const old = page.locator(`tr[data-release="${OLD}"]`);
    const rate = (r: typeof row, label: string) => r.getByRole('img', { name: new RegExp(`^${label} `) });
    await rate(row, 'Crash-free users').waitFor();
    // 2.5.0: 1 of 25 users crashed (96%, below the 97% warning threshold); 2 unhandled (92%).
    assert.equal(await rate(row, 'Crash-free users').textContent(), '96%');
    assert.equal(await rate(row, 'Crash-free users').getAttribute('data-level'), 'bad');
    assert.equal(await rate(row, 'Crash-free sessions').textContent(), '96%');
    assert.equal(await rate(row, 'Unhandled-free users').textContent(), '92%');
    assert.equal(await rate(row, 'Unhandled-free sessions').getAttribute('data-level'), 'bad');
    // 2.4.0: never crashed (a browser release), one unhandled error in 25 users.
    assert.equal(await rate(old, 'Crash-free users').textContent(), '100%');
    assert.equal(await rate(old, 'Crash-free users').getAttribute('data-level'), 'good');
    assert.equal(await rate(old, 'Unhandled-free users').textContent(), '96%');
    assert.equal(await rate(old, 'Unhandled-free users').getAttribute('data-level'), 'bad');
    // Half of the project's users in the last 24 hours ran each release.
    assert.match((await row.locator('td[data-health="adoption"]').textContent()) ?? '', /^50%50% of sessions$/);
    await screenshot(page, 'release-health-list');
  });

  it('compares the release page with the previous release and charts its sessions by status with the deploy', async () => {
    await page.getByRole('link', { name: `Release ${NEW}` }).click();
    await page.waitForURL(/\/releases\/shop@2\.5\.0\/\?project=\d+$/);
    const users = page.locator('[data-rate="crashFreeUsers"]');
    // The comparison appears once the previous release's health has loaded too: wait for it, then read every rate.
    await page.locator('[data-rate="crashFreeUsers"]', { hasText: 'against' }).waitFor();
    assert.equal(await users.textContent(), 'Crash-free users 96%, −4 points against 2.4.0');
    assert.equal(await page.locator('[data-rate="unhandledFreeUsers"]').textContent(), 'Unhandled-free users 92%, −4 points against 2.4.0');
    assert.equal(await page.locator('[data-rate="crashFreeSessions"]').textContent(), 'Crash-free sessions 96%, −4 points against 2.4.0');
    const chart = page.getByRole('img', { name: '25 sessions of this release by status in the last 24 hours' });
    await chart.waitFor();
    const legend = (await page.getByRole('list', { name: 'Legend' }).textContent()) ?? '';
    assert.match(legend, /healthy 22/);
    assert.match(legend, /crashed 1/);
    assert.match(legend, /deploy/);
    assert.equal(await chart.locator('.chart-marker').count(), 1, 'the deploy to production');
    assert.match((await chart.locator('.chart-marker title').textContent()) ?? '', /^Deployed to production \(deploy-9\)/);
    assert.ok((await chart.locator('.chart-stack[data-series="crashed"]').count()) >= 1);
    await screenshot(page, 'release-health-page');
  });

  it('says on the issue page what share of the release’s users the issue affected', async () => {
    const issues = await api<{ id: string }[]>(fl, `projects/${fl.workspace.org}/${fl.workspace.project}/issues/?statsPeriod=24h`);
    assert.equal(issues.length, 1);
    await page.goto(`${fl.base}/organizations/${fl.workspace.org}/issues/${issues[0]?.id}/`);
    const line = page.locator(`[data-release="${NEW}"]`);
    await line.waitFor();
    assert.equal(await line.textContent(), `Affected 8% of the users of ${NEW} (2 of 25)`);
    await screenshot(page, 'release-health-issue');
    assert.deepEqual(browser.problems, []);
  });
});
