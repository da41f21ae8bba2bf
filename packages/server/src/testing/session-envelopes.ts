import { randomUUID } from 'node:crypto';

/**
 * Release-health traffic the way Node SDKs send it (Sentry's envelope docs, "Sessions"):
 * request-mode `sessions` aggregates, one entry per user, and one application-mode `session`
 * update per crash, all started at `started`.
 */
export interface SessionTraffic {
  /** distinct users (`did` user-0 … user-N−1), each with `perUser` exited sessions */
  users: number;
  perUser: number;
  /** users user-0 … user-K−1 each also have one crashed session */
  crashedUsers: number;
  /** the status of those sessions: `crashed` (default), or `unhandled` as the browser SDK 11 sends */
  crashStatus?: 'crashed' | 'unhandled';
  environment?: string;
  started: number;
}

export function sessionsEnvelope(release: string, t: SessionTraffic): string {
  const attrs = { release, environment: t.environment ?? 'production' };
  const started = new Date(t.started - (t.started % 60_000)).toISOString();
  const aggregates = Array.from({ length: t.users }, (_, i) => ({ started, did: `user-${i}`, exited: t.perUser }));
  const items = [`{"type":"sessions"}`, JSON.stringify({ attrs, aggregates })];
  for (let i = 0; i < t.crashedUsers; i++) {
    const update = {
      sid: randomUUID().replaceAll('-', ''),
      did: `user-${i}`,
      init: true,
      started,
      timestamp: new Date(Date.parse(started) + 5_000).toISOString(),
      status: t.crashStatus ?? 'crashed',
      errors: 1,
      duration: 5,
      attrs,
    };
    items.push(`{"type":"session"}`, JSON.stringify(update));
  }
  const header = { sent_at: new Date(t.started).toISOString(), sdk: { name: 'sentry.javascript.node', version: '11.12.0' } };
  return `${JSON.stringify(header)}\n${items.join('\n')}\n`;
}
