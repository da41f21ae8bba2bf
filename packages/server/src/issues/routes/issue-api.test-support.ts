// Test support (not a test): a real server with the pipeline running, fed with events built
// from the real SDK captures (packages/server/test-fixtures/), sent as envelopes over HTTP and
// processed by draining the worker. Each sent event gets a fresh event_id so a capture can be
// sent many times; tests change only what they say (release, environment, user, message).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { capturedEvent } from '../../process/normalize/sdk-events.test-support.js';
import { apiFetch, type Caller, type DialectName, startTestServer, type TestServer, type TestServerOptions } from '../../testing/index.js';

/** The captures every API test draws from (in packages/server/test-fixtures/; docs/wire-format.md › Capture tags). */
export const CAPTURES = {
  /** Node 11: captureException(TypeError) with user, tags, breadcrumbs, contexts */
  nodeTypeError: 'sentry-node-11.12.0/004-errors--envelope-event.txt',
  /** Node 11: captureException with a custom fingerprint and level fatal */
  nodeFingerprinted: 'sentry-node-11.12.0/002-errors--envelope-event.txt',
  /** Node 11: captureMessage at warning */
  nodeMessage: 'sentry-node-11.12.0/003-errors--envelope-event.txt',
  /** Node 8: Express error with request and mechanism handled:false */
  nodeExpress: 'sentry-node-8.55.2/012-express--envelope-event.txt',
  /** Python 1.9 through /store/: exception with frame context lines and vars */
  python: 'sentry-python-1.9.10/001-errors--store.txt',
  /** Browser 11: exception with breadcrumbs and request */
  browser: 'sentry-browser-11.12.0/004-default--envelope-event.txt',
  /** Node 11: a transaction with spans */
  nodeTransaction: 'sentry-node-11.12.0/010-express-static--envelope-transaction.txt',
} as const;

export const PUBLIC_KEY = 'publickey';

/** A test server whose project also accepts the captures' DSN key. */
export async function startIssueServer(dialect: DialectName, options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startTestServer({ ...options, dialect });
  const key = await server.store.clientKeys.create(server.workspace.projectId, 'sdk captures');
  await server.store.db.updateTable('client_keys').set({ public_key: PUBLIC_KEY }).where('id', '=', key.id).execute();
  return server;
}

export const newEventId = (): string => randomBytes(16).toString('hex');

/**
 * Sends a capture's payload (changed by `edit`) as a one-item envelope, the way the SDK
 * would, with a fresh event_id; returns the event_id. Process it with `drain`.
 */
export async function sendCapture(
  server: TestServer,
  name: string,
  edit: (payload: Record<string, unknown>) => void = () => {},
  projectId = server.workspace.projectId,
): Promise<string> {
  const capture = capturedEvent(name);
  const payload = structuredClone(capture.payload);
  const eventId = newEventId();
  payload.event_id = eventId;
  // The SDKs stamp events with their own clock; "now" keeps them clear of the clock-drift rules.
  payload.timestamp = Date.now() / 1000;
  edit(payload);
  const header = { event_id: eventId, sent_at: new Date().toISOString(), sdk: capture.envelopeHeaders?.sdk ?? payload.sdk };
  const body = `${JSON.stringify(header)}\n${JSON.stringify({ type: capture.itemType })}\n${JSON.stringify(payload)}\n`;
  const res = await fetch(`${server.url}/api/${projectId}/envelope/`, {
    method: 'POST',
    headers: {
      'x-sentry-auth': `Sentry sentry_key=${PUBLIC_KEY}, sentry_version=7, sentry_client=faultline-tests/1.0`,
      'content-type': 'application/x-sentry-envelope',
    },
    body,
  });
  assert.equal(res.status, 200, `ingest refused ${name}: ${await res.text()}`);
  return eventId;
}

export async function drain(server: TestServer): Promise<void> {
  await server.app.jobs.worker.drain();
}

/** GET as the workspace admin's token (or `as`), asserting 200; returns the body. */
export async function getOk<T>(server: TestServer, path: string, as: Caller = { token: server.workspace.token }): Promise<T> {
  const res = await apiFetch<T>(server.url, path, { as });
  assert.equal(res.status, 200, `GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface IssueSummary {
  id: string;
  shortId: string;
  title: string;
  status: string;
  level: string;
  count: string;
  userCount: number;
  lastSeen: string;
  firstSeen: string;
}

/** Every issue of the workspace project, whatever its status, newest first. */
export async function allIssues(server: TestServer, extra = ''): Promise<IssueSummary[]> {
  return getOk<IssueSummary[]>(server, `/api/0/projects/${server.workspace.org}/${server.workspace.project}/issues/?query=&limit=100${extra}`);
}
