import { type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database, StoreExecutor } from '../../store/index.js';
import { accumulateRollups, userKeyOf } from '../rollups/rollup-deltas.js';
import { decodeSketch, encodeSketch, newSketch } from '../rollups/sketch.js';
import type { SpanBatch } from '../spans/index.js';
import { decodeTraceDocument, encodeTraceDocument } from './trace-document.js';

export interface StoredBatch {
  readonly projectId: number;
  readonly receivedAt: number;
  readonly batch: SpanBatch;
}

export interface TraceSegmentRow {
  readonly id: number;
  readonly projectId: number;
  readonly receivedAt: number;
  readonly batch: SpanBatch;
}

const rowsPerInsert = 200;

async function insertChunked<T>(rows: readonly T[], insert: (values: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) await insert(rows.slice(i, i + rowsPerInsert));
}

/** The rows one processing batch writes: trace documents and rollup deltas, already encoded. */
export interface SpanRows {
  readonly segments: Insertable<Database['trace_segments']>[];
  readonly transactions: Insertable<Database['perf_rollups']>[];
  readonly users: Insertable<Database['perf_users']>[];
  readonly spans: Insertable<Database['span_rollups']>[];
  /** one per project and span group of the batch, with the latest hour it was seen in */
  readonly descriptions: Insertable<Database['span_descriptions']>[];
}

/**
 * The CPU part of storing spans — deflating documents, accumulating the batch's rollup deltas,
 * encoding sketches — done before the batch's transaction, as the pipeline does for events
 * (docs/performance.md): the transaction then only inserts.
 */
export function prepareSpanRows(batches: readonly StoredBatch[]): SpanRows {
  const deltas = accumulateRollups(batches);
  // One row per group: PostgreSQL refuses an upsert that touches a row twice in one statement.
  const descriptions = new Map<string, Insertable<Database['span_descriptions']>>();
  for (const d of deltas.spans) {
    const id = `${d.projectId}\u0000${d.spanGroup}`;
    const seen = descriptions.get(id);
    if (seen === undefined || seen.last_hour < d.minute)
      descriptions.set(id, { project_id: d.projectId, span_group: d.spanGroup, description: d.description, last_hour: d.minute });
  }
  return {
    descriptions: [...descriptions.values()],
    segments: batches.map(({ projectId, receivedAt, batch }) => {
      const segment = batch.segment;
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      for (const s of batch.spans) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
      return {
        project_id: projectId,
        trace_id: batch.traceId,
        segment_id: batch.segmentId,
        has_segment: segment === null ? 0 : 1,
        name: segment?.name ?? batch.segmentName,
        op: segment?.span.op ?? null,
        status: segment?.span.status ?? null,
        http_method: segment?.httpMethod ?? null,
        http_status_code: segment?.httpStatusCode ?? null,
        release: segment?.release ?? null,
        environment: segment?.environment ?? null,
        user_key: segment === null ? null : userKeyOf(segment.user),
        event_id: segment?.eventId ?? null,
        start_ms: Math.round(start * 1000),
        end_ms: Math.round(end * 1000),
        duration_ms: segment?.span.durationMs ?? null,
        sample_rate: segment?.sampleRate ?? null,
        span_count: batch.spans.length,
        received_at: receivedAt,
        document: encodeTraceDocument(batch),
      };
    }),
    transactions: deltas.transactions.map((d) => ({
      project_id: d.projectId,
      minute: d.minute,
      name: d.name,
      op: d.op,
      http_method: d.httpMethod,
      status: d.status,
      status_class: d.statusClass,
      environment: d.environment,
      release: d.release,
      count: d.count,
      failure_count: d.failureCount,
      weight: d.weight,
      sum_ms: d.sumMs,
      min_ms: d.minMs,
      max_ms: d.maxMs,
      satisfied: d.satisfied,
      tolerated: d.tolerated,
      sketch: encodeSketch(d.durations),
      compacted: 0,
    })),
    users: deltas.users.map((u) => ({
      project_id: u.projectId,
      hour: u.hour,
      name: u.name,
      environment: u.environment,
      release: u.release,
      user_key: u.userKey,
    })),
    spans: deltas.spans.map((d) => ({
      project_id: d.projectId,
      minute: d.minute,
      segment_name: d.segmentName,
      op: d.op,
      span_group: d.spanGroup,
      count: d.count,
      sum_ms: d.sumMs,
      sum_self_ms: d.sumSelfMs,
      max_self_ms: d.maxSelfMs,
      failure_count: d.failureCount,
      sketch: d.sketch.encode(),
      duration_sketch: d.durationSketch.encode(),
      compacted: 0,
    })),
  };
}

