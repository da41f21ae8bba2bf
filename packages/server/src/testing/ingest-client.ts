// Posting envelopes to a test server the way SDKs do.
import { randomBytes } from 'node:crypto';
import type { TestServer } from './test-server.js';

export function publicKeyOf(server: TestServer): string {
  return new URL(server.workspace.dsn).username;
}

export function newEventId(): string {
  return randomBytes(16).toString('hex');
}

/** A one-event envelope in the JS SDK's shape (no lengths, no trailing newline). */
export function eventEnvelope(eventId = newEventId(), extraItems = ''): string {
  return `{"event_id":"${eventId}","sent_at":"2026-11-21T15:30:23.426Z","sdk":{"name":"sentry.javascript.node","version":"11.12.0"}}\n{"type":"event"}\n{"event_id":"${eventId}","message":"hello","level":"error","platform":"node"}${extraItems}`;
}

export interface PostOptions {
  /** query-string auth (default) or none */
  query?: string;
  headers?: Record<string, string>;
  kind?: 'envelope' | 'store' | 'security';
  projectId?: number;
}

export async function post(server: TestServer, body: string | Uint8Array, options: PostOptions = {}): Promise<Response> {
  const kind = options.kind ?? 'envelope';
  const query = options.query ?? `?sentry_version=7&sentry_key=${publicKeyOf(server)}`;
  return fetch(`${server.url}/api/${options.projectId ?? server.workspace.projectId}/${kind}/${query}`, {
    method: 'POST',
    body,
    headers: options.headers ?? {},
  });
}
