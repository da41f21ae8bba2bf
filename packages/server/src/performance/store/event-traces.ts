import type { Kysely } from 'kysely';
import type { Database, StoreExecutor } from '../../store/index.js';
import { spanIdOf, traceIdOf } from '../spans/span-fields.js';

/**
 * The trace index of error events (table `event_traces`, migration 0014): written by the
 * pipeline's persist step for each newly stored error event that names a trace, read by the
 * trace view. Retention deletes a row with its event (store/events.ts).
 */

export interface EventTraceRow {
  readonly projectId: number;
  readonly eventId: string;
  readonly traceId: string;
  readonly spanId: string | null;
  readonly issueId: number | null;
  readonly transaction: string | null;
  /** ms */
  readonly timestamp: number;
  /** ms */
  readonly receivedAt: number;
  /** set for a performance issue's event: its group type and the spans it blames */
  readonly occurrence: { readonly type: number; readonly offenderSpanIds: readonly string[] } | null;
}

/** What an error event tells about its trace: `contexts.trace` (Sentry developer docs, "Contexts" › "Trace Context"). */
export interface TracedEventFacts {
  readonly projectId: number;
  readonly eventId: string;
  readonly issueId: number | null;
  readonly contexts: Readonly<Record<string, unknown>> | undefined;
  readonly transaction: string | undefined;
  readonly timestampMs: number;
  readonly receivedAt: number;
  /** a performance issue's `occurrence` (process/spans/performance-issues.ts) */
  readonly occurrence?: Readonly<Record<string, unknown>> | undefined;
}

/** The index row of an error event, or null when it names no valid trace id (nothing to find it by). */
export function eventTraceRowOf(facts: TracedEventFacts): EventTraceRow | null {
  const trace = facts.contexts?.trace;
  if (trace === null || typeof trace !== 'object' || Array.isArray(trace)) return null;
  const { trace_id: rawTraceId, span_id: rawSpanId } = trace as Record<string, unknown>;
  const traceId = traceIdOf(rawTraceId);
  if (traceId === null) return null;
  return {
    projectId: facts.projectId,
    eventId: facts.eventId,
    traceId,
    spanId: spanIdOf(rawSpanId),
    issueId: facts.issueId,
    transaction: facts.transaction === undefined || facts.transaction === '' ? null : facts.transaction.slice(0, 200),
    timestamp: facts.timestampMs,
    receivedAt: facts.receivedAt,
    occurrence: occurrenceOf(facts.occurrence),
  };
}

function occurrenceOf(value: Readonly<Record<string, unknown>> | undefined): EventTraceRow['occurrence'] {
  if (value === undefined) return null;
  const evidence = value.evidenceData;
  const ids = evidence !== null && typeof evidence === 'object' && !Array.isArray(evidence) ? (evidence as Record<string, unknown>).offenderSpanIds : undefined;
  return {
    type: typeof value.type === 'number' ? value.type : 0,
    offenderSpanIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').slice(0, 2000) : [],
  };
}

const rowsPerInsert = 500;

/** In the batch's transaction; the caller passes only events it actually inserted, so a row never repeats. */
export async function insertEventTraces(trx: StoreExecutor, rows: readonly EventTraceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    const values = rows.slice(i, i + rowsPerInsert).map((r) => ({
      project_id: r.projectId,
      event_id: r.eventId,
      trace_id: r.traceId,
      span_id: r.spanId,
      issue_id: r.issueId,
      transaction: r.transaction,
      timestamp: r.timestamp,
      received_at: r.receivedAt,
      occurrence_type: r.occurrence?.type ?? null,
      offender_span_ids: r.occurrence === null ? null : JSON.stringify(r.occurrence.offenderSpanIds),
    }));
    await trx
      .insertInto('event_traces')
      .values(values)
      .onConflict((oc) => oc.columns(['project_id', 'event_id']).doNothing())
      .execute();
  }
}

/** An error event of a trace with what its node shows: the event's title and level, its issue's short id and culprit. */
export interface TraceErrorRow {
  readonly projectId: number;
  readonly eventId: string;
  readonly spanId: string | null;
  readonly issueId: number | null;
  readonly transaction: string | null;
  /** ms */
  readonly timestamp: number;
  readonly title: string | null;
  readonly level: string | null;
  readonly issueShortId: number | null;
  readonly culprit: string | null;
}

/** A trace's errors are few; this bounds what one request reads when a client loops errors into one trace. */
export const MAX_TRACE_ERRORS = 2000;

/**
 * The error events of a trace in the given projects, oldest first. Joined with `events` so an
 * error whose event is gone (deleted with its issue) is not shown.
 */
export async function traceErrors(db: Kysely<Database>, projectIds: readonly number[], traceId: string): Promise<TraceErrorRow[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('event_traces as t')
    .innerJoin('events as e', (j) => j.onRef('e.project_id', '=', 't.project_id').onRef('e.event_id', '=', 't.event_id'))
    .leftJoin('issues as i', 'i.id', 't.issue_id')
    .select(['t.project_id', 't.event_id', 't.span_id', 't.issue_id', 't.transaction', 't.timestamp', 'e.title', 'e.level', 'i.short_id', 'i.culprit'])
    .where('t.trace_id', '=', traceId)
    .where('t.project_id', 'in', [...projectIds])
    .where('t.occurrence_type', 'is', null)
    .orderBy('t.timestamp')
    .orderBy('t.event_id')
    .limit(MAX_TRACE_ERRORS)
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    eventId: r.event_id,
    spanId: r.span_id,
    issueId: r.issue_id,
    transaction: r.transaction,
    timestamp: Number(r.timestamp),
    title: r.title,
    level: r.level,
    issueShortId: r.short_id,
    culprit: r.culprit,
  }));
}

/** A performance issue found in a trace: its event, issue and the spans it blames. */
export interface TraceOccurrenceRow {
  readonly projectId: number;
  readonly eventId: string;
  readonly issueId: number | null;
  readonly transaction: string | null;
  /** ms */
  readonly timestamp: number;
  readonly type: number;
  readonly offenderSpanIds: readonly string[];
  readonly title: string | null;
  readonly issueShortId: number | null;
  readonly culprit: string | null;
}

export async function traceOccurrenceRows(db: Kysely<Database>, projectIds: readonly number[], traceId: string): Promise<TraceOccurrenceRow[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('event_traces as t')
    .leftJoin('issues as i', 'i.id', 't.issue_id')
    .select([
      't.project_id',
      't.event_id',
      't.issue_id',
      't.transaction',
      't.timestamp',
      't.occurrence_type',
      't.offender_span_ids',
      'i.title',
      'i.short_id',
      'i.culprit',
    ])
    .where('t.trace_id', '=', traceId)
    .where('t.project_id', 'in', [...projectIds])
    .where('t.occurrence_type', 'is not', null)
    .orderBy('t.timestamp')
    .limit(MAX_TRACE_ERRORS)
    .execute();
  return rows.map((r) => {
    let ids: unknown = [];
    try {
      ids = JSON.parse(r.offender_span_ids ?? '[]');
    } catch {
      ids = [];
    }
    return {
      projectId: r.project_id,
      eventId: r.event_id,
      issueId: r.issue_id,
      transaction: r.transaction,
      timestamp: Number(r.timestamp),
      type: Number(r.occurrence_type),
      offenderSpanIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [],
      title: r.title,
      issueShortId: r.short_id,
      culprit: r.culprit,
    };
  });
}
