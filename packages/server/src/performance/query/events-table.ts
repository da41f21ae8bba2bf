import type { JsonValue } from '@faultline/protocol';
import type { Kysely } from 'kysely';
import { fail } from '../../kernel/index.js';
import type { Database } from '../../store/index.js';
import { addDuration } from '../rollups/duration-counts.js';
import { isFailureStatus } from '../spans/index.js';
import {
  type Accumulator,
  checkFunction,
  type DatasetKind,
  type EvaluationContext,
  emptyAccumulator,
  evaluate,
  type FieldType,
  functionMeta,
  thresholdOf,
} from './aggregates.js';
import type { EventsRequest, ParsedField } from './events-request.js';
import { matchesWildcard } from './match-value.js';
import {
  type ColumnCondition,
  likePattern,
  readDistinctUsers,
  readSpanAggregates,
  readTransactionAggregates,
  type SpanColumn,
  type TransactionColumn,
} from './read-rollups.js';
import { type EventNaming, type ProjectRef, type Row, scan, slugOf } from './scan-records.js';
import { parseDurationMs, type SearchFilter } from './search-filters.js';

export type { EventNaming, ProjectRef } from './scan-records.js';

/**
 * `GET /organizations/{org}/events/` over the performance datasets. Aggregate queries whose
 * fields and filters map onto rollup key columns are answered from the rollups (minutes merged,
 * never spans scanned); anything else (user filters, HTTP status codes, raw rows) reads stored
 * trace documents or events (scan-records.ts), bounded, and flagged `dataScanned: "partial"` when the bound
 * was hit. Semantics follow Sentry's: with an aggregate selected, every other field groups.
 */
export interface TableResult {
  readonly data: Record<string, JsonValue>[];
  readonly meta: Record<string, JsonValue>;
  readonly hasNext: boolean;
}

const TRANSACTION_COLUMNS: Readonly<Record<string, TransactionColumn>> = {
  transaction: 'name',
  'transaction.op': 'op',
  'http.method': 'http_method',
  'transaction.method': 'http_method',
  'transaction.status': 'status',
  release: 'release',
  environment: 'environment',
  project: 'project_id',
  'project.id': 'project_id',
  'project.name': 'project_id',
};

const SPAN_COLUMNS: Readonly<Record<string, SpanColumn>> = {
  transaction: 'segment_name',
  'span.op': 'op',
  'span.group': 'span_group',
  'span.description': 'description',
  'sentry.normalized_description': 'description',
  project: 'project_id',
  'project.id': 'project_id',
  'project.name': 'project_id',
};

/** Field types of the columns, for `meta.fields`. */
const COLUMN_TYPES: Readonly<Record<string, FieldType>> = {
  'transaction.duration': 'duration',
  'span.duration': 'duration',
  'span.self_time': 'duration',
  timestamp: 'date',
  'project.id': 'integer',
  'issue.id': 'integer',
  is_transaction: 'boolean',
  'precise.start_ts': 'number',
  'precise.finish_ts': 'number',
};

export async function runEventsTable(db: Kysely<Database>, request: EventsRequest, projects: readonly ProjectRef[], naming: EventNaming): Promise<TableResult> {
  const kind = datasetKind(request);
  const functions = functionsOf(request);
  let rows: Row[];
  let partial = false;
  if (functions.length > 0) {
    const groupFields = request.fields.filter((f) => f.kind === 'column').map((f) => f.spelling);
    const computed = await computeGroups(db, request, projects, groupFields, naming);
    partial = computed.partial;
    rows = computed.groups.map((g) => {
      const row: Row = { ...g.key };
      for (const f of functions) row[f.spelling] = evaluate(f, g.acc, computed.ctx);
      return row;
    });
  } else {
    const spanSegments = isSegmentQuery(request, kind);
    const scanned = await scan(db, kind, spanSegments, windowOf(request, projects), projects, naming);
    partial = scanned.partial;
    rows = (spanSegments ? scanned.records.map(asSegmentSpan) : scanned.records).filter(
      (r) => matchesAll(r, plainFilters(request), request.environments) && (!spanSegments || r.is_transaction === true),
    );
    rows = rows.map((r) =>
      pick(
        r,
        request.fields.map((f) => f.spelling),
        kind,
      ),
    );
  }
  sortRows(rows, request);
  const page = rows.slice(request.offset, request.offset + request.perPage);
  return { data: page, meta: metaOf(request, kind, partial), hasNext: rows.length > request.offset + request.perPage };
}