/** The performance tables: trace documents, and the rollups that every chart and percentile reads. */
export function createPerformanceRepo(db: Kysely<Database>) {
  return {
    /** Inside the batch's transaction: rows encoded beforehand by `prepareSpanRows`, so the write lock is held only to write. */
    async insertSpanRows(trx: StoreExecutor, rows: SpanRows): Promise<void> {
      await insertChunked(rows.segments, (values) => trx.insertInto('trace_segments').values(values).execute());
      await insertChunked(rows.transactions, (values) => trx.insertInto('perf_rollups').values(values).execute());
      await insertChunked(rows.users, (values) =>
        trx
          .insertInto('perf_users')
          .values(values)
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      await insertChunked(rows.spans, (values) => trx.insertInto('span_rollups').values(values).execute());
      // Written at most once per group and hour: only a later hour moves `last_hour`.
      await insertChunked(rows.descriptions, (values) =>
        trx
          .insertInto('span_descriptions')
          .values(values)
          .onConflict((oc) =>
            oc
              .columns(['project_id', 'span_group'])
              .doUpdateSet({ last_hour: (eb) => eb.ref('excluded.last_hour') })
              .where('span_descriptions.last_hour', '<', (eb) => eb.ref('excluded.last_hour')),
          )
          .execute(),
      );
    },

    /**
     * One more occurrence of a problem whose issue is not open yet; returns how many were seen
     * since the first of them, at most `windowMs` ago (an older count starts over). Reaching
     * `limit` forgets the count: the issue opens and is found by its hash from then on.
     */
    async countProblemOccurrence(
      trx: StoreExecutor,
      p: { projectId: number; fingerprint: string; now: number; windowMs: number; limit: number },
    ): Promise<number> {
      const row = await trx
        .selectFrom('perf_problem_counts')
        .select(['count', 'first_seen'])
        .where('project_id', '=', p.projectId)
        .where('fingerprint', '=', p.fingerprint)
        .executeTakeFirst();
      const fresh = row === undefined || Number(row.first_seen) < p.now - p.windowMs;
      const count = fresh ? 1 : Number(row.count) + 1;
      if (count >= p.limit) {
        await trx.deleteFrom('perf_problem_counts').where('project_id', '=', p.projectId).where('fingerprint', '=', p.fingerprint).execute();
        return count;
      }
      const values = { project_id: p.projectId, fingerprint: p.fingerprint, count, first_seen: fresh ? p.now : Number(row.first_seen) };
      await trx
        .insertInto('perf_problem_counts')
        .values(values)
        .onConflict((oc) => oc.columns(['project_id', 'fingerprint']).doUpdateSet({ count: values.count, first_seen: values.first_seen }))
        .execute();
      return count;
    },

    /** Every stored batch of a trace in the given projects, oldest first. */
    async traceBatches(projectIds: readonly number[], traceId: string): Promise<TraceSegmentRow[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('trace_segments')
        .select(['id', 'project_id', 'received_at', 'document'])
        .where('project_id', 'in', [...projectIds])
        .where('trace_id', '=', traceId)
        .orderBy('start_ms')
        .orderBy('id')
        .limit(5000)
        .execute();
      return rows.map((r) => ({ id: r.id, projectId: r.project_id, receivedAt: Number(r.received_at), batch: decodeTraceDocument(r.document) }));
    },

    /** A v1 transaction's stored batch by its event id. */
    async batchByEventId(projectId: number, eventId: string): Promise<TraceSegmentRow | null> {
      const r = await db
        .selectFrom('trace_segments')
        .select(['id', 'project_id', 'received_at', 'document'])
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return r === undefined ? null : { id: r.id, projectId: r.project_id, receivedAt: Number(r.received_at), batch: decodeTraceDocument(r.document) };
    },

    /**
     * Merges the delta rows of each (key, minute) older than `beforeMinute` into one row, so
     * reads merge at most one sketch per key and minute. Bounded per call; returns how many
     * delta rows it folded, so a sweep can call again while there is work.
     */
    async compact(beforeMinute: number, limit = 5000): Promise<number> {
      let folded = 0;
      folded += await compactTable(db, 'perf_rollups', beforeMinute, limit);
      folded += await compactTable(db, 'span_rollups', beforeMinute, limit);
      return folded;
    },

    /** Retention: raw trace documents of a project that ended before `beforeMs`. */
    async deleteTracesBefore(projectId: number, beforeMs: number, limit: number): Promise<number> {
      const ids = db.selectFrom('trace_segments').select('id').where('project_id', '=', projectId).where('end_ms', '<', beforeMs).limit(limit);
      const r = await db.deleteFrom('trace_segments').where('id', 'in', ids).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Retention: rollups of a project older than `beforeSeconds` (minute starts, epoch seconds). */
    async deleteRollupsBefore(projectId: number, beforeSeconds: number): Promise<number> {
      let n = 0;
      n += Number(
        (await db.deleteFrom('perf_rollups').where('project_id', '=', projectId).where('minute', '<', beforeSeconds).executeTakeFirst()).numDeletedRows,
      );
      n += Number(
        (await db.deleteFrom('span_rollups').where('project_id', '=', projectId).where('minute', '<', beforeSeconds).executeTakeFirst()).numDeletedRows,
      );
      n += Number(
        (await db.deleteFrom('perf_rollups_hourly').where('project_id', '=', projectId).where('minute', '<', beforeSeconds).executeTakeFirst()).numDeletedRows,
      );
      n += Number(
        (await db.deleteFrom('perf_rollups_hourly_names').where('project_id', '=', projectId).where('minute', '<', beforeSeconds).executeTakeFirst())
          .numDeletedRows,
      );
      // A group's description goes with the last of its rollup rows, none of which is later than `last_hour`.
      n += Number(
        (await db.deleteFrom('span_descriptions').where('project_id', '=', projectId).where('last_hour', '<', beforeSeconds).executeTakeFirst()).numDeletedRows,
      );
      n += Number(
        (
          await db
            .deleteFrom('perf_problem_counts')
            .where('project_id', '=', projectId)
            .where('first_seen', '<', beforeSeconds * 1000)
            .executeTakeFirst()
        ).numDeletedRows,
      );
      n += Number((await db.deleteFrom('perf_users').where('project_id', '=', projectId).where('hour', '<', beforeSeconds).executeTakeFirst()).numDeletedRows);
      return n;
    },
  };
}

export type PerformanceRepo = ReturnType<typeof createPerformanceRepo>;

const TRANSACTION_KEY = ['project_id', 'minute', 'name', 'op', 'http_method', 'status', 'status_class', 'environment', 'release'] as const;
const SPAN_KEY = ['project_id', 'minute', 'segment_name', 'op', 'span_group'] as const;

async function compactTable(db: Kysely<Database>, table: 'perf_rollups' | 'span_rollups', beforeMinute: number, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // `compacted = 0` as a literal: a partial index matches only the same constant, not a parameter.
    const rows = await trx.selectFrom(table).selectAll().where(uncompacted).where('minute', '<', beforeMinute).orderBy('minute').limit(limit).execute();
    if (rows.length === 0) return 0;
    if (table === 'perf_rollups') await foldIntoHours(trx, rows);
    const keyColumns: readonly string[] = table === 'perf_rollups' ? TRANSACTION_KEY : SPAN_KEY;
    const keyOf = (r: Record<string, unknown>) => JSON.stringify(keyColumns.map((c) => r[c]));
    // Already-compacted rows of the same keys fold in too, so each key keeps one row per minute.
    const minutes = [...new Set(rows.map((r) => Number(r.minute)))];
    const projectIds = [...new Set(rows.map((r) => r.project_id))];
    const previous = await trx
      .selectFrom(table)
      .selectAll()
      .where('compacted', '=', 1)
      .where('minute', 'in', minutes)
      .where('project_id', 'in', projectIds)
      .execute();
    const groups = new Map<string, Record<string, unknown>[]>();
    const wanted = new Set(rows.map((r) => keyOf(r)));
    for (const r of [...rows, ...previous.filter((p) => wanted.has(keyOf(p)))]) {
      const k = keyOf(r);
      const list = groups.get(k);
      if (list === undefined) groups.set(k, [r]);
      else list.push(r);
    }
    const ids = [...rows, ...previous].filter((r) => wanted.has(keyOf(r))).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .deleteFrom(table)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    const merged = [...groups.values()].map((group) => mergeRows(group));
    for (let i = 0; i < merged.length; i += rowsPerInsert) {
      // The row shapes are the table's own columns minus the generated id.
      await trx
        .insertInto(table)
        .values(merged.slice(i, i + rowsPerInsert) as never)
        .execute();
    }
    return rows.length;
  });
}

