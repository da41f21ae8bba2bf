import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HttpReceiver, startHttpReceiver } from '../../../testing/index.js';
import { DeliveryError } from '../delivery-error.js';
import { createSmtpMailer } from '../email/smtp-mailer.js';
import { sampleNotification } from '../sample-notification.test-support.js';
import { sendNotification } from '../send-notification.js';

type PdEvent = {
  routing_key: string;
  event_action: string;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: string;
    timestamp: string;
    component: string;
    group: string;
    class: string;
    custom_details: Record<string, string>;
  };
  links?: { href: string; text: string }[];
  client?: string;
  client_url?: string;
};

describe('PagerDuty Events API v2', () => {
  let pd: HttpReceiver;
  const mailer = createSmtpMailer({ host: null, port: 25, secure: false, user: null, password: null, from: 'x@y' }, 1000);
  const routingKey = 'R0UT1NGKEY0123456789ABCDEFGHIJKL';
  before(async () => {
    pd = await startHttpReceiver();
    pd.status = 202;
  });
  after(() => pd.close());
  const ctx = () => ({ deliveryId: 'd-4', now: 0, timeoutMs: 2000, mailer, pagerDutyUrl: `${pd.url}/v2/enqueue` });

  it('triggers, then resolves with the same dedup_key', async () => {
    const n = sampleNotification({ kind: 'metric', dedupKey: 'faultline-metric-3-9' });
    await sendNotification({ type: 'pagerduty', routingKey }, n, ctx());
    await sendNotification({ type: 'pagerduty', routingKey }, { ...n, status: 'resolved' }, ctx());
    assert.equal(pd.requests.length, 2);
    const [trigger, resolve] = pd.requests.map((r) => JSON.parse(r.body) as PdEvent);
    assert.equal(pd.requests[0]?.path, '/v2/enqueue');
    assert.equal(trigger?.event_action, 'trigger');
    assert.equal(trigger?.routing_key, routingKey);
    assert.equal(trigger?.dedup_key, 'faultline-metric-3-9');
    assert.equal(trigger?.payload?.severity, 'critical');
    assert.equal(trigger?.payload?.source, 'acme/checkout');
    assert.equal(trigger?.payload?.group, 'production');
    assert.equal(trigger?.payload?.timestamp, '2026-01-01T12:30:00.000Z');
    assert.match(trigger?.payload?.summary ?? '', /^TypeError/);
    assert.equal(trigger?.payload?.custom_details['Users affected'], '7');
    assert.equal(trigger?.payload?.custom_details.Runbook, 'https://runbooks.acme.test/checkout');
    assert.deepEqual(trigger?.links?.[0], { href: 'http://faultline.test/organizations/acme/issues/42/', text: 'Open issue' });
    assert.deepEqual(resolve, { routing_key: routingKey, event_action: 'resolve', dedup_key: 'faultline-metric-3-9' });
  });

  it('400 (invalid event) is permanent, 429 (throttled) is retried', async () => {
    pd.status = 400;
    const bad = await sendNotification({ type: 'pagerduty', routingKey }, sampleNotification(), ctx()).catch((e: unknown) => e);
    assert.ok(bad instanceof DeliveryError && bad.permanent);
    pd.status = 429;
    const throttled = await sendNotification({ type: 'pagerduty', routingKey }, sampleNotification(), ctx()).catch((e: unknown) => e);
    assert.ok(throttled instanceof DeliveryError && !throttled.permanent);
    pd.status = 202;
  });
});