export function functionsOf(request: EventsRequest): Extract<ParsedField, { kind: 'function' }>[] {
  return request.fields.filter((f): f is Extract<ParsedField, { kind: 'function' }> => f.kind === 'function');
}

/**
 * On the spans dataset a segment is one more span (Sentry docs, "Span Properties"): its `id` is
 * its span id, not its transaction's event id, so a client can hand it to the trace view or the
 * Sentry MCP server's `get_span_details`; its description is its name, as for streamed segments.
 */
function asSegmentSpan(r: Row): Row {
  return { ...r, id: r['trace.span'] ?? null, span_id: r['trace.span'] ?? null, 'span.description': r.transaction ?? null };
}

function isSegmentQuery(request: EventsRequest, kind: DatasetKind): boolean {
  return kind === 'spans' && request.filters.some((f) => f.key === 'is_transaction' && f.values[0] === 'true' && !f.negated);
}

function plainFilters(request: EventsRequest): SearchFilter[] {
  return request.filters.filter((f) => f.key !== 'event.type' && f.key !== 'is_transaction');
}

function windowOf(request: EventsRequest, projects: readonly ProjectRef[]) {
  return { projectIds: projects.map((p) => p.id), start: request.start, end: request.end };
}

export interface Group {
  /** the group's values keyed by field spelling */
  readonly key: Row;
  /** bucket start in epoch seconds, when bucketed */
  readonly bucket: number | null;
  readonly acc: Accumulator;
}

export interface ComputedGroups {
  readonly groups: Group[];
  readonly ctx: EvaluationContext;
  readonly partial: boolean;
}

/**
 * The request's matching data grouped by `groupFields` (and by time bucket when asked), one
 * accumulator per group: from the rollups when every field, filter and function maps onto
 * them, else from a bounded scan of stored spans.
 */
