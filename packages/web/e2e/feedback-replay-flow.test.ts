import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';
import { apiCall, until } from './workspace-api.js';

const artifacts = join(repoRoot, '.test-artifacts');
const BROWSER = join(repoRoot, 'packages/server/test-fixtures/sentry-browser-11.12.0');
const NODE = join(repoRoot, 'packages/server/test-fixtures/sentry-node-11.12.0');

/** The replay @sentry/browser 11.12.0 recorded when the page's button threw (replay on error). */
const REPLAY_ID = '99c65bb420fc4ed7a5b59c3915a4df7f';
/** Its two errors: the uncaught TypeError (004) and the captured message (005). */
const TYPE_ERROR_ID = 'c48d945665cc40a6a610ceaa739fad47';
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

type Json = Record<string, unknown>;

/** A 1×1 PNG. */
const SCREENSHOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The envelope lines of a recorded request (after the HTTP headers). */
function recordedLines(file: string): Json[] {
  const raw = readFileSync(file, 'utf8');
  return raw
    .slice(raw.indexOf('\n\n') + 2)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);
}

async function envelope(fl: RunningFaultline, body: string | Buffer): Promise<void> {
  const key = new URL(fl.workspace.dsn).username;
  const res = await fetch(`${fl.base}/api/${fl.workspace.projectId}/envelope/?sentry_version=7&sentry_key=${key}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  assert.equal(res.status, 200, await res.text());
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

describe('web UI, end to end: user feedback and session replay from real SDK envelopes', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;
  let replaysMissing: string | false = false;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'packages/web/dist/index.html')), 'the UI is not built: npm run build --workspace @faultline/web');
    fl = await startFaultline();
    // The two errors, then the replay that references them, as the browser SDK sent them.
    // Their recorded `sent_at` is weeks old: the server would take that for client clock drift and
    // move the errors to now, away from the recording; sent without it they keep the recorded time.
    for (const n of ['004', '005']) {
      const [header, ...items] = recordedLines(join(BROWSER, `${n}-default--envelope-event.txt`)) as [Json, ...Json[]];
      delete header.sent_at;
      await envelope(fl, [header, ...items].map((l) => JSON.stringify(l)).join('\n'));
    }
    await envelope(fl, readFileSync(join(BROWSER, '007-default--envelope-replay_event+replay_recording.body.bin')));
    // @sentry/node's captureFeedback, sent from the replayed page about its TypeError, with a
    // comment that tries to inject markup.
    const [header, item, payload] = recordedLines(join(NODE, '028-feedback--envelope-feedback.txt')) as [Json, Json, Json];
    const contexts = payload.contexts as { feedback: Json };
    contexts.feedback = { ...contexts.feedback, message: HOSTILE, associated_event_id: TYPE_ERROR_ID, replay_id: REPLAY_ID };
    // A screenshot rides in the same envelope, as the feedback widget sends it.
    const png = Buffer.from(SCREENSHOT_PNG, 'base64');
    const screenshotHeader = { type: 'attachment', length: png.length, filename: 'screenshot.png', content_type: 'image/png' };
    await envelope(
      fl,
      Buffer.concat([Buffer.from([header, item, payload, screenshotHeader].map((l) => `${JSON.stringify(l)}\n`).join('')), png, Buffer.from('\n')]),
    );

    const org = fl.workspace.org;
    // Until the replay API is part of the build, the replay half is skipped with this reason.
    if ((await apiCall(fl, `organizations/${org}/replays/`)).status === 404)
      replaysMissing = 'the replay API (/organizations/{org}/replays/) is not in this build';
    else await until('the replay is stored', async () => (await apiCall(fl, `organizations/${org}/replays/${REPLAY_ID}/`)).status === 200);
    await until('the feedback issue exists', async () => {
      const list = await apiCall<unknown[]>(fl, `organizations/${org}/issues/?query=${encodeURIComponent('issue.category:feedback')}&statsPeriod=90d`);
      return list.status === 200 && list.body.length === 1;
    });
    await until('the errors are stored', async () => (await apiCall(fl, `projects/${org}/${fl.workspace.project}/events/${TYPE_ERROR_ID}/`)).status === 200);
    browser = await launchSignedIn(fl);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('shows the feedback in the inbox as text, with its contact, page, error and replay', async () => {
    await page.getByRole('link', { name: 'Feedback', exact: true }).click();
    await page.waitForURL(/\/feedback\/\?project=\d+$/);
    const row = page.locator('[data-feedback]');
    await row.waitFor();
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('.feedback-who').textContent(), 'Jane Doe');
    // The comment is shown as typed: text, no element made from it, no handler run.
    assert.equal(await row.locator('.feedback-message').textContent(), HOSTILE);
    await row.click();
    const pane = page.getByRole('article', { name: 'Feedback from Jane Doe' });
    await pane.waitFor();
    assert.equal(await pane.locator('.feedback-detail-message').textContent(), HOSTILE);
    assert.equal(await page.locator('main img[src="x"]').count(), 0);
    assert.notEqual(await page.title(), 'pwned');
    assert.equal(await pane.getByRole('link', { name: 'jane@example.com' }).getAttribute('href'), 'mailto:jane@example.com');
    assert.equal(await pane.getByRole('link', { name: 'https://shop.example.com/checkout' }).getAttribute('href'), 'https://shop.example.com/checkout');
    // The error it was sent about, by its title, linking to that event.
    const error = pane.getByRole('link', { name: /Cannot read properties of undefined/ });
    assert.match((await error.getAttribute('href')) ?? '', new RegExp(`/issues/\\d+/events/${TYPE_ERROR_ID}/$`));
    // The screenshot sent with it, loaded through the API with the session.
    const shot = pane.getByRole('img', { name: 'Screenshot screenshot.png' });
    await page.waitForFunction((img) => (img as HTMLImageElement | null)?.complete === true, await shot.elementHandle());
    assert.equal(await shot.evaluate((img) => (img as HTMLImageElement).naturalWidth), 1);
    await screenshot(page, 'feedback-inbox');

    // Resolving moves it to the resolved tab.
    await pane.getByRole('button', { name: 'Resolve' }).click();
    await pane.getByRole('button', { name: 'Unresolve' }).waitFor();
    await page.locator('[data-feedback]').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Resolved' }).click();
    await page.locator('[data-feedback]').waitFor();
    await page.locator('[data-feedback]').click();
    await page.getByRole('article', { name: 'Feedback from Jane Doe' }).getByRole('link', { name: 'Watch the replay' }).click();
    await page.waitForURL(new RegExp(`/replays/${REPLAY_ID}/$`));
  });

  it('plays the recording in rrweb’s player and jumps to an error when it is clicked', async (t) => {
    if (replaysMissing) {
      console.log(`skipped: ${replaysMissing}`);
      return t.skip(replaysMissing);
    }
    await page.waitForURL(new RegExp(`/replays/${REPLAY_ID}/$`));
    const player = page.locator('.replay-player[data-state="ready"]');
    await player.waitFor();
    // The recorded DOM is rebuilt inside the player's iframe: the page's button, masked text as recorded.
    const recorded = page.frameLocator('.replay-stage iframe');
    await recorded.locator('button#btn').waitFor({ state: 'attached' });
    assert.equal(await recorded.locator('button#btn').textContent(), '********');
    // The player's iframe runs no scripts.
    const sandbox = await page.locator('.replay-stage iframe').getAttribute('sandbox');
    assert.ok(sandbox !== null && !/allow-scripts/.test(sandbox), `sandbox="${sandbox}"`);

    const timeline = page.getByRole('region', { name: 'Replay timeline' });
    assert.equal(await timeline.locator('.replay-item-title').first().textContent(), 'body > button#btn');
    assert.equal(await player.getAttribute('data-current-ms'), '0');
    // Playing: when the player reaches the click (2.6 s in, the "checkout clicked" breadcrumb 1 ms
    // later) the latter becomes the current item; nothing was current before the first.
    assert.equal(await timeline.locator('li[aria-current="true"]').count(), 0);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(
      () => document.querySelector('.replay-items li[aria-current="true"] .replay-item-title')?.textContent === 'checkout clicked',
      undefined,
      { timeout: 10_000 },
    );
    assert.ok(Number(await page.locator('.replay-player').getAttribute('data-current-ms')) >= 2600);
    await page.getByRole('button', { name: 'Pause' }).click();
    await timeline.getByRole('tab', { name: /Errors/ }).click();
    const errors = timeline.getByRole('list', { name: 'Errors' });
    const typeError = errors.locator('li', { hasText: 'Cannot read properties of undefined' });
    await typeError.waitFor();
    assert.equal(await errors.locator('li').count(), 2);
    await typeError.getByRole('button').click();
    // The player moved to the error's moment, 2.6 s into the recording, and the error is current.
    await page.waitForFunction(() => Number(document.querySelector('.replay-player')?.getAttribute('data-current-ms')) > 2000);
    const at = Number(await page.locator('.replay-player').getAttribute('data-current-ms'));
    assert.ok(at > 2500 && at < 2800, `player at ${at} ms`);
    assert.equal(await page.getByTestId('replay-time').textContent(), '0:02');
    assert.equal(await typeError.getAttribute('aria-current'), 'true');
    await screenshot(page, 'replay-page');

    // The error links to its issue, whose Replays tab lists this replay.
    await typeError.getByRole('link', { name: 'Open issue' }).click();
    await page.waitForURL(/\/issues\/\d+\/events\//);
    await page.getByRole('tab', { name: /Replays/ }).click();
    const replayRow = page.locator(`tr[data-replay="${REPLAY_ID}"]`);
    await replayRow.waitFor();
    assert.equal(await replayRow.locator('[data-cell="errors"]').textContent(), '2');
    await screenshot(page, 'issue-replays-tab');
    await replayRow.getByRole('link').click();
    await page.waitForURL(new RegExp(`/replays/${REPLAY_ID}/$`));
    assert.deepEqual(
      browser.problems.filter((p) => !/status of 404/.test(p)),
      [],
    );
  });

  it('lists the replay on the Replays page and filters by the search query', async (t) => {
    if (replaysMissing) {
      console.log(`skipped: ${replaysMissing}`);
      return t.skip(replaysMissing);
    }
    await page.getByRole('link', { name: 'Replays', exact: true }).click();
    const row = page.locator(`tr[data-replay="${REPLAY_ID}"]`);
    await row.waitFor();
    assert.equal(await row.locator('.replay-link').textContent(), 'jane@example.com');
    assert.equal(await row.locator('.replay-row-url').textContent(), 'http://localhost:8080/');
    assert.equal(await row.locator('[data-cell="duration"]').textContent(), '8 s');
    await page.getByRole('searchbox', { name: 'Search replays' }).fill('count_errors:>5');
    await page.getByRole('searchbox', { name: 'Search replays' }).press('Enter');
    await page.getByText('No replays match this search').waitFor();
    await page.getByRole('searchbox', { name: 'Search replays' }).fill('user.email:jane@example.com');
    await page.getByRole('searchbox', { name: 'Search replays' }).press('Enter');
    await row.waitFor();
    await screenshot(page, 'replays-list');
  });
});
