import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type HttpReceiver, startHttpReceiver } from '../../../testing/index.js';
import { createSmtpMailer } from '../email/smtp-mailer.js';
import type { Notification } from '../notification.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';
import { verifyWebhookSignature } from './webhook-signature.js';

/** The receiver-side check exactly as docs/alerts.md shows it, independent of Faultline's own helper. */
function docsVerify(secret: string, rawBody: string, signature: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

describe('generic webhook', () => {
  let hook: HttpReceiver;
  const secret = 'whsec-0123456789abcdef0123456789';
  const mailer = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
  before(async () => {
    hook = await startHttpReceiver();
  });
  after(() => hook.close());

  it('signs the raw body with HMAC-SHA256 and sends delivery id and timestamp', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 30, 5);
    await sendNotification({ type: 'webhook', url: `${hook.url}/hooks/faultline`, secret }, sampleNotification(), {
      deliveryId: '7d0c8a3e-delivery',
      now,
      timeoutMs: 2000,
      mailer,
      pagerDutyUrl: 'http://127.0.0.1:9/',
    });
    const req = hook.requests.at(-1);
    assert.ok(req);
    const signature = req.headers['x-faultline-signature'] as string;
    assert.match(signature, /^sha256=[0-9a-f]{64}$/);
    assert.ok(docsVerify(secret, req.body, signature), 'the documented verification accepts it');
    assert.ok(verifyWebhookSignature(secret, req.body, signature));
    assert.equal(verifyWebhookSignature('another-secret-0123456789', req.body, signature), false);
    assert.equal(docsVerify(secret, req.body.replace('"critical"', '"info"'), signature), false, 'a changed body fails');
    assert.equal(req.headers['x-faultline-delivery'], '7d0c8a3e-delivery');
    assert.equal(req.headers['x-faultline-timestamp'], String(Math.floor(now / 1000)));
    assert.equal(req.headers['x-faultline-event'], 'alert.triggered');
    const body = JSON.parse(req.body) as { id: string; type: string; timestamp: number; alert: Notification };
    assert.equal(body.id, '7d0c8a3e-delivery');
    assert.equal(body.type, 'alert.triggered');
    // The signed body carries the timestamp too, so replaying an old request cannot pass as new.
    assert.equal(body.timestamp, Math.floor(now / 1000));
    assert.equal(body.alert.usersAffected, 7);
    assert.equal(body.alert.issue?.shortId, 'CHECKOUT-1A');
    assert.equal(body.alert.link.url, 'http://faultline.test/organizations/acme/issues/42/');
  });
});