const uncompacted = sql<SqlBool>`compacted = 0`;

/** The key of an hourly row (`perf_rollups_hourly`); `minute` is the hour's start. */
const HOUR_KEY = TRANSACTION_KEY;
/** The key of an hourly row per name (`perf_rollups_hourly_names`, migration 0018). */
const HOUR_NAME_KEY = ['project_id', 'minute', 'name', 'environment'] as const;
const HOUR_NAME_COLUMNS = [...HOUR_NAME_KEY, 'count', 'failure_count', 'weight', 'sum_ms', 'min_ms', 'max_ms', 'satisfied', 'tolerated', 'sketch'] as const;

/**
 * Adds delta rows (each counted here exactly once, as the sweep compacts it) to the hourly rows
 * of their keys, so whole hours of a window read one row per key (migration 0016), and to the
 * hourly rows of their name and environment (migration 0018), which the performance page's
 * per-transaction queries read instead. Both in the compaction's transaction: a reader sees a
 * delta in the minutes or in both hourly tables, never in neither or twice.
 */
async function foldIntoHours(trx: Kysely<Database>, deltas: readonly Record<string, unknown>[]): Promise<void> {
  await foldInto(trx, 'perf_rollups_hourly', HOUR_KEY, deltas);
  await foldInto(
    trx,
    'perf_rollups_hourly_names',
    HOUR_NAME_KEY,
    deltas.map((r) => Object.fromEntries(HOUR_NAME_COLUMNS.map((c) => [c, r[c]]))),
  );
}

