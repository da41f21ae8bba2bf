import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '@faultline/protocol';
import type { TestServer } from '../../testing/index.js';
import { arrayAt, at, frameFunctions, type Stored, type StoredHealth, type StoredItem, thrownException } from './stored-items.test-support.js';

/**
 * Assertions shared by the live-client tests: each names what the SDK sent
 * and checks that the stored payload still says it.
 */
export interface Tagged {
  release: string;
  environment: string;
}

export function storedEvent(stored: Stored, eventId: JsonValue | undefined, type: string, context: string): StoredItem {
  assert.equal(typeof eventId, 'string', `${context}: the client reported no ${type} id`);
  const item = stored.byEventId(eventId as string);
  assert.ok(item, `${context}: no stored item with event id ${String(eventId)}`);
  assert.equal(item.type, type, `${context}: event ${String(eventId)} stored as ${item.type}`);
  return item;
}

export function assertReleaseAndEnvironment(payload: JsonObject, expected: Tagged, context: string): void {
  assert.equal(at(payload, 'release'), expected.release, `${context}: release`);
  assert.equal(at(payload, 'environment'), expected.environment, `${context}: environment`);
}

export function assertError(event: StoredItem, expected: Tagged & { type: string; value: RegExp; thrownBy: string }, context: string): void {
  const exc = thrownException(event.payload);
  assert.equal(at(exc, 'type'), expected.type, `${context}: exception type`);
  assert.match(String(at(exc, 'value')), expected.value, `${context}: exception value`);
  assert.ok(
    frameFunctions(event.payload).includes(expected.thrownBy),
    `${context}: no frame of ${expected.thrownBy} in ${JSON.stringify(frameFunctions(event.payload))}`,
  );
  assert.equal(at(event.payload, 'event_id'), event.eventId, `${context}: payload event_id`);
  assertReleaseAndEnvironment(event.payload, expected, context);
}

/** The scope data every example sets before capturing (user, tag, breadcrumb). */
export function assertScope(event: StoredItem, breadcrumb: string, context: string): void {
  assert.equal(at(event.payload, 'user', 'id'), 'user-42', `${context}: user.id`);
  assert.equal(at(event.payload, 'tags', 'tenant'), 'acme', `${context}: tags.tenant`);
  // JS sends a breadcrumb array, Python `{"values": [...]}` (both valid per the event schema).
  const crumbs = [...arrayAt(event.payload, 'breadcrumbs'), ...arrayAt(event.payload, 'breadcrumbs', 'values')];
  assert.ok(
    crumbs.some((c) => at(c, 'message') === breadcrumb),
    `${context}: breadcrumb "${breadcrumb}" missing from ${JSON.stringify(crumbs)}`,
  );
}

export function assertMessage(event: StoredItem, expected: Tagged & { message: string; level: string }, context: string): void {
  const text = at(event.payload, 'message') ?? at(event.payload, 'logentry', 'message') ?? at(event.payload, 'logentry', 'formatted');
  assert.equal(text, expected.message, `${context}: message`);
  assert.equal(at(event.payload, 'level'), expected.level, `${context}: level`);
  assertReleaseAndEnvironment(event.payload, expected, context);
}

export function assertTransaction(stored: Stored, expected: Tagged & { name: string; op: string; children: string[] }, context: string): void {
  const tx = stored.ofType('transaction').find((t) => at(t.payload, 'transaction') === expected.name);
  assert.ok(tx, `${context}: no stored transaction named ${expected.name}`);
  assert.equal(tx.table, 'events', `${context}: transactions belong in events`);
  assert.equal(at(tx.payload, 'contexts', 'trace', 'op'), expected.op, `${context}: transaction op`);
  const descriptions = arrayAt(tx.payload, 'spans').map((s) => at(s, 'description'));
  for (const child of expected.children)
    assert.ok(descriptions.includes(child), `${context}: child span ${child} missing from ${JSON.stringify(descriptions)}`);
  assertReleaseAndEnvironment(tx.payload, expected, context);
}

/**
 * Streamed spans (JS SDK 11 default; docs/wire-format.md › Item headers), as the span stage
 * stored them: the segment with its release and environment, each child under it.
 */
