import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import { decodePayload } from '../../events/index.js';
import { createPerformanceRepo } from '../../performance/index.js';
import { healthValues } from '../../sessions/index.js';
import type { TestServer } from '../../testing/index.js';

/**
 * What the ingest pipeline stored for the bootstrapped project, read straight
 * from the store: processed events/transactions (`events`) and the items kept
 * for processors that do not exist yet (`parked_items`). Payloads are decoded
 * to JSON so tests can assert on what the SDK sent (events as the pipeline
 * stored them: normalized and scrubbed). Streamed spans (`span` items) are read back
 * from the performance store's trace documents, one `spans` item per stored batch, its
 * spans as `{name, span_id, parent_span_id, is_segment, op, release, environment}`. Sessions are
 * not stored as items: `health` holds what release health counted of them.
 */
export interface StoredItem {
  /** `events` row, `parked_items` row, a streamed batch of `trace_segments`, or a crons check-in (one per run) */
  table: 'events' | 'parked' | 'spans' | 'monitors' | 'user_reports';
  type: string;
  eventId: string | null;
  itemHeaders: JsonObject;
  payload: JsonObject;
}

/** Release health per (release, environment) over everything stored: sessions are counted, not kept (docs/release-health.md). */
export interface StoredHealth {
  release: string;
  environment: string;
  sessions: number;
  /** errored sessions including crashed and unhandled */
  erroredAll: number;
  crashed: number;
  unhandled: number;
  users: number;
  /** exited sessions that carried a duration */
  exited: number;
}

export interface Stored {
  items: StoredItem[];
  health: StoredHealth[];
  ofType(type: string): StoredItem[];
  byEventId(eventId: string | null): StoredItem | undefined;
}

export async function readStored(server: TestServer): Promise<Stored> {
  const projectId = server.workspace.projectId;
  const db = server.store.db;
  const events = await db
    .selectFrom('events')
    .leftJoin('event_dictionaries', 'event_dictionaries.id', 'events.dictionary_id')
    .selectAll('events')
    .select('event_dictionaries.bytes as dictionary')
    .where('events.project_id', '=', projectId)
    .orderBy('events.id')
    .execute();
  // Legacy user reports are kept by the feedback stage, one per event: shown as the item that was sent.
  const reports = await db.selectFrom('user_reports').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  const parked = await db.selectFrom('parked_items').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  // Check-ins are processed by the crons stage: one row per run (in_progress and its closing check-in paired).
  const checkInRows = await db
    .selectFrom('monitor_checkins')
    .innerJoin('monitors', 'monitors.id', 'monitor_checkins.monitor_id')
    .innerJoin('monitor_environments', 'monitor_environments.id', 'monitor_checkins.environment_id')
    .select([
      'monitor_checkins.id',
      'monitor_checkins.guid',
      'monitor_checkins.status',
      'monitor_checkins.duration_ms',
      'monitor_checkins.release',
      'monitor_checkins.trace_id',
      'monitor_environments.environment',
      'monitors.slug',
      'monitors.schedule_type',
      'monitors.schedule',
      'monitors.interval_unit',
      'monitors.checkin_margin',
    ])
    .where('monitor_checkins.project_id', '=', projectId)
    .orderBy('monitor_checkins.id')
    .execute();
  const traceRows = await db
    .selectFrom('trace_segments')
    .select('trace_id')
    .distinct()
    .where('project_id', '=', projectId)
    .where('event_id', 'is', null)
    .execute();
  const repo = createPerformanceRepo(db);
  const streamed = (await Promise.all(traceRows.map((r) => repo.traceBatches([projectId], r.trace_id)))).flat();
  const items: StoredItem[] = [
    ...events.map((r) => ({
      table: 'events' as const,
      type: r.type,
      eventId: r.event_id,
      itemHeaders: {},
      payload: jsonObject(decodePayload(r.payload_encoding, r.payload, r.dictionary).toString('utf8'), `events row ${r.id}`),
    })),
    ...parked.map((r) => ({
      table: 'parked' as const,
      type: r.type,
      eventId: r.event_id,
      itemHeaders: jsonObject(r.item_headers, `parked_items row ${r.id} headers`),
      payload: jsonObject(Buffer.from(r.payload).toString('utf8'), `parked_items row ${r.id} (${r.type})`),
    })),
    ...reports.map((r) => ({
      table: 'user_reports' as const,
      type: 'user_report',
      eventId: r.event_id,
      itemHeaders: {},
      payload: { event_id: r.event_id, name: r.name, email: r.email, comments: r.comments },
    })),
    ...checkInRows.map((r) => ({
      table: 'monitors' as const,
      type: 'check_in',
      eventId: null,
      itemHeaders: {},
      payload: {
        check_in_id: r.guid,
        monitor_slug: r.slug,
        status: r.status,
        ...(r.duration_ms === null ? {} : { duration: Number(r.duration_ms) / 1000 }),
        ...(r.release === null ? {} : { release: r.release }),
        environment: r.environment,
        trace_id: r.trace_id,
        monitor_config: {
          schedule:
            r.schedule_type === 'crontab' ? { type: 'crontab', value: r.schedule } : { type: 'interval', value: Number(r.schedule), unit: r.interval_unit },
          checkin_margin: r.checkin_margin,
        },
      },
    })),
    ...streamed
      .filter((r) => r.batch.segment?.eventId == null)
      .map((r) => ({
        table: 'spans' as const,
        type: 'span',
        eventId: null,
        itemHeaders: {},
        payload: {
          items: r.batch.spans.map((span) => ({
            name: span.description,
            span_id: span.spanId,
            parent_span_id: span.parentSpanId,
            is_segment: span.isSegment,
            op: span.op,
            release: span.isSegment ? (r.batch.segment?.release ?? null) : null,
            environment: span.isSegment ? (r.batch.segment?.environment ?? null) : null,
          })),
        },
      })),
  ];
  const health = await server.store.releaseHealth.stats({
    projectIds: [projectId],
    start: 0,
    end: 2 ** 52,
    intervalMs: 2 ** 52,
    groupBy: ['release', 'environment'],
  });
  return {
    items,
    health: health.map((g) => {
      const v = healthValues(g.totals);
      return {
        release: g.by.release ?? '',
        environment: g.by.environment ?? '',
        sessions: v.sessions,
        erroredAll: v.erroredAll,
        crashed: v.crashed,
        unhandled: v.unhandled,
        users: v.users,
        exited: g.totals.durationCount,
      };
    }),
    ofType: (type) => items.filter((i) => i.type === type),
    byEventId: (eventId) => (eventId === null ? undefined : items.find((i) => i.eventId === eventId)),
  };
}

