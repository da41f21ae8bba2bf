import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mimeParts, type SmtpReceiver, startSmtpReceiver } from '../../../testing/index.js';
import { DeliveryError } from '../delivery-error.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';
import { createSmtpMailer, type Mailer } from './smtp-mailer.js';

describe('e-mail over SMTP', () => {
  let smtp: SmtpReceiver;
  let mailer: Mailer;
  before(async () => {
    smtp = await startSmtpReceiver();
    mailer = createSmtpMailer(
      { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Faultline <alerts@faultline.test>' },
      5000,
    );
  });
  after(async () => {
    mailer.close();
    await smtp.close();
  });

  it('sends an HTML and a text part with the same facts and links', async () => {
    const ctx = { deliveryId: '0f1e2d3c-mail', now: 0, timeoutMs: 5000, mailer, pagerDutyUrl: 'http://127.0.0.1:9/' };
    await sendNotification({ type: 'email', recipients: ['oncall@acme.test', 'lead@acme.test'] }, sampleNotification(), ctx);
    await smtp.waitFor(1);
    const mail = smtp.mails[0];
    assert.ok(mail);
    assert.equal(mail.from, 'alerts@faultline.test');
    assert.deepEqual(mail.to.sort(), ['lead@acme.test', 'oncall@acme.test']);
    const { headers, text, html } = mimeParts(mail.raw);
    assert.match(headers, /^Subject: \[critical\] TypeError: Cannot read properties of undefined/m);
    assert.match(headers, /^Message-ID: <0f1e2d3c-mail@faultline>/im);
    assert.match(headers, /^X-Faultline-Delivery: 0f1e2d3c-mail/im);
    assert.match(headers, /multipart\/alternative/);
    assert.match(text, /Affected more than 5 users within 1 hour & <growing>\./);
    assert.match(text, /Users affected: 7/);
    assert.match(text, /Release: checkout@2\.4\.1 \(deployed to production 2026-01-01 11:45 UTC\)/);
    assert.match(text, /Open issue: http:\/\/faultline\.test\/organizations\/acme\/issues\/42\//);
    assert.match(text, /Triage notes:\nCheck the payment provider status page first\./);
    assert.match(html, /<a href="http:\/\/faultline\.test\/organizations\/acme\/issues\/42\/">Open issue<\/a>/);
    assert.match(html, /<a href="https:\/\/runbooks\.acme\.test\/checkout">Runbook<\/a>/);
    // HTML-escaped: an issue title cannot inject markup into the mail.
    assert.match(html, /within 1 hour &amp; &lt;growing&gt;\./);
    assert.match(html, /<th[^>]*>Users affected<\/th><td>7<\/td>/);
  });

  it('without FAULTLINE_SMTP_HOST a delivery fails with a clear, retryable error', async () => {
    const unconfigured = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
    const err = await sendNotification({ type: 'email', recipients: ['a@b.test'] }, sampleNotification(), {
      deliveryId: 'x',
      now: 0,
      timeoutMs: 1000,
      mailer: unconfigured,
      pagerDutyUrl: 'http://127.0.0.1:9/',
    }).catch((e: unknown) => e);
    assert.ok(err instanceof DeliveryError);
    assert.match(err.message, /FAULTLINE_SMTP_HOST/);
    assert.equal(err.permanent, false);
  });
});
