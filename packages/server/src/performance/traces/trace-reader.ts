import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { type TraceErrorRow, type TraceOccurrenceRow, traceErrors, traceOccurrenceRows } from '../store/event-traces.js';
import { createPerformanceRepo, type TraceSegmentRow } from '../store/performance-repo.js';
import { type TraceMeta, traceMeta } from './trace-meta.js';
import type { FindTraceOccurrences, TraceOccurrence } from './trace-occurrences.js';
import type { TraceRequest } from './trace-request.js';
import { buildTraceTree, type TraceNaming, type TraceNode, type TraceSpan, traceSpans } from './trace-tree.js';

/**
 * The read model behind the trace endpoints: a trace's stored batches and error events in the
 * projects the caller may read (the caller resolves them; nothing here widens them), within the
 * request's window. Two index lookups, whatever the size of the organization.
 */
export interface TraceReader {
  trace(projectIds: readonly number[], request: TraceRequest, naming: TraceNaming): Promise<TraceNode[]>;
  meta(projectIds: readonly number[], request: TraceRequest): Promise<TraceMeta>;
}

interface TraceParts {
  spans: TraceSpan[];
  errors: TraceErrorRow[];
  occurrences: (naming: TraceNaming) => Promise<TraceOccurrence[]>;
}

/** A stored performance issue as the trace view's occurrence node (event_type `occurrence`). */
function occurrenceOf(row: TraceOccurrenceRow, naming: TraceNaming): TraceOccurrence {
  const slug = naming.slugOf(row.projectId);
  return {
    offenderSpanIds: row.offenderSpanIds,
    node: {
      event_type: 'occurrence',
      event_id: row.eventId,
      issue_id: row.issueId ?? 0,
      project_id: row.projectId,
      project_slug: slug,
      transaction: row.transaction ?? '',
      description: row.title ?? '',
      level: 'info',
      start_timestamp: row.timestamp / 1000,
      end_timestamp: row.timestamp / 1000,
      culprit: row.culprit ?? '',
      short_id: row.issueShortId === null ? '' : naming.shortIdOf(slug, row.issueShortId),
      issue_type: row.type,
    },
  };
}

function overlaps(row: TraceSegmentRow, request: TraceRequest): boolean {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of row.batch.spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return end * 1000 >= request.start && start * 1000 <= request.end;
}

export function createTraceReader(deps: { db: Kysely<Database>; findOccurrences?: FindTraceOccurrences }): TraceReader {
  const repo = createPerformanceRepo(deps.db);

  async function load(projectIds: readonly number[], request: TraceRequest): Promise<TraceParts> {
    const [rows, errors] = await Promise.all([repo.traceBatches(projectIds, request.traceId), traceErrors(deps.db, projectIds, request.traceId)]);
    const spans = traceSpans(rows.filter((r) => overlaps(r, request)));
    const spanIds = new Set(spans.map((s) => s.span.spanId));
    const custom = deps.findOccurrences;
    const occurrences = custom
      ? () => custom(projectIds, request.traceId, spanIds)
      : async (naming: TraceNaming) => (await traceOccurrenceRows(deps.db, projectIds, request.traceId)).map((r) => occurrenceOf(r, naming));
    return { spans, errors: errors.filter((e) => e.timestamp >= request.start && e.timestamp <= request.end), occurrences };
  }

  // Counting needs no names.
  const anonymous: TraceNaming = { slugOf: () => '', shortIdOf: () => '' };

  return {
    async trace(projectIds, request, naming) {
      const { spans, errors, occurrences } = await load(projectIds, request);
      return buildTraceTree(spans, errors, await occurrences(naming), naming);
    },
    async meta(projectIds, request) {
      const { spans, errors, occurrences } = await load(projectIds, request);
      return traceMeta(spans, errors, await occurrences(anonymous));
    },
  };
}
