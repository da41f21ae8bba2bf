import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, chromiumMissing } from './browser.js';
import { type RunningFaultline, repoRoot, runToEnd, startFaultline } from './faultline-process.js';
import { launchSignedIn } from './sign-in.js';
import { api } from './workspace-api.js';

const artifacts = join(repoRoot, '.test-artifacts');

interface SentLine {
  body: string;
  level: string;
  trace_id: string;
}

/** examples/node/logs.mjs with the real @sentry/node 11: three lines (info, a logger.fmt warning, an error with secrets) inside one traced request. */
async function runLogsExample(dsn: string): Promise<{ traceId: string; lines: SentLine[] }> {
  const out = await runToEnd(process.execPath, [join(repoRoot, 'examples/node/logs.mjs')], { SENTRY_DSN: dsn, SENTRY_PACKAGE: 'sentry-node-11' });
  const summary = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    traceId: string;
    sent: { items: { type: string; payload: { items?: SentLine[] } }[]; status: number | null }[];
  };
  for (const e of summary.sent) assert.equal(e.status, 200);
  const lines = summary.sent.flatMap((e) => e.items.filter((i) => i.type === 'log').flatMap((i) => i.payload.items ?? []));
  return { traceId: summary.traceId, lines };
}

describe('web UI, end to end: the logs of a real @sentry/node app', { skip: chromiumMissing() }, () => {
  let fl: RunningFaultline;
  let browser: Browser;
  let page: Page;
  let sent: { traceId: string; lines: SentLine[] };

  before(async () => {
    fl = await startFaultline();
    sent = await runLogsExample(fl.workspace.dsn);
    assert.equal(sent.lines.length, 3);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const body = await api<{ data: { 'count()': number }[] }>(fl, `organizations/${fl.workspace.org}/events/?dataset=logs&field=count()&statsPeriod=1h`);
      if (body.data[0]?.['count()'] === sent.lines.length) break;
      assert.ok(Date.now() < deadline, `the log lines were not processed within 20 s: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchSignedIn(fl);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await fl?.stop();
  });

  it('lists every line the SDK sent, newest first, with its severity, from the navigation', async () => {
    await page.getByRole('link', { name: 'Logs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Logs' }).waitFor();
    const rows = page.locator('tr.log-line');
    await rows.nth(sent.lines.length - 1).waitFor();
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('.log-severity')?.textContent ?? '', tr.querySelector('.log-message')?.textContent ?? '']),
    );
    // The SDK sent them in the order they were logged; the stream shows the newest first. The server scrubbed the error's secrets.
    const expected = [...sent.lines]
      .reverse()
      .map((l) => [l.level, l.body.replace('password=hunter2', 'password=[Filtered]').replace('4111 1111 1111 1111', '[Filtered]')]);
    assert.deepEqual(shown, expected);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'logs-page.png'), fullPage: true });
  });

  it('filters by minimum severity on the server', async () => {
    await page.getByLabel('Minimum severity').selectOption('error');
    await page.waitForURL(/severity=error/);
    await page.waitForFunction(() => document.querySelectorAll('tr.log-line').length === 1);
    assert.equal(await page.locator('tr.log-line .log-severity').textContent(), 'error');
    await page.getByLabel('Minimum severity').selectOption('');
    await page.waitForFunction((n) => document.querySelectorAll('tr.log-line').length === n, sent.lines.length);
  });

  it('links a line to its trace, and the trace back to its logs', async () => {
    await page
      .locator('tr.log-line')
      .first()
      .getByRole('link', { name: sent.traceId.slice(0, 8) })
      .click();
    await page.waitForURL(new RegExp(`/traces/${sent.traceId}/$`));
    await page.getByRole('link', { name: 'Logs of this trace' }).click();
    await page.waitForURL(new RegExp(`/logs/\\?trace=${sent.traceId}`));
    await page.getByText(`Lines of trace ${sent.traceId.slice(0, 8)}`).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('tr.log-line').length === n, sent.lines.length);
  });
});
