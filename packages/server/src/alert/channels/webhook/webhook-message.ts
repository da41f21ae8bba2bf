import type { Notification } from '../notification.js';
import { signWebhookBody } from './webhook-signature.js';

/**
 * The generic webhook request: a JSON body with the delivery id, the send time and the
 * notification, plus headers for deduplication (`X-Faultline-Delivery`, the same on
 * every retry of one delivery) and authenticity (`X-Faultline-Signature`).
 */
export function webhookRequest(n: Notification, secret: string, deliveryId: string, nowMs: number): { body: string; headers: Record<string, string> } {
  const timestamp = Math.floor(nowMs / 1000);
  const body = JSON.stringify({ id: deliveryId, type: `alert.${n.status}`, timestamp, alert: n });
  return {
    body,
    headers: {
      'x-faultline-delivery': deliveryId,
      'x-faultline-timestamp': String(timestamp),
      'x-faultline-signature': signWebhookBody(secret, body),
      'x-faultline-event': `alert.${n.status}`,
    },
  };
}