export async function computeGroups(
  db: Kysely<Database>,
  request: EventsRequest,
  projects: readonly ProjectRef[],
  groupFields: readonly string[],
  naming: EventNaming,
  bucketSeconds?: number,
): Promise<ComputedGroups> {
  const kind = datasetKind(request);
  const functions = functionsOf(request);
  const spanSegments = isSegmentQuery(request, kind);
  for (const f of functions) checkFunction(f, kind);
  const filters = plainFilters(request);
  const window = windowOf(request, projects);
  const windowSeconds = Math.max(1, bucketSeconds ?? request.end - request.start);
  const segmentsView = kind === 'transactions' || spanSegments;
  const columns = segmentsView ? TRANSACTION_COLUMNS : SPAN_COLUMNS;
  const rollupOk =
    kind !== 'errors' &&
    groupFields.every((g) => g in columns) &&
    filters.every((f) => f.key in columns && f.op === 'eq') &&
    (request.environments.length === 0 || segmentsView) &&
    functions.every((f) => rollupSupports(f, kind, spanSegments));
  if (rollupOk && segmentsView) {
    const conditions = conditionsFor(filters, TRANSACTION_COLUMNS, projects, request.environments);
    const groupBy = [...new Set(groupFields.map((g) => TRANSACTION_COLUMNS[g] as TransactionColumn))];
    const aggregates = await readTransactionAggregates(db, window, conditions, groupBy, bucketSeconds);
    let users = new Map<string, number>();
    const userColumns = new Set(['project_id', 'name', 'environment', 'release']);
    if (functions.some((f) => f.name === 'count_unique')) {
      if (!groupBy.every((c) => userColumns.has(c)) || !conditions.every((c) => userColumns.has(c.column)) || bucketSeconds !== undefined)
        fail('validation_failed', 'count_unique(user) can be grouped and filtered by transaction, release, environment and project only, and not over time');
      users = await readDistinctUsers(
        db,
        window,
        conditions as ColumnCondition<'project_id' | 'name' | 'environment' | 'release'>[],
        groupBy as ('project_id' | 'name' | 'environment' | 'release')[],
      );
    }
    const groups = aggregates.map((g) => ({
      key: Object.fromEntries(groupFields.map((f) => [f, groupValue(f, TRANSACTION_COLUMNS[f] as string, g.key, projects)])),
      bucket: g.bucket,
      acc: { ...emptyAccumulator(), ...g, users: users.get(JSON.stringify(groupBy.map((c) => g.key[c]))) ?? 0 },
    }));
    return { groups, ctx: { windowSeconds, dataset: kind, totalSelfMs: 0 }, partial: false };
  }
  if (rollupOk) {
    const conditions = conditionsFor(filters, SPAN_COLUMNS, projects, []);
    const groupBy = [...new Set(groupFields.map((g) => SPAN_COLUMNS[g] as SpanColumn))];
    const aggregates = await readSpanAggregates(db, window, conditions, groupBy, bucketSeconds);
    const totalSelfMs = aggregates.reduce((n, g) => n + g.sumSelfMs, 0);
    const groups = aggregates.map((g) => ({
      key: Object.fromEntries(groupFields.map((f) => [f, groupValue(f, SPAN_COLUMNS[f] as string, g.key, projects)])),
      bucket: g.bucket,
      acc: {
        ...emptyAccumulator(),
        count: g.count,
        failureCount: g.failureCount,
        sumMs: g.sumMs,
        sumSelfMs: g.sumSelfMs,
        durations: g.durationSketch,
        selfTimes: g.selfSketch,
        minMs: g.durationSketch.count === 0 ? 0 : g.durationSketch.getValueAtQuantile(0),
        maxMs: g.durationSketch.count === 0 ? 0 : g.durationSketch.getValueAtQuantile(1),
      },
    }));
    return { groups, ctx: { windowSeconds, dataset: kind, totalSelfMs }, partial: false };
  }
  const scanned = await scan(db, kind, spanSegments, window, projects, naming);
  const matching = scanned.records.filter((r) => matchesAll(r, filters, request.environments) && (!spanSegments || r.is_transaction === true));
  const ctx: EvaluationContext = { windowSeconds, dataset: kind, totalSelfMs: sumOf(matching, 'span.self_time') };
  return { groups: aggregateRecords(matching, groupFields, functions, ctx, request.start, bucketSeconds), ctx, partial: scanned.partial };
}

/**
 * transactions, spans or errors. `discover` (Sentry's mix of both event kinds, and what
 * Grafana's Events query sends) answers transactions when the query says
 * `event.type:transaction` and error events otherwise (docs/performance-monitoring.md › API).
 */
export function datasetKind(request: EventsRequest): DatasetKind {
  if (request.dataset === 'transactions' || request.dataset === 'metricsEnhanced' || request.dataset === 'metrics') return 'transactions';
  if (request.dataset === 'spans' || request.dataset === 'spansIndexed' || request.dataset === 'spansMetrics') return 'spans';
  if (request.dataset === 'discover' && request.filters.some((f) => f.key === 'event.type' && !f.negated && f.values.includes('transaction')))
    return 'transactions';
  if (request.dataset === 'discover' || request.dataset === 'errors') return 'errors';
  return fail(
    'validation_failed',
    `dataset ${request.dataset} is not stored by Faultline; query dataset=errors, transactions, spans or logs (replays: /organizations/{org}/replays/)`,
  );
}

