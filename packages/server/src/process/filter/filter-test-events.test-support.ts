// Test support: NormalizedEvents built through the real normalize stage.
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.js';

export function eventFrom(raw: Record<string, unknown>, itemType: 'event' | 'transaction' = 'event'): NormalizedEvent {
  const result = normalizeEvent(raw, { receivedAt: Date.UTC(2026, 10, 21), projectId: 1, itemType, clientIp: '198.51.100.4' });
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

export function browserEvent(userAgent: string, extra: Record<string, unknown> = {}): NormalizedEvent {
  return eventFrom({
    platform: 'javascript',
    request: { url: 'https://shop.example.com/cart', headers: { 'User-Agent': userAgent } },
    exception: { values: [{ type: 'TypeError', value: 'x is undefined' }] },
    ...extra,
  });
}
