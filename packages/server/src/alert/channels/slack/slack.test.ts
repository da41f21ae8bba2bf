import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HttpReceiver, startHttpReceiver } from '../../../testing/index.js';
import { DeliveryError } from '../delivery-error.js';
import { createSmtpMailer } from '../email/smtp-mailer.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';

type Block = {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { type: string; url?: string; text: string | { text: string } }[];
};

describe('Slack incoming webhook', () => {
  let slack: HttpReceiver;
  const mailer = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
  const ctx = { deliveryId: 'd-1', now: Date.UTC(2026, 0, 1, 12, 30), timeoutMs: 2000, mailer, pagerDutyUrl: 'http://127.0.0.1:9/' };
  before(async () => {
    slack = await startHttpReceiver();
  });
  after(() => slack.close());

  it('posts a Block Kit message with the facts, links and escaped text', async () => {
    await sendNotification({ type: 'slack', webhookUrl: `${slack.url}/services/T0/B0/xyz` }, sampleNotification(), ctx);
    const req = slack.requests.at(-1);
    assert.ok(req);
    assert.equal(req.path, '/services/T0/B0/xyz');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['x-faultline-delivery'], 'd-1');
    const body = JSON.parse(req.body) as { text: string; blocks: Block[] };
    assert.match(body.text, /^\[critical\] TypeError/);
    assert.deepEqual(
      body.blocks.map((b) => b.type),
      ['header', 'section', 'section', 'section', 'actions', 'context'],
    );
    assert.equal(body.blocks[0]?.text?.type, 'plain_text');
    // mrkdwn control characters are escaped, so "&" and "<growing>" cannot form links or mentions.
    assert.match(body.blocks[1]?.text?.text ?? '', /Affected more than 5 users within 1 hour &amp; &lt;growing&gt;\./);
    assert.match(body.blocks[1]?.text?.text ?? '', /`app\/cart.js in submitOrder`/);
    const fields = (body.blocks[2]?.fields ?? []).map((f) => f.text);
    assert.ok(fields.includes('*Users affected*\n7'), JSON.stringify(fields));
    assert.ok(fields.includes('*Environment*\nproduction'));
    assert.ok(fields.some((f) => f.startsWith('*Release*\ncheckout@2.4.1 (deployed to production 2026-01-01 11:45 UTC)')));
    assert.ok(fields.includes('*Started*\n2026-01-01 12:00 UTC'));
    assert.match(body.blocks[3]?.text?.text ?? '', /Triage notes\*\nCheck the payment provider/);
    const urls = (body.blocks[4]?.elements ?? []).map((e) => e.url);
    assert.deepEqual(urls, ['http://faultline.test/organizations/acme/issues/42/', 'https://runbooks.acme.test/checkout']);
    assert.match(JSON.stringify(body.blocks[5]), /alerts\/rules\/checkout\/12\/details\/\|New issue affecting/);
  });

  it('a 404 from Slack (webhook revoked) is a permanent failure; a 503 is retryable', async () => {
    slack.status = 404;
    const permanent = await sendNotification({ type: 'slack', webhookUrl: slack.url }, sampleNotification(), ctx).catch((e: unknown) => e);
    assert.ok(permanent instanceof DeliveryError && permanent.permanent, String(permanent));
    slack.status = 503;
    const transient = await sendNotification({ type: 'slack', webhookUrl: slack.url }, sampleNotification(), ctx).catch((e: unknown) => e);
    assert.ok(transient instanceof DeliveryError && !transient.permanent && /HTTP 503/.test(transient.message), String(transient));
    slack.status = 200;
  });
});