function rollupSupports(f: Extract<ParsedField, { kind: 'function' }>, kind: DatasetKind, spanSegments: boolean): boolean {
  if (f.name === 'count_miserable' || f.name === 'user_misery') return false;
  if (f.name === 'apdex') return thresholdOf(f) === 300 && (kind === 'transactions' || spanSegments);
  if (f.name === 'count_unique') return kind === 'transactions' || spanSegments;
  if (spanSegments && f.args[0] === 'span.self_time') return false;
  if (f.name === 'last_seen') return false;
  return true;
}

function conditionsFor<C extends string>(
  filters: readonly SearchFilter[],
  columns: Readonly<Record<string, C>>,
  projects: readonly ProjectRef[],
  environments: readonly string[],
): ColumnCondition<C>[] {
  const out: ColumnCondition<C>[] = [];
  for (const f of filters) {
    const column = columns[f.key] as C;
    const values = column === 'project_id' ? f.values.map((v) => String(projects.find((p) => p.slug === v || String(p.id) === v)?.id ?? -1)) : f.values;
    const wild = values.some((v) => v.includes('*'));
    out.push({ column, op: wild ? (f.negated ? 'not like' : 'like') : f.negated ? 'not in' : 'in', values: wild ? values.map(likePattern) : values });
  }
  if (environments.length > 0) out.push({ column: 'environment' as C, op: 'in', values: environments });
  return out;
}

function groupValue(field: string, column: string, key: Readonly<Record<string, string | number>>, projects: readonly ProjectRef[]): JsonValue {
  const v = key[column];
  if (column === 'project_id') return field === 'project.id' ? Number(v) : slugOf(projects, v);
  return v === undefined || v === '' ? null : v;
}

function matchesAll(r: Row, filters: readonly SearchFilter[], environments: readonly string[]): boolean {
  if (environments.length > 0 && !environments.includes(String(r.environment ?? ''))) return false;
  return filters.every((f) => matches(r, f) !== f.negated);
}

function matches(r: Row, f: SearchFilter): boolean {
  const key = f.key.startsWith('tags[') && f.key.endsWith(']') ? f.key.slice(5, -1) : f.key;
  const value = r[key];
  if (f.op === 'has') return value !== undefined && value !== null && value !== '';
  if (value === undefined || value === null) return false;
  if (f.op !== 'eq') {
    const limit = parseDurationMs(f.values[0] ?? '');
    if (limit === null || typeof value !== 'number') fail('validation_failed', `${f.key} cannot be compared with ${f.values[0] ?? ''}`);
    return f.op === 'gt' ? value > limit : f.op === 'gte' ? value >= limit : f.op === 'lt' ? value < limit : value <= limit;
  }
  const text = String(value);
  return f.values.some((v) => matchesWildcard(v, text));
}

function sumOf(records: readonly Row[], field: string): number {
  return records.reduce((n, r) => n + (typeof r[field] === 'number' ? (r[field] as number) : 0), 0);
}

