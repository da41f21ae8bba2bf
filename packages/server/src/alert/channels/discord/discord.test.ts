import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HttpReceiver, startHttpReceiver } from '../../../testing/index.js';
import { createSmtpMailer } from '../email/smtp-mailer.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';

type Embed = {
  title: string;
  url: string;
  description: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  timestamp: string;
  footer: { text: string };
};

describe('Discord webhook', () => {
  let discord: HttpReceiver;
  const mailer = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
  const ctx = { deliveryId: 'd-2', now: 0, timeoutMs: 2000, mailer, pagerDutyUrl: 'http://127.0.0.1:9/' };
  before(async () => {
    discord = await startHttpReceiver();
    // Discord answers an executed webhook with 204 No Content.
    discord.status = 204;
  });
  after(() => discord.close());

  it('posts one embed with the facts as fields and mentions disabled', async () => {
    const n = sampleNotification({ title: '@everyone TypeError in checkout' });
    await sendNotification({ type: 'discord', webhookUrl: `${discord.url}/api/webhooks/1/abc` }, n, ctx);
    const req = discord.requests.at(-1);
    assert.ok(req);
    assert.equal(req.path, '/api/webhooks/1/abc');
    const body = JSON.parse(req.body) as { username: string; allowed_mentions: { parse: string[] }; embeds: Embed[] };
    assert.deepEqual(body.allowed_mentions, { parse: [] });
    assert.equal(body.embeds.length, 1);
    const e = body.embeds[0] as Embed;
    assert.equal(e.title, '[critical] @everyone TypeError in checkout');
    assert.equal(e.url, 'http://faultline.test/organizations/acme/issues/42/');
    assert.equal(e.color, 0xd0021b);
    assert.equal(e.timestamp, '2026-01-01T12:30:00.000Z');
    assert.match(e.description, /Affected more than 5 users/);
    assert.match(e.description, /\[Runbook\]\(https:\/\/runbooks\.acme\.test\/checkout\)/);
    assert.match(e.description, /Triage notes:\*\* Check the payment provider/);
    const fields = Object.fromEntries(e.fields.map((f) => [f.name, f.value]));
    assert.equal(fields['Users affected'], '7');
    assert.equal(fields.Project, 'Checkout (checkout)');
    assert.equal(fields.Issue, 'CHECKOUT-1A · 31 events');
    assert.match(e.footer.text, /^Rule: New issue affecting/);
  });

  it('a resolved alert is green', async () => {
    await sendNotification({ type: 'discord', webhookUrl: discord.url }, sampleNotification({ status: 'resolved' }), ctx);
    const e = (JSON.parse(discord.requests.at(-1)?.body ?? '{}') as { embeds: Embed[] }).embeds[0];
    assert.equal(e?.color, 0x2ba84a);
    assert.match(e?.title ?? '', /^\[resolved\]/);
  });
});
