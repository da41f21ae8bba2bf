import type { JsonObject, JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import type { EventsRequest, ProjectRef } from '../../performance/index.js';
import type { LogLine } from '../log-line.js';
import type { LogsRepo } from '../store/logs-repo.js';
import { compileAggregate, type FunctionField, type LogAccumulator, type LogAggregate } from './log-aggregates.js';
import { type LogField, type LogProject, resolveLogField } from './log-fields.js';
import { compileLogFilters } from './log-filters.js';
import { minuteCountPlan, minuteGroupKey, readMinuteCounts } from './minute-counts.js';
import { scanLogs } from './scan-logs.js';

/**
 * `GET /organizations/{org}/events/?dataset=logs` (docs/logs.md › API): the log stream (one row
 * per line, newest first by default) or, with an aggregate selected, one row per group of the
 * other fields — Sentry's semantics. The stream sorted by time reads only the newest blocks it
 * needs; other sorts and aggregates read every block of the window, bounded.
 */
type Row = Record<string, JsonValue>;

export interface LogsTable {
  readonly data: Row[];
  readonly meta: JsonObject;
  readonly hasNext: boolean;
}

export async function runLogsTable(repo: LogsRepo, request: EventsRequest, projects: readonly ProjectRef[]): Promise<LogsTable> {
  const functions = request.fields.filter((f): f is FunctionField => f.kind === 'function');
  const columns = request.fields.filter((f) => f.kind === 'column').map((f) => ({ spelling: f.spelling, field: resolveLogField(f.spelling) }));
  const aggregates = functions.map(compileAggregate);
  const filters = compileLogFilters(request.filters, request.environments);
  const scope = { projects, start: request.start, end: request.end, filters };
  const sorts = request.sort.length > 0 ? request.sort : [{ field: functions[0]?.spelling ?? 'timestamp', descending: true }];
  const wanted = request.offset + request.perPage + 1;
  let rows: Row[];
  let partial = false;
  const plan = minuteCountPlan(
    functions,
    columns.map((c) => c.spelling),
    request.filters,
    request.environments,
  );
  if (plan !== null) {
    // Whole minutes from the per-minute counts; the partial minutes at the edges from the lines.
    const counts = new Map<string, { key: Row; n: number }>();
    const add = (key: Row, n: number) => {
      const id = JSON.stringify(key);
      const g = counts.get(id);
      if (g === undefined) counts.set(id, { key, n });
      else g.n += n;
    };
    const first = Math.ceil(request.start / 60) * 60;
    const last = Math.floor(request.end / 60) * 60;
    const spellings = columns.map((c) => c.spelling);
    const edges: [number, number][] =
      first < last
        ? [
            [request.start, first],
            [last, request.end],
          ]
        : [[request.start, request.end]];
    if (first < last)
      await readMinuteCounts(repo, projects, first, last, plan, (_m, severity, project, n) => add(minuteGroupKey(spellings, severity, project), n));
    partial = false;
    for (const [from, to] of edges) {
      if (to <= from) continue;
      const edge = await scanLogs(repo, { ...scope, start: from, end: to }, (line, project) =>
        add(Object.fromEntries(columns.map((c) => [c.spelling, c.field.read(line, project)])), 1),
      );
      partial ||= edge.partial;
    }
    rows = [...counts.values()].map((g) => ({ ...g.key, ...Object.fromEntries(aggregates.map((a) => [a.spelling, g.n])) }));
    if (rows.length === 0 && columns.length === 0) rows = [Object.fromEntries(aggregates.map((a) => [a.spelling, 0]))];
    sortRows(rows, sorts);
  } else if (aggregates.length > 0) {
    const groups = new Map<string, { key: Row; accs: LogAccumulator[] }>();
    ({ partial } = await scanLogs(repo, scope, (line, project) => {
      const values = columns.map((c) => c.field.read(line, project));
      const id = JSON.stringify(values);
      let g = groups.get(id);
      if (g === undefined) {
        g = { key: Object.fromEntries(columns.map((c, i) => [c.spelling, values[i] as JsonValue])), accs: aggregates.map((a) => a.start()) };
        groups.set(id, g);
      }
      for (const acc of g.accs) acc.add(line, project);
    }));
    rows = [...groups.values()].map((g) => {
      const row: Row = { ...g.key };
      aggregates.forEach((a, i) => {
        row[a.spelling] = (g.accs[i] as LogAccumulator).value();
      });
      return row;
    });
    // Sentry answers an aggregate over no rows with one row of zeros when nothing groups it.
    if (rows.length === 0 && columns.length === 0) rows = [Object.fromEntries(aggregates.map((a) => [a.spelling, a.start().value()]))];
    sortRows(rows, sorts);
  } else {
    const sortFields = sorts.map((s) => ({ ...s, field: sortFieldOf(s.field) }));
    const byTimeDesc = sorts.length === 1 && isTime(sorts[0]?.field ?? '') && sorts[0]?.descending === true;
    let kept: { line: LogLine; project: LogProject }[] = [];
    const compare = (x: { line: LogLine; project: LogProject }, y: { line: LogLine; project: LogProject }) => compareLines(x, y, sortFields);
    let sinceTrim = 0;
    const trim = () => {
      kept.sort(compare);
      kept = kept.slice(0, wanted);
      sinceTrim = 0;
    };
    ({ partial } = await scanLogs(
      repo,
      scope,
      (line, project) => {
        kept.push({ line, project });
        sinceTrim++;
        // Only the first `wanted` lines in sort order can reach the page: keep memory bounded by them.
        if (kept.length > 2 * wanted + 10_000) trim();
      },
      byTimeDesc
        ? (blockEndMs) => {
            // Newest first: once `wanted` lines are newer than everything in the next block, older blocks cannot change the page.
            if (sinceTrim > 0) trim();
            const last = kept[wanted - 1];
            return last !== undefined && last.line.timestamp * 1000 > blockEndMs;
          }
        : undefined,
    ));
    kept.sort(compare);
    rows = kept.slice(request.offset, request.offset + request.perPage + 1).map(({ line, project }) => {
      const row: Row = {};
      for (const c of columns) row[c.spelling] = c.field.read(line, project);
      // Sentry adds the row's id so a client can open the line (Sentry API reference, Discover).
      if (!('id' in row)) row.id = line.itemId;
      return row;
    });
    const hasNext = rows.length > request.perPage;
    return { data: rows.slice(0, request.perPage), meta: metaOf(request, columns, aggregates, partial), hasNext };
  }
  const page = rows.slice(request.offset, request.offset + request.perPage);
  return { data: page, meta: metaOf(request, columns, aggregates, partial), hasNext: rows.length > request.offset + request.perPage };
}

const TIME_FIELDS = new Set(['timestamp', 'timestamp_precise']);

function isTime(field: string): boolean {
  return TIME_FIELDS.has(field);
}

/** How rows sort by a field: time by the precise timestamp (seconds in the ISO text would tie). */
function sortFieldOf(spelling: string): LogField {
  if (isTime(spelling)) return { type: 'number', read: (l) => l.timestamp };
  return resolveLogField(spelling);
}

function compareLines(
  x: { line: LogLine; project: LogProject },
  y: { line: LogLine; project: LogProject },
  sorts: readonly { field: LogField; descending: boolean }[],
): number {
  for (const { field, descending } of sorts) {
    const cmp = compareValues(field.read(x.line, x.project), field.read(y.line, y.project));
    if (cmp !== 0) return descending ? -cmp : cmp;
  }
  // Stable order for lines of the same instant, so pages neither repeat nor skip a line.
  return x.line.itemId < y.line.itemId ? -1 : x.line.itemId > y.line.itemId ? 1 : 0;
}

/** Nulls last in either direction, as Sentry sorts. */
function compareValues(a: JsonValue, b: JsonValue): number {
  if (a === b) return 0;
  if (a === null) return 2;
  if (b === null) return -2;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function sortRows(rows: Row[], sorts: readonly { field: string; descending: boolean }[]): void {
  rows.sort((x, y) => {
    for (const { field, descending } of sorts) {
      const a = x[field] ?? null;
      const b = y[field] ?? null;
      if (a === null || b === null) {
        if (a !== b) return a === null ? 1 : -1;
        continue;
      }
      const cmp = compareValues(a, b);
      if (cmp !== 0) return descending ? -cmp : cmp;
    }
    return 0;
  });
}

function metaOf(
  request: EventsRequest,
  columns: readonly { spelling: string; field: LogField }[],
  aggregates: readonly LogAggregate[],
  partial: boolean,
): JsonObject {
  const fields: JsonObject = {};
  const units: JsonObject = {};
  for (const c of columns) {
    fields[c.spelling] = c.field.type;
    units[c.spelling] = c.spelling === 'payload_size' ? 'byte' : null;
  }
  for (const a of aggregates) {
    fields[a.spelling] = a.type;
    units[a.spelling] = null;
  }
  if (Object.keys(fields).length === 0) fail('validation_failed', 'No columns selected');
  return {
    fields,
    units,
    isMetricsData: false,
    isMetricsExtractedData: false,
    tips: { query: null, columns: null },
    datasetReason: 'unchanged',
    dataset: request.dataset,
    dataScanned: partial ? 'partial' : 'full',
  };
}
