import { type Insertable, sql } from 'kysely';
import type { Database, RepoContext, StoreExecutor } from '../../store/index.js';
import { type LogLine, levelIndex } from '../log-line.js';
import { decodeLogBlock, encodeLogBlock } from './log-block.js';

/** A project's valid lines from one processing batch: they become one block. */
export interface LogBatch {
  readonly projectId: number;
  readonly receivedAt: number;
  readonly lines: readonly LogLine[];
}

/** What the batch's transaction writes, encoded beforehand (the CPU part stays outside the transaction). */
export interface LogRows {
  readonly blocks: readonly { readonly row: Insertable<Database['log_blocks']>; readonly traces: ReadonlyMap<string, number> }[];
  readonly keys: readonly Insertable<Database['log_attribute_keys']>[];
  /** lines per project, minute and severity: added to what is stored */
  readonly minutes: readonly Insertable<Database['log_minutes']>[];
}

/** One row of the per-minute counts. */
export interface LogMinuteCount {
  readonly projectId: number;
  /** epoch seconds */
  readonly minute: number;
  readonly severity: number;
  readonly count: number;
}

/** A stored block as queries read it; its lines are decoded when first read (a stream often stops before). */
export interface StoredLogBlock {
  readonly id: number;
  readonly projectId: number;
  readonly endMs: number;
  readonly lines: LogLine[];
}

function lazyBlock(id: number, projectId: number, endMs: number, document: Uint8Array): StoredLogBlock {
  let lines: LogLine[] | undefined;
  return {
    id,
    projectId,
    endMs,
    get lines() {
      lines ??= decodeLogBlock(document);
      return lines;
    },
  };
}

export interface BlockQuery {
  readonly projectIds: readonly number[];
  /** log timestamps, epoch ms: blocks overlapping [startMs, endMs) */
  readonly startMs: number;
  readonly endMs: number;
  /** only blocks holding one of these levels (bitmask over LOG_LEVELS); absent = any */
  readonly severityMask?: number | undefined;
  /** only blocks holding lines of this trace */
  readonly traceId?: string | undefined;
  /** paging through blocks newest first: blocks whose (end_ms, id) is below this */
  readonly before?: { readonly endMs: number; readonly id: number } | undefined;
  readonly limit: number;
}

/** The type under which an attribute is listed and queried: numbers are one type whatever their JSON spelling. */
export function attributeKind(type: LogLine['attributes'][string]['type']): 'string' | 'number' | 'boolean' {
  return type === 'string' ? 'string' : type === 'boolean' ? 'boolean' : 'number';
}

/** Lines per block: a few tens of KB deflated, decoded in about a millisecond. */
export const LINES_PER_BLOCK = 1_000;

export function prepareLogRows(batches: readonly LogBatch[]): LogRows {
  const keys = new Map<string, Insertable<Database['log_attribute_keys']>>();
  const minutes = new Map<string, { project_id: number; minute: number; severity: number; count: number }>();
  const blocks = batches
    .filter((b) => b.lines.length > 0)
    .flatMap((b) => {
      // Sorted by time and cut into blocks of at most LINES_PER_BLOCK: blocks of one batch cover
      // disjoint time ranges, and the newest page of a stream decodes one block, not the batch.
      const sorted = [...b.lines].sort((x, y) => x.timestamp - y.timestamp);
      const chunks: { projectId: number; receivedAt: number; lines: LogLine[] }[] = [];
      for (let i = 0; i < sorted.length; i += LINES_PER_BLOCK) chunks.push({ ...b, lines: sorted.slice(i, i + LINES_PER_BLOCK) });
      return chunks;
    })
    .map((b) => {
      const lines = b.lines;
      let severities = 0;
      const traces = new Map<string, number>();
      for (const line of lines) {
        const severity = levelIndex(line.level);
        severities |= 1 << severity;
        const minute = Math.floor(line.timestamp / 60) * 60;
        const minuteId = `${b.projectId}:${minute}:${severity}`;
        const m = minutes.get(minuteId);
        if (m === undefined) minutes.set(minuteId, { project_id: b.projectId, minute, severity, count: 1 });
        else m.count++;
        if (line.traceId !== null) traces.set(line.traceId, (traces.get(line.traceId) ?? 0) + 1);
        for (const [name, a] of Object.entries(line.attributes)) {
          const type = attributeKind(a.type);
          const id = `${b.projectId}\u0000${name}\u0000${type}`;
          if (!keys.has(id)) keys.set(id, { project_id: b.projectId, name, type, last_seen: b.receivedAt });
        }
      }
      return {
        row: {
          project_id: b.projectId,
          received_at: b.receivedAt,
          start_ms: Math.floor((lines[0] as LogLine).timestamp * 1000),
          end_ms: Math.ceil((lines[lines.length - 1] as LogLine).timestamp * 1000),
          line_count: lines.length,
          severities,
          document: encodeLogBlock(lines),
        },
        traces,
      };
    });
  return { blocks, keys: [...keys.values()], minutes: [...minutes.values()] };
}

const keysPerInsert = 200;