function jsonObject(text: string, what: string): JsonObject {
  const value: unknown = JSON.parse(text);
  assert.ok(isJsonObject(value), `${what} is not a JSON object: ${text.slice(0, 200)}`);
  return value;
}

/**
 * Polls the store until `ready` holds (ingest answers before the worker has
 * processed the queue). On timeout the assertion lists what was stored.
 */
export async function waitForStored(server: TestServer, ready: (stored: Stored) => boolean, what: string, timeoutMs = 15_000): Promise<Stored> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await readStored(server);
    if (ready(stored)) return stored;
    if (Date.now() > deadline) assert.fail(`${what}: not stored within ${timeoutMs} ms; stored: ${describeStored(stored)}`);
    await sleep(50);
  }
}

export function describeStored(stored: Stored): string {
  return JSON.stringify(stored.items.map((i) => `${i.table}:${i.type}:${i.eventId ?? '-'}`));
}

/** Outcome rows other than `accepted` (what ingest rejected, filtered, rate-limited or clients discarded). */
export async function nonAcceptedOutcomes(server: TestServer): Promise<string[]> {
  const rows = await server.store.db.selectFrom('outcomes').selectAll().where('project_id', '=', server.workspace.projectId).execute();
  return rows.filter((r) => r.outcome !== 'accepted').map((r) => `${r.outcome}/${r.category}/${r.reason}×${r.quantity}`);
}

/**
 * Follows a path through JSON (`at(event, 'exception', 'values', 0, 'type')`); undefined where it
 * ends. A name also finds the value in a `[[key, value], …]` list: stored events keep tags and
 * headers as pairs (Sentry's form), whatever form the SDK sent.
 */
export function at(value: JsonValue | undefined, ...path: (string | number)[]): JsonValue | undefined {
  let v = value;
  for (const key of path) {
    if (typeof key === 'number') v = Array.isArray(v) ? v[key] : undefined;
    else if (Array.isArray(v)) v = v.find((pair): pair is JsonValue[] => Array.isArray(pair) && pair.length === 2 && pair[0] === key)?.[1];
    else v = isJsonObject(v) ? v[key] : undefined;
  }
  return v;
}

/** The array at `path`, or an empty one (so `.some(…)` reads naturally and fails when absent). */
export function arrayAt(value: JsonValue | undefined, ...path: (string | number)[]): JsonValue[] {
  const v = at(value, ...path);
  return Array.isArray(v) ? v : [];
}

/** The function names of every stack frame of every exception in an event. */
export function frameFunctions(event: JsonObject): string[] {
  return arrayAt(event, 'exception', 'values').flatMap((exc) => arrayAt(exc, 'stacktrace', 'frames').map((f) => String(at(f, 'function') ?? '')));
}

/** The last exception is the one that was thrown (earlier ones are its causes). */
export function thrownException(event: JsonObject): JsonValue | undefined {
  const values = arrayAt(event, 'exception', 'values');
  return values[values.length - 1];
}
