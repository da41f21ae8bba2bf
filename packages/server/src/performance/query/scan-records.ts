import type { JsonValue } from '@faultline/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { normalizeSpanDescription, spanGroup } from '../spans/index.js';
import { decodeTraceDocument } from '../store/trace-document.js';
import type { DatasetKind } from './aggregates.js';

/**
 * The scan path of the events API: stored transactions, spans or error events as records
 * keyed by Sentry's field names, newest first, for what the rollups cannot answer (user
 * filters, HTTP status codes, raw rows). Bounded by `MAX_SCAN_*`; `partial` says the bound was hit.
 */
export type Row = Record<string, JsonValue>;

const MAX_SCAN_SEGMENTS = 50_000;
const MAX_SCAN_DOCUMENTS = 5_000;

export interface ProjectRef {
  readonly id: number;
  readonly slug: string;
}

/** How rows name an issue: its short id from the project slug and the issue's counter (issues/ knows the format). */
export interface EventNaming {
  shortIdOf(projectSlug: string, counter: number): string;
}

export function slugOf(projects: readonly ProjectRef[], id: unknown): string {
  return projects.find((p) => p.id === Number(id))?.slug ?? String(id);
}

export function scan(
  db: Kysely<Database>,
  kind: DatasetKind,
  spanSegments: boolean,
  window: { projectIds: number[]; start: number; end: number },
  projects: readonly ProjectRef[],
  naming: EventNaming,
) {
  if (kind === 'errors') return scanErrors(db, window, projects, naming);
  return kind === 'transactions' || spanSegments ? scanSegments(db, window, projects) : scanSpans(db, window, projects);
}

/**
 * Error and message events as records with Sentry's Discover field names, newest first. A
 * performance issue's event (a transaction with an occurrence) is not an error event.
 */
async function scanErrors(
  db: Kysely<Database>,
  window: { projectIds: number[]; start: number; end: number },
  projects: readonly ProjectRef[],
  naming: EventNaming,
) {
  if (window.projectIds.length === 0) return { records: [] as Row[], partial: false };
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('issues as i', 'i.id', 'e.issue_id')
    .leftJoin('event_traces as t', (j) => j.onRef('t.project_id', '=', 'e.project_id').onRef('t.event_id', '=', 'e.event_id'))
    .select([
      'e.project_id',
      'e.event_id',
      'e.issue_id',
      'e.received_at',
      'e.timestamp',
      'e.level',
      'e.environment',
      'e.release',
      'e.user_key',
      'e.title',
      'i.short_id',
      'i.culprit',
      'i.type as issue_type',
      't.trace_id',
      't.span_id',
      't.transaction',
    ])
    .where('e.project_id', 'in', window.projectIds)
    .where('e.type', '=', 'event')
    .where('e.received_at', '>=', window.start * 1000)
    .where('e.received_at', '<', window.end * 1000)
    .orderBy('e.received_at', 'desc')
    .limit(MAX_SCAN_SEGMENTS + 1)
    .execute();
  const records: Row[] = [];
  for (const r of rows.slice(0, MAX_SCAN_SEGMENTS)) {
    if (r.issue_type === 'transaction') continue;
    const slug = slugOf(projects, r.project_id);
    const at = Number(r.timestamp ?? r.received_at);
    records.push({
      id: r.event_id,
      title: r.title,
      message: r.title,
      culprit: r.culprit,
      level: r.level,
      'event.type': r.issue_type ?? 'error',
      environment: r.environment,
      release: r.release,
      project: slug,
      'project.id': r.project_id,
      'project.name': slug,
      issue: r.short_id === null ? 'unknown' : naming.shortIdOf(slug, r.short_id),
      'issue.id': r.issue_id,
      timestamp: new Date(at).toISOString().replace('Z', '+00:00'),
      'precise.finish_ts': at / 1000,
      trace: r.trace_id,
      'trace.span': r.span_id,
      transaction: r.transaction,
      user: r.user_key,
      ...userFieldsOf(r.user_key),
    });
  }
  return { records, partial: rows.length > MAX_SCAN_SEGMENTS };
}