/**
 * One upsert per hour-key: existing rows of the keys (the migration's backfill may have left
 * several) are read, deleted and written back merged with the deltas as one row.
 */
async function foldInto(
  trx: Kysely<Database>,
  table: 'perf_rollups_hourly' | 'perf_rollups_hourly_names',
  key: readonly string[],
  deltas: readonly Record<string, unknown>[],
): Promise<void> {
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(key.map((c) => (c === 'minute' ? hourOf(r.minute) : r[c])));
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const r of deltas) {
    const k = keyOf(r);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [{ ...r, minute: hourOf(r.minute) }]);
    else list.push(r);
  }
  const hours = [...new Set(deltas.map((r) => hourOf(r.minute)))];
  const projectIds = [...new Set(deltas.map((r) => Number(r.project_id)))];
  const existing = (await trx.selectFrom(table).selectAll().where('minute', 'in', hours).where('project_id', 'in', projectIds).execute()).filter((r) =>
    groups.has(keyOf(r)),
  );
  for (const r of existing) (groups.get(keyOf(r)) as Record<string, unknown>[]).unshift(r);
  const ids = existing.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .deleteFrom(table)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  const merged = [...groups.values()].map((group) => {
    const { compacted: _compacted, ...row } = mergeRows(group);
    return { ...row, minute: hourOf(group[0]?.minute) };
  });
  for (let i = 0; i < merged.length; i += rowsPerInsert)
    await trx
      .insertInto(table)
      .values(merged.slice(i, i + rowsPerInsert) as never)
      .execute();
}

function hourOf(minute: unknown): number {
  return Math.floor(Number(minute) / 3600) * 3600;
}

const SUMMED = new Set(['count', 'failure_count', 'weight', 'sum_ms', 'satisfied', 'tolerated', 'sum_self_ms']);

function mergeRows(group: Record<string, unknown>[]): Record<string, unknown> {
  const first = group[0] as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const sketch = newSketch();
  for (const [column, value] of Object.entries(first)) {
    if (column === 'id') continue;
    if (column === 'sketch' || column === 'duration_sketch' || column === 'compacted') continue;
    if (SUMMED.has(column)) out[column] = group.reduce((n, r) => n + Number(r[column]), 0);
    else if (column === 'min_ms') out[column] = Math.min(...group.map((r) => Number(r[column])));
    else if (column === 'max_ms' || column === 'max_self_ms') out[column] = Math.max(...group.map((r) => Number(r[column])));
    else out[column] = value;
  }
  for (const r of group) sketch.merge(decodeSketch(r.sketch as Uint8Array));
  out.sketch = encodeSketch(sketch);
  if ('duration_sketch' in first) {
    const durations = newSketch();
    for (const r of group) durations.merge(decodeSketch(r.duration_sketch as Uint8Array));
    out.duration_sketch = encodeSketch(durations);
  }
  out.compacted = 1;
  return out;
}
