import { type Clock, type Logger, randomHex } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { type ChannelConfig, storedChannelConfig } from '../channels/channel-config.js';
import { DeliveryError, deliveryErrorOf } from '../channels/delivery-error.js';
import type { Mailer } from '../channels/email/smtp-mailer.js';
import type { Notification } from '../channels/notification.js';
import type { OutboundPolicy } from '../channels/outbound-policy.js';
import { sendNotification } from '../channels/send-notification.js';
import type { ClaimedDelivery } from '../store/alert-outbox.js';
import { backoffDelay } from './backoff.js';
import { createLoop, type Loop } from './loop.js';

export interface DeliverySettings {
  httpTimeoutMs: number;
  /** how long a claimed row is ours; longer than any send can take */
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollMs: number;
  batchSize: number;
  pagerDutyUrl: string;
  /** where HTTP notifications may go (checked per request, after DNS) */
  outbound?: OutboundPolicy;
}

export interface DeliveryWorker extends Loop {
  /** Sends what is due now; returns how many rows it settled. */
  runOnce(): Promise<number>;
  /** Runs until nothing is due at the clock's current time. */
  drain(): Promise<number>;
}

/**
 * Drains the alert outbox. Each row is claimed under a lease (status `sending`) before
 * the request goes out and settled after it: sent, retried later with backoff, or failed
 * for good. A row is therefore sent at most once per lease; if the process dies between
 * the receiver accepting and the row being marked sent, the lease expires and the row is
 * sent again — at-least-once, with a delivery id the receiver can dedupe on.
 */
export function createDeliveryWorker(deps: { store: Store; clock: Clock; logger: Logger; mailer: Mailer; settings: DeliverySettings }): DeliveryWorker {
  const { store, clock, logger, mailer, settings } = deps;
  const owner = `deliver-${randomHex(8)}`;

  async function channelFor(row: ClaimedDelivery): Promise<{ config: ChannelConfig; recipients?: string[] }> {
    const payload = (row.payload ?? {}) as { recipients?: string[] };
    if (row.channelId === null) {
      if (row.channelType === 'email' && Array.isArray(payload.recipients))
        return { config: { type: 'email', recipients: payload.recipients }, recipients: payload.recipients };
      throw new DeliveryError('the notification channel was deleted', { permanent: true });
    }
    const channel = await store.alerts.channels.byId(row.channelId);
    if (!channel) throw new DeliveryError('the notification channel was deleted', { permanent: true });
    const config = storedChannelConfig(channel.type, channel.config);
    if (!config.ok) throw new DeliveryError(`the channel's settings are invalid: ${config.reason}`, { permanent: true });
    return Array.isArray(payload.recipients) ? { config: config.value, recipients: payload.recipients } : { config: config.value };
  }

  async function deliver(row: ClaimedDelivery): Promise<void> {
    try {
      if (row.notification === null) throw new DeliveryError('the firing was deleted', { permanent: true });
      const { config, recipients } = await channelFor(row);
      await sendNotification(config, row.notification as Notification, {
        deliveryId: row.deliveryId,
        now: clock.now(),
        timeoutMs: settings.httpTimeoutMs,
        mailer,
        pagerDutyUrl: settings.pagerDutyUrl,
        ...(settings.outbound ? { outbound: settings.outbound } : {}),
        ...(recipients ? { recipients } : {}),
      });
      const settled = await store.alerts.outbox.settle(row.id, owner, { status: 'sent', at: clock.now() });
      if (!settled) logger.warn({ delivery: row.deliveryId }, 'alert delivered after its lease expired; it may be delivered twice');
    } catch (err) {
      const e = deliveryErrorOf(err);
      const giveUp = e.permanent || row.attempts >= settings.maxAttempts;
      const error = `attempt ${row.attempts}: ${e.message}`;
      logger.warn({ delivery: row.deliveryId, channel: row.channelType, attempts: row.attempts, giveUp, err: e.message }, 'alert delivery failed');
      await store.alerts.outbox.settle(
        row.id,
        owner,
        giveUp
          ? { status: 'failed', error }
          : { status: 'pending', error, nextAttemptAt: clock.now() + backoffDelay(row.attempts, settings.backoffBaseMs, settings.backoffMaxMs) },
      );
    }
  }

  async function runOnce(): Promise<number> {
    const now = clock.now();
    const ids = await store.alerts.outbox.dueIds(now, settings.batchSize);
    const claimed: ClaimedDelivery[] = [];
    for (const id of ids) {
      const row = await store.alerts.outbox.claim(id, owner, now, now + settings.leaseMs);
      if (row) claimed.push(row);
    }
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  }

  const loop = createLoop('alert-delivery', runOnce, settings.pollMs, logger);
  return {
    ...loop,
    runOnce,
    async drain() {
      let total = 0;
      for (;;) {
        const n = await runOnce();
        if (n === 0) return total;
        total += n;
      }
    },
  };
}
