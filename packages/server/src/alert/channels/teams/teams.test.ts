import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HttpReceiver, startHttpReceiver } from '../../../testing/index.js';
import { createSmtpMailer } from '../email/smtp-mailer.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';

type Card = {
  type: string;
  version: string;
  body: { type: string; text?: string; color?: string; facts?: { title: string; value: string }[] }[];
  actions: { type: string; title: string; url: string }[];
};

describe('Microsoft Teams webhook', () => {
  let teams: HttpReceiver;
  const mailer = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
  const ctx = { deliveryId: 'd-3', now: 0, timeoutMs: 2000, mailer, pagerDutyUrl: 'http://127.0.0.1:9/' };
  before(async () => {
    teams = await startHttpReceiver();
    teams.status = 202;
  });
  after(() => teams.close());

  it('posts a message carrying an Adaptive Card with a fact set and link actions', async () => {
    await sendNotification({ type: 'teams', webhookUrl: `${teams.url}/webhookb2/xyz` }, sampleNotification(), ctx);
    const req = teams.requests.at(-1);
    assert.ok(req);
    const body = JSON.parse(req.body) as { type: string; attachments: { contentType: string; content: Card }[] };
    assert.equal(body.type, 'message');
    assert.equal(body.attachments.length, 1);
    assert.equal(body.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    const card = body.attachments[0]?.content as Card;
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.4');
    assert.equal(card.body[0]?.text, '[critical] TypeError: Cannot read properties of undefined (reading "id")');
    assert.equal(card.body[0]?.color, 'Attention');
    const facts = card.body.find((b) => b.type === 'FactSet')?.facts ?? [];
    assert.deepEqual(
      facts.map((f) => f.title),
      ['Severity', 'Project', 'Environment', 'Started', 'Issue', 'Users affected', 'Release'],
    );
    assert.ok(card.body.some((b) => b.text === '**Triage notes:** Check the payment provider status page first.'));
    assert.deepEqual(
      card.actions.map((a) => [a.type, a.title, a.url]),
      [
        ['Action.OpenUrl', 'Open issue', 'http://faultline.test/organizations/acme/issues/42/'],
        ['Action.OpenUrl', 'Runbook', 'https://runbooks.acme.test/checkout'],
        ['Action.OpenUrl', 'Alert rule', 'http://faultline.test/organizations/acme/alerts/rules/checkout/12/details/'],
      ],
    );
  });
});
