import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Faultline-Signature: sha256=<hex>`: HMAC-SHA256 of the raw request body with the
 * channel's secret. The body carries the same `timestamp` as `X-Faultline-Timestamp`, so
 * the signature covers it and a receiver can refuse stale (replayed) requests.
 */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The check a receiver makes (docs/alerts.md shows the same in a few lines). */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
