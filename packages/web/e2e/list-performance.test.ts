import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromiumMissing, launchBrowser } from './browser.js';
import { type RunningFaultline, startFaultline } from './faultline-process.js';
import { signIn } from './sign-in.js';

const ROWS = 100;
// The UI target is 300 ms from data to painted rows. Speed is reported, not asserted: timed
// assertions flake on a shared machine; docs/performance.md records the measured figure.
const TARGET_MS = 300;

/** 100 distinct issues through the store endpoint (the legacy SDK wire format: one event per request). */
async function sendDistinctErrors(fl: RunningFaultline): Promise<void> {
  const dsn = new URL(fl.workspace.dsn);
  const url = `${fl.base}/api/${fl.workspace.projectId}/store/?sentry_version=7&sentry_key=${dsn.username}`;
  for (let i = 0; i < ROWS; i++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        platform: 'node',
        level: i % 9 === 0 ? 'warning' : 'error',
        release: `shop@1.${i % 4}.0`,
        environment: 'production',
        fingerprint: [`perf-${i}`],
        exception: {
          values: [
            {
              type: `Error${i}`,
              value: `failure number ${i} in the checkout flow`,
              stacktrace: { frames: [{ function: `step${i}`, filename: `/app/step${i}.js`, lineno: i + 1, in_app: true }] },
            },
          ],
        },
      }),
    });
    assert.equal(res.status, 200, await res.text());
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await fetch(`${fl.base}/api/0/projects/${fl.workspace.org}/${fl.workspace.project}/issues/?query=&limit=${ROWS}&statsPeriod=`, {
      headers: { authorization: `Bearer ${fl.workspace.token}` },
    });
    const issues = (await res.json()) as unknown[];
    if (issues.length === ROWS) return;
    assert.ok(Date.now() < deadline, `only ${issues.length} issues after 20 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a 100-row issue list (production build, headless Chromium)', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;

  before(async () => {
    fl = await startFaultline();
    browser = await launchBrowser();
    await sendDistinctErrors(fl);
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it(`renders all ${ROWS} rows and reports the time from data to paint (target ${TARGET_MS} ms)`, async (t) => {
    const { page } = browser;
    await signIn(page, fl);
    // Records when the 100th row is in the DOM, and the next frame after it.
    await page.addInitScript(`(() => {
      const w = window;
      new MutationObserver((_, observer) => {
        if (document.querySelectorAll('.issue-rows > li').length >= ${ROWS}) {
          w.__rowsAt = performance.now();
          requestAnimationFrame(() => { w.__paintedAt = performance.now(); });
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    })();`);
    // The machine running the suite is shared (other test files run alongside): the fastest of
    // three loads is the page's own cost; the slower ones measured the neighbours too.
    const runs: { toDom: number; toPaint: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${fl.base}/organizations/${fl.workspace.org}/issues/?project=${fl.workspace.projectId}&limit=${ROWS}`);
      await page.waitForFunction(() => typeof (window as unknown as { __paintedAt?: number }).__paintedAt === 'number');
      const timing = await page.evaluate(() => {
        const w = window as unknown as { __rowsAt: number; __paintedAt: number };
        const list = performance
          .getEntriesByType('resource')
          .filter((e): e is PerformanceResourceTiming => /\/api\/0\/organizations\/[^/]+\/issues\/\?.*limit=100/.test(e.name))
          .at(-1);
        return { responseEnd: list?.responseEnd ?? null, rowsAt: w.__rowsAt, paintedAt: w.__paintedAt };
      });
      assert.ok(timing.responseEnd !== null, 'the list request was not seen');
      runs.push({ toDom: timing.rowsAt - timing.responseEnd, toPaint: timing.paintedAt - timing.responseEnd });
    }
    t.diagnostic(
      `${ROWS} rows, ms from the response to rows in the DOM / painted: ${runs.map((r) => `${r.toDom.toFixed(0)}/${r.toPaint.toFixed(0)}`).join(', ')} (target ${TARGET_MS} ms)`,
    );
    assert.ok(
      runs.every((r) => r.toDom >= 0),
      'rows appeared before their data: the measurement is wrong',
    );
    assert.equal(await page.locator('.issue-rows > li').count(), ROWS);
    assert.deepEqual(browser.problems, []);
  });
});