/** Exact aggregation over records (the scan path): the same accumulator as the rollups. */
function aggregateRecords(
  records: readonly Row[],
  groupFields: readonly string[],
  functions: readonly Extract<ParsedField, { kind: 'function' }>[],
  ctx: EvaluationContext,
  start: number,
  bucketSeconds: number | undefined,
): Group[] {
  const threshold = thresholdOf(
    functions.find((f) => f.name === 'apdex' || f.name === 'user_misery' || f.name === 'count_miserable') ?? {
      spelling: '',
      kind: 'function',
      name: 'apdex',
      args: [],
    },
  );
  const groups = new Map<string, { key: Row; bucket: number | null; acc: Accumulator; users: Set<string>; miserable: Set<string>; issues: Set<number> }>();
  const durationField = ctx.dataset === 'spans' ? 'span.duration' : 'transaction.duration';
  for (const r of records) {
    const finish = Number(r['precise.finish_ts'] ?? 0);
    const bucket = bucketSeconds === undefined ? null : start + Math.floor((finish - start) / bucketSeconds) * bucketSeconds;
    const id = JSON.stringify([bucket, ...groupFields.map((g) => r[g] ?? null)]);
    let g = groups.get(id);
    if (g === undefined) {
      g = {
        key: Object.fromEntries(groupFields.map((f) => [f, r[f] ?? null])),
        bucket,
        acc: emptyAccumulator(),
        users: new Set(),
        miserable: new Set(),
        issues: new Set(),
      };
      groups.set(id, g);
    }
    const ms = Number(r[durationField] ?? 0);
    const a = g.acc;
    const rate = r['sentry.sample_rate'];
    const status = String(r['transaction.status'] ?? r['span.status'] ?? 'ok');
    addDuration(a, ms, isFailureStatus(status), typeof rate === 'number' && rate > 0 ? 1 / rate : 1, threshold);
    const self = r['span.self_time'];
    if (typeof self === 'number') {
      a.sumSelfMs += self;
      a.selfTimes.accept(self);
    }
    const user = r.user;
    if (typeof user === 'string') {
      g.users.add(user);
      if (ms > 4 * threshold) g.miserable.add(user);
    }
    a.lastSeenMs = Math.max(a.lastSeenMs, finish * 1000);
    if (typeof r['issue.id'] === 'number') g.issues.add(r['issue.id']);
    a.firstSeenMs = Math.min(a.firstSeenMs, finish * 1000);
  }
  return [...groups.values()].map((g) => {
    g.acc.users = g.users.size;
    g.acc.miserableUsers = g.miserable.size;
    g.acc.issues = g.issues.size;
    return { key: g.key, bucket: g.bucket, acc: g.acc };
  });
}

function pick(r: Row, fields: readonly string[], kind: DatasetKind): Row {
  const out: Row = {};
  for (const f of fields) {
    const key = f.startsWith('tags[') && f.endsWith(']') ? f.slice(5, -1) : f;
    out[f] = r[key] ?? null;
  }
  // Sentry adds the row's id so a client can link it (Sentry API reference, Discover).
  if (!('id' in out)) out.id = r.id ?? null;
  if (kind === 'transactions' && !('project.name' in out) && !('project' in out)) out.project = r.project ?? null;
  return out;
}

function sortRows(rows: Row[], request: EventsRequest): void {
  const sorts = request.sort.length > 0 ? request.sort : defaultSort(request);
  rows.sort((x, y) => {
    for (const { field, descending } of sorts) {
      const a = x[field];
      const b = y[field];
      if (a === b) continue;
      if (a === null || a === undefined) return 1;
      if (b === null || b === undefined) return -1;
      const cmp = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      if (cmp !== 0) return descending ? -cmp : cmp;
    }
    return 0;
  });
}

function defaultSort(request: EventsRequest): { field: string; descending: boolean }[] {
  const fn = request.fields.find((f) => f.kind === 'function');
  if (fn !== undefined) return [{ field: fn.spelling, descending: true }];
  return [{ field: 'timestamp', descending: true }];
}

function metaOf(request: EventsRequest, kind: DatasetKind, partial: boolean): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {};
  const units: Record<string, JsonValue> = {};
  for (const f of request.fields) {
    if (f.kind === 'function') {
      const m = functionMeta(f);
      fields[f.spelling] = m.type;
      units[f.spelling] = m.unit;
    } else {
      const type = COLUMN_TYPES[f.column] ?? 'string';
      fields[f.spelling] = type;
      units[f.spelling] = type === 'duration' ? 'millisecond' : null;
    }
  }
  return {
    fields,
    units,
    isMetricsData: false,
    isMetricsExtractedData: false,
    tips: { query: null, columns: null },
    datasetReason: 'unchanged',
    dataset: request.dataset,
    ...(kind === 'spans' ? { dataScanned: partial ? 'partial' : 'full' } : partial ? { dataScanned: 'partial' } : {}),
  };
}