export function assertStreamedSpans(stored: Stored, expected: Tagged & { segment: string; children: string[] }, context: string): void {
  const spans = stored.ofType('span').flatMap((c) => arrayAt(c.payload, 'items'));
  const segment = spans.find((s) => at(s, 'name') === expected.segment && at(s, 'is_segment') === true);
  assert.ok(segment, `${context}: no stored segment span named ${expected.segment} in ${JSON.stringify(spans.map((s) => at(s, 'name')))}`);
  assert.equal(at(segment, 'release'), expected.release, `${context}: segment release`);
  assert.equal(at(segment, 'environment'), expected.environment, `${context}: segment environment`);
  for (const child of expected.children) {
    const span = spans.find((s) => at(s, 'name') === child);
    assert.ok(span, `${context}: child span ${child} missing`);
    assert.equal(at(span, 'parent_span_id'), at(segment, 'span_id'), `${context}: ${child} is a child of the segment`);
  }
}

/** The last update of the session that ended normally (`endSession()` / `end_session()`). */
/** The app's session ended `exited` after its errors: release health counted it (sessions are counted, not stored). */
export function assertExitedSession(
  stored: Stored,
  expected: Tagged & { minErrors: number; did?: string; withDuration?: boolean },
  context: string,
): StoredHealth {
  const health = stored.health.find((h) => h.release === expected.release && h.environment === expected.environment);
  assert.ok(health, `${context}: no release health for ${expected.release}/${expected.environment} in ${JSON.stringify(stored.health)}`);
  if (expected.withDuration !== false) assert.ok(health.exited >= 1, `${context}: no exited session with a duration: ${JSON.stringify(health)}`);
  if (expected.minErrors > 0) assert.ok(health.erroredAll >= 1, `${context}: the session's errors made it errored: ${JSON.stringify(health)}`);
  if (expected.did !== undefined) assert.ok(health.users >= 1, `${context}: the session's did counts as a user: ${JSON.stringify(health)}`);
  return health;
}

export function checkIns(stored: Stored, slug: string): JsonObject[] {
  return stored
    .ofType('check_in')
    .map((c) => c.payload)
    .filter((p) => at(p, 'monitor_slug') === slug);
}

/**
 * The runs the crons stage stored for a slug: `statuses` are the runs' final statuses (an
 * in_progress check-in and its closing one are one run). `release: undefined` asserts the
 * check-ins carry none (sentry-cli sends none).
 */
export function assertCheckIn(
  stored: Stored,
  expected: { release: string | undefined; environment: string; slug: string; checkInId?: string; statuses: string[] },
  context: string,
): JsonObject[] {
  const runs = checkIns(stored, expected.slug);
  assert.deepEqual(runs.map((p) => at(p, 'status')).sort(), [...expected.statuses].sort(), `${context}: ${expected.slug} check-in statuses`);
  const ids = new Set(runs.map((p) => at(p, 'check_in_id')));
  assert.equal(ids.size, runs.length, `${context}: the closing check-in was paired with the opening one by its id: ${JSON.stringify([...ids])}`);
  if (expected.checkInId !== undefined) assert.ok(ids.has(expected.checkInId), `${context}: check_in_id ${expected.checkInId} not stored`);
  for (const p of runs) {
    assert.equal(at(p, 'release'), expected.release, `${context}: ${expected.slug} check-in release`);
    assert.equal(at(p, 'environment'), expected.environment, `${context}: ${expected.slug} check-in environment`);
  }
  return runs;
}

/**
 * The performance API shows the transaction (or streamed segment) the SDK sent: one row for its
 * name with `count()` ≥ 1 and the op it was sent with.
 */
export async function assertPerformanceRow(server: TestServer, expected: { name: string; op: string }, context: string): Promise<void> {
  const query = new URLSearchParams({ dataset: 'transactions', field: 'transaction', statsPeriod: '90d', query: `transaction:"${expected.name}"` });
  query.append('field', 'transaction.op');
  query.append('field', 'count()');
  const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/events/?${query}`, {
    headers: { authorization: `Bearer ${server.workspace.token}` },
  });
  const body = (await res.json()) as { data?: JsonObject[] };
  assert.equal(res.status, 200, `${context}: performance API ${JSON.stringify(body)}`);
  const rows = body.data ?? [];
  assert.equal(rows.length, 1, `${context}: one row for ${expected.name} in ${JSON.stringify(rows)}`);
  assert.equal(at(rows[0], 'transaction.op'), expected.op, `${context}: op`);
  assert.ok(Number(at(rows[0], 'count()')) >= 1, `${context}: counted`);
}