export function createLogsRepo({ db }: RepoContext) {
  return {
    /** One row per block, its trace index rows, and the attribute names it brings (in the caller's transaction). */
    async insert(trx: StoreExecutor, rows: LogRows): Promise<void> {
      for (const block of rows.blocks) {
        const inserted = await trx.insertInto('log_blocks').values(block.row).returning('id').executeTakeFirstOrThrow();
        const traceRows = [...block.traces].map(([trace_id, line_count]) => ({
          project_id: block.row.project_id,
          trace_id,
          block_id: inserted.id,
          line_count,
        }));
        for (let i = 0; i < traceRows.length; i += keysPerInsert)
          await trx
            .insertInto('log_trace_blocks')
            .values(traceRows.slice(i, i + keysPerInsert))
            .execute();
      }
      for (let i = 0; i < rows.keys.length; i += keysPerInsert) {
        await trx
          .insertInto('log_attribute_keys')
          .values(rows.keys.slice(i, i + keysPerInsert))
          .onConflict((oc) => oc.columns(['project_id', 'name', 'type']).doUpdateSet({ last_seen: (eb) => eb.ref('excluded.last_seen') }))
          .execute();
      }
      for (let i = 0; i < rows.minutes.length; i += keysPerInsert) {
        await trx
          .insertInto('log_minutes')
          .values(rows.minutes.slice(i, i + keysPerInsert))
          .onConflict((oc) =>
            oc.columns(['project_id', 'minute', 'severity']).doUpdateSet((eb) => ({ count: eb('log_minutes.count', '+', eb.ref('excluded.count')) })),
          )
          .execute();
      }
    },

    /** Lines per project, minute and severity in [startSeconds, endSeconds), minute-aligned bounds. */
    async minuteCounts(
      projectIds: readonly number[],
      startSeconds: number,
      endSeconds: number,
      severities: readonly number[] | null,
    ): Promise<LogMinuteCount[]> {
      if (projectIds.length === 0 || severities?.length === 0) return [];
      let q = db
        .selectFrom('log_minutes')
        .select(['project_id', 'minute', 'severity', 'count'])
        .where('project_id', 'in', [...projectIds])
        .where('minute', '>=', startSeconds)
        .where('minute', '<', endSeconds);
      if (severities !== null) q = q.where('severity', 'in', [...severities]);
      const rows = await q.execute();
      return rows.map((r) => ({ projectId: r.project_id, minute: Number(r.minute), severity: r.severity, count: Number(r.count) }));
    },

    /** Blocks overlapping the window, newest first by their last line, decoded. */
    async blocks(q: BlockQuery): Promise<StoredLogBlock[]> {
      if (q.projectIds.length === 0) return [];
      let query = db
        .selectFrom('log_blocks')
        .select(['log_blocks.id', 'log_blocks.project_id', 'log_blocks.end_ms', 'log_blocks.document'])
        .where('log_blocks.project_id', 'in', [...q.projectIds])
        .where('log_blocks.end_ms', '>=', q.startMs)
        .where('log_blocks.start_ms', '<', q.endMs);
      if (q.severityMask !== undefined) query = query.where(sql<boolean>`(log_blocks.severities & ${q.severityMask}) <> 0`);
      if (q.traceId !== undefined) {
        const traceId = q.traceId;
        query = query.where('log_blocks.id', 'in', (eb) =>
          eb
            .selectFrom('log_trace_blocks')
            .select('block_id')
            .where('trace_id', '=', traceId)
            .where('project_id', 'in', [...q.projectIds]),
        );
      }
      const before = q.before;
      if (before !== undefined)
        query = query.where((eb) =>
          eb.or([eb('log_blocks.end_ms', '<', before.endMs), eb.and([eb('log_blocks.end_ms', '=', before.endMs), eb('log_blocks.id', '<', before.id)])]),
        );
      const rows = await query.orderBy('log_blocks.end_ms', 'desc').orderBy('log_blocks.id', 'desc').limit(q.limit).execute();
      return rows.map((r) => lazyBlock(Number(r.id), r.project_id, Number(r.end_ms), r.document));
    },

    /** Lines of a trace across the projects (trace-meta's `logs`). */
    async countInTrace(projectIds: readonly number[], traceId: string): Promise<number> {
      if (projectIds.length === 0) return 0;
      const row = await db
        .selectFrom('log_trace_blocks')
        .select((eb) => eb.fn.sum<number | string | null>('line_count').as('n'))
        .where('project_id', 'in', [...projectIds])
        .where('trace_id', '=', traceId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async attributeKeys(projectIds: readonly number[]): Promise<{ name: string; type: string }[]> {
      if (projectIds.length === 0) return [];
      return db
        .selectFrom('log_attribute_keys')
        .select(['name', 'type'])
        .distinct()
        .where('project_id', 'in', [...projectIds])
        .orderBy('name')
        .limit(10_000)
        .execute();
    },

    /** Retention: up to `limit` of a project's blocks received before `beforeMs`, with their trace rows. */
    async deleteReceivedBefore(projectId: number, beforeMs: number, limit: number): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const ids = (
          await trx.selectFrom('log_blocks').select('id').where('project_id', '=', projectId).where('received_at', '<', beforeMs).limit(limit).execute()
        ).map((r) => r.id);
        if (ids.length === 0) return 0;
        await trx.deleteFrom('log_trace_blocks').where('block_id', 'in', ids).execute();
        await trx.deleteFrom('log_blocks').where('id', 'in', ids).execute();
        return ids.length;
      });
    },

    /** Attribute names not seen since `beforeMs` stop being offered; minute counts before it go. */
    async deleteKeysSeenBefore(projectId: number, beforeMs: number): Promise<void> {
      await db.deleteFrom('log_attribute_keys').where('project_id', '=', projectId).where('last_seen', '<', beforeMs).execute();
      await db
        .deleteFrom('log_minutes')
        .where('project_id', '=', projectId)
        .where('minute', '<', Math.floor(beforeMs / 1000))
        .execute();
    },
  };
}

export type LogsRepo = ReturnType<typeof createLogsRepo>;
