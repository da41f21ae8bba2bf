// User feedback from the real @sentry/browser 11 in Chromium (examples/browser/feedback.js):
// captureFeedback with a screenshot becomes a feedback issue with its attachment, and the
// crash-report dialog loaded by showReportDialog is filled in and submitted in the page, its
// hostile title shown as text, its close reported back to the SDK's onClose.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isJsonObject } from '@faultline/protocol';
import {
  browserUnavailable,
  bundleBrowserExample,
  type Chromium,
  type ExamplePage,
  launchChromium,
  serveExamplePage,
} from '../ingest/live-clients/browser-page.test-support.js';
import { startTestServer, type TestServer } from '../testing/index.js';
import { callApi, processed } from './feedback.test-support.js';

const unavailable = await browserUnavailable();

describe('user feedback from @sentry/browser 11 in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  let server: TestServer;
  let api: ReturnType<typeof callApi>;

  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample('feedback.js'));
    chromium = await launchChromium();
    server = await startTestServer({ dialect: 'sqlite' });
    api = callApi(server);
  });
  after(async () => {
    await chromium?.close();
    await page?.close();
    await server?.close();
  });

  async function load(query: Record<string, string>) {
    assert.ok(chromium && page);
    const tab = await chromium.context.newPage();
    await tab.goto(`${page.origin}/?${new URLSearchParams({ dsn: server.workspace.dsn, ...query })}`);
    await tab.waitForFunction('window.__faultline !== undefined', undefined, { timeout: 15_000 });
    const summary: unknown = await tab.evaluate('window.__faultline');
    assert.ok(isJsonObject(summary), JSON.stringify(summary));
    return { tab, summary };
  }

  it('captureFeedback with a screenshot: a feedback issue linked to the error, the screenshot served back', async () => {
    const message = 'The <b>pay</b> button does nothing';
    const { tab, summary } = await load({ mode: 'capture', message });
    await tab.close();
    assert.equal(summary.flushed, true);
    await processed(server);
    const feedbackId = String(summary.feedbackId);
    const issues = await api<{ id: string; title: string; issueCategory: string }[]>(
      `/organizations/${server.workspace.org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`,
    );
    assert.equal(issues.body.length, 1, JSON.stringify(issues.body));
    const issue = issues.body[0];
    assert.ok(issue);
    assert.equal(issue.title, 'User Feedback');
    const event = await api<{ eventID: string; contexts: { feedback: Record<string, string> }; tags: { key: string; value: string }[] }>(
      `/organizations/${server.workspace.org}/issues/${issue.id}/events/latest/`,
    );
    assert.equal(event.body.eventID, feedbackId);
    assert.equal(event.body.contexts.feedback.message, message, 'HTML is kept as text');
    assert.equal(event.body.contexts.feedback.associated_event_id, summary.errorId);
    assert.equal(event.body.contexts.feedback.contact_email, 'jane@example.com');
    const attachments = await api<{ id: string; name: string; mimetype: string; size: number }[]>(
      `/projects/${server.workspace.org}/${server.workspace.project}/events/${feedbackId}/attachments/`,
    );
    assert.deepEqual(
      attachments.body.map((a) => [a.name, a.mimetype, a.size]),
      [['screenshot.png', 'image/png', summary.pngBytes]],
    );
    const bytes = await fetch(
      `${server.url}/api/0/projects/${server.workspace.org}/${server.workspace.project}/events/${feedbackId}/attachments/${attachments.body[0]?.id}/?download`,
      { headers: { authorization: `Bearer ${server.workspace.token}` } },
    );
    const png = Buffer.from(await bytes.arrayBuffer());
    assert.equal(png.length, summary.pngBytes);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('showReportDialog: the dialog is filled in and submitted in the page; the report joins the error’s issue; closing calls onClose', async () => {
    const hostileTitle = '<img src=x onerror="window.__xss=1">Oops';
    const { tab, summary } = await load({ mode: 'dialog', title: hostileTitle });
    try {
      await tab.waitForSelector('.sentry-error-embed-wrapper', { timeout: 15_000 });
      assert.equal(await tab.evaluate('window.__dialog'), 'loaded');
      assert.equal(await tab.textContent('.sentry-error-embed h2'), hostileTitle, 'the title is shown as text');
      assert.equal(await tab.inputValue('#id_name'), 'Jane Doe', 'prefilled from the SDK user');
      assert.equal(await tab.inputValue('#id_email'), 'jane@example.com');
      await tab.fill('#id_email', 'not-an-address');
      await tab.fill('#id_comments', 'It crashed when I paid <script>window.__xss=2</script>');
      // The browser's own validation would stop an invalid e-mail; the server's answer is what is tested here.
      await tab.evaluate("document.getElementById('id_email').type = 'text'");
      await tab.click('.sentry-error-embed button[type=submit]');
      await tab.waitForFunction("document.querySelector('.form-errors[data-field=\"email\"]').textContent !== ''", undefined, { timeout: 10_000 });
      assert.equal(await tab.textContent('.form-errors[data-field="email"]'), 'Enter a valid email address.');
      await tab.fill('#id_email', 'jane@example.com');
      await tab.click('.sentry-error-embed button[type=submit]');
      await tab.waitForSelector('.message-success', { timeout: 10_000 });
      await tab.click('.sentry-error-embed > button.close');
      await tab.waitForFunction("window.__dialog === 'closed'", undefined, { timeout: 5_000 });
      assert.equal(await tab.evaluate('window.__xss'), undefined, 'nothing from the options or the comments ran');
      assert.equal(await tab.$('.sentry-error-embed-wrapper'), null, 'the dialog is gone');
    } finally {
      await tab.close();
    }
    await processed(server);
    const errorId = String(summary.errorId);
    const reports = await api<{ eventID: string; comments: string; name: string; issue: { id: string } | null }[]>(
      `/projects/${server.workspace.org}/${server.workspace.project}/user-feedback/`,
    );
    const report = reports.body.find((r) => r.eventID === errorId);
    assert.ok(report, JSON.stringify(reports.body));
    assert.equal(report.comments, 'It crashed when I paid <script>window.__xss=2</script>');
    assert.equal(report.name, 'Jane Doe');
    const errorEvent = await api<{ groupID: string }>(`/projects/${server.workspace.org}/${server.workspace.project}/events/${errorId}/`);
    assert.equal(report.issue?.id, errorEvent.body.groupID);
    const source = await server.store.db.selectFrom('user_reports').select('source').where('event_id', '=', errorId).executeTakeFirstOrThrow();
    assert.equal(source.source, 'crash_report_embed_form');
  });

  it('the feedback widget: opened, filled in and sent by a person in the page; a feedback issue from the widget', async () => {
    const { tab, summary } = await load({ mode: 'widget' });
    const message = 'Coupon field <i>eats</i> my code';
    // The widget lives in a shadow root; Playwright's CSS locators reach into it.
    await tab.getByRole('button', { name: 'Report a Bug' }).click();
    await tab.locator('input[name="name"]').fill('Jane Widget');
    await tab.locator('input[name="email"]').fill('jane.widget@example.com');
    await tab.locator('textarea[name="message"]').fill(message);
    await tab.locator('button[type="submit"]').click();
    // The widget thanks the person once the SDK has sent the feedback.
    await tab.getByText('Thank you for your report!').waitFor({ timeout: 15_000 });
    await tab.close();
    await processed(server);
    const issues = await api<{ id: string; metadata: { value: string } }[]>(
      `/organizations/${server.workspace.org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`,
    );
    const issue = issues.body.find((i) => i.metadata.value === message);
    assert.ok(issue, JSON.stringify(issues.body.map((i) => i.metadata.value)));
    const event = await api<{ contexts: { feedback: Record<string, string> }; release: string | null }>(
      `/organizations/${server.workspace.org}/issues/${issue.id}/events/latest/`,
    );
    assert.equal(event.body.contexts.feedback.source, 'widget');
    assert.equal(event.body.contexts.feedback.name, 'Jane Widget');
    assert.equal(event.body.contexts.feedback.contact_email, 'jane.widget@example.com');
    assert.equal(typeof summary.sdkVersion, 'string');
  });
});