/** Transactions as records with Sentry's field names, newest first. */
async function scanSegments(db: Kysely<Database>, window: { projectIds: number[]; start: number; end: number }, projects: readonly ProjectRef[]) {
  if (window.projectIds.length === 0) return { records: [] as Row[], partial: false };
  const rows = await db
    .selectFrom('trace_segments')
    .select([
      'project_id',
      'trace_id',
      'segment_id',
      'name',
      'op',
      'status',
      'http_method',
      'http_status_code',
      'release',
      'environment',
      'user_key',
      'event_id',
      'start_ms',
      'end_ms',
      'duration_ms',
      'sample_rate',
    ])
    .where('project_id', 'in', window.projectIds)
    .where('has_segment', '=', 1)
    .where('end_ms', '>=', window.start * 1000)
    .where('end_ms', '<', window.end * 1000)
    .orderBy('end_ms', 'desc')
    .limit(MAX_SCAN_SEGMENTS + 1)
    .execute();
  const records = rows.slice(0, MAX_SCAN_SEGMENTS).map((r): Row => {
    return {
      id: r.event_id ?? r.segment_id,
      transaction: r.name,
      'transaction.duration': r.duration_ms,
      'transaction.op': r.op,
      'transaction.status': r.status,
      'http.method': r.http_method,
      'http.status_code': r.http_status_code === null ? null : String(r.http_status_code),
      release: r.release,
      environment: r.environment,
      project: slugOf(projects, r.project_id),
      'project.id': r.project_id,
      trace: r.trace_id,
      'trace.span': r.segment_id,
      timestamp: new Date(Number(r.end_ms)).toISOString().replace('Z', '+00:00'),
      'precise.finish_ts': Number(r.end_ms) / 1000,
      user: r.user_key,
      ...userFieldsOf(r.user_key),
      'event.type': 'transaction',
      is_transaction: true,
      'span.duration': r.duration_ms,
      'span.op': r.op,
      message: r.name,
      'sentry.sample_rate': r.sample_rate,
    };
  });
  return { records, partial: rows.length > MAX_SCAN_SEGMENTS };
}

/** `user.display` and `user.id|email|username|ip` from the stored user key (`id:…`, `email:…`, …). */
function userFieldsOf(key: string | null): Row {
  const colon = key === null ? -1 : key.indexOf(':');
  const kind = key === null ? null : key.slice(0, colon);
  const value = key === null ? null : key.slice(colon + 1);
  return {
    'user.display': value,
    'user.id': kind === 'id' ? value : null,
    'user.email': kind === 'email' ? value : null,
    'user.username': kind === 'username' ? value : null,
    'user.ip': kind === 'ip' ? value : null,
  };
}

/** Every stored span as a record with Sentry's span field names, newest documents first. */
async function scanSpans(db: Kysely<Database>, window: { projectIds: number[]; start: number; end: number }, projects: readonly ProjectRef[]) {
  if (window.projectIds.length === 0) return { records: [] as Row[], partial: false };
  const rows = await db
    .selectFrom('trace_segments')
    .select(['project_id', 'document', 'release', 'environment', 'user_key'])
    .where('project_id', 'in', window.projectIds)
    .where('end_ms', '>=', window.start * 1000)
    .where('start_ms', '<', window.end * 1000)
    .orderBy('end_ms', 'desc')
    .limit(MAX_SCAN_DOCUMENTS + 1)
    .execute();
  const records: Row[] = [];
  for (const r of rows.slice(0, MAX_SCAN_DOCUMENTS)) {
    const batch = decodeTraceDocument(r.document);
    for (const s of batch.spans) {
      const normalized = normalizeSpanDescription(s.op, s.description);
      const code = s.data['http.response.status_code'] ?? s.data['http.status_code'];
      records.push({
        id: s.spanId,
        span_id: s.spanId,
        parent_span: s.parentSpanId,
        trace: s.traceId,
        transaction: batch.segmentName,
        'transaction.span_id': s.segmentId,
        is_transaction: s.isSegment,
        'span.op': s.op,
        'span.description': s.description,
        'sentry.normalized_description': normalized,
        'span.group': spanGroup(normalized),
        'span.status': s.status,
        'span.status_code': typeof code === 'number' || typeof code === 'string' ? String(code) : null,
        'span.module': s.op.split('.')[0] ?? null,
        'span.duration': s.durationMs,
        'span.self_time': s.exclusiveTimeMs,
        timestamp: new Date(s.end * 1000).toISOString().replace('Z', '+00:00'),
        'precise.start_ts': s.start,
        'precise.finish_ts': s.end,
        project: slugOf(projects, r.project_id),
        'project.id': r.project_id,
        release: batch.segment?.release ?? r.release,
        environment: batch.segment?.environment ?? r.environment,
        user: s.isSegment ? r.user_key : null,
        message: s.description,
      });
    }
  }
  return { records, partial: rows.length > MAX_SCAN_DOCUMENTS };
}
