import { createHash } from 'node:crypto';
import { formatShortId } from '../../issues/index.js';
import type { StoreExecutor } from '../../store/index.js';
import { GROUPING_MECHANISM_IDS, type GroupingResult } from '../group/index.js';
import type { NormalizedEvent } from '../normalize/index.js';
import type { ReadyEvent } from '../persist/index.js';
import type { MonitorFailure } from './monitor-results.js';

/** The metadata type that makes an issue a cron issue (issues/read/issue-json.ts: category `cron`). */
export const CRON_ISSUE_TYPE = 'monitor_check_in_failure';

const WHAT: Record<string, string> = { missed: 'missed check-in', error: 'check-in error', timeout: 'check-in timeout' };

/**
 * Cron issues: every failure of an open incident becomes one event that goes through persist
 * like an error, grouped by the incident's hash, so it gets the whole issue lifecycle and the
 * issue alerts (Sentry: one issue per incident, group type `monitor_check_in_failure`,
 * https://docs.sentry.io/product/crons/job-monitoring/). The title names the monitor and the
 * kind of failure; the culprit says which run, when it was expected, the last success and,
 * for a failed run, the error event of the same trace. The event id is derived from the
 * incident and the check-in, so a sweep run twice makes a duplicate, not a second event.
 */
export async function cronIssueEvents(trx: StoreExecutor, failures: readonly MonitorFailure[], now: number): Promise<ReadyEvent[]> {
  const out: ReadyEvent[] = [];
  for (const f of failures) {
    const what = WHAT[f.checkIn.status] ?? 'check-in failure';
    const title = `Cron failure: ${f.monitor.slug} — ${what}`;
    const expected = f.checkIn.expectedTime ?? f.checkIn.dateCreated;
    const parts = [`run ${f.checkIn.guid} expected ${iso(expected)}`, `last success ${f.lastOk === undefined ? 'never' : iso(f.lastOk.dateCreated)}`];
    if (f.checkIn.status === 'timeout') parts.push(`still running after ${f.monitor.config.maxRuntime ?? 30} min`);
    const error = f.checkIn.traceId === null ? undefined : await errorOfTrace(trx, f.monitor.projectId, f.checkIn.traceId);
    if (error !== undefined) parts.push(`error ${error}`);
    const culprit = parts.join(' · ');
    const eventId = createHash('md5').update(`${f.incident.grouphash}:${f.checkIn.id}`).digest('hex');
    const tags: [string, string][] = [
      ['monitor.slug', f.monitor.slug],
      ['monitor.incident', String(f.incident.id)],
      ['environment', f.environment.environment],
    ];
    const event: NormalizedEvent = {
      event_id: eventId,
      project: f.monitor.projectId,
      type: 'default',
      level: 'error',
      platform: 'other',
      timestamp: f.checkIn.dateCreated / 1000,
      receivedAt: now,
      title,
      culprit,
      metadata: { title, value: culprit, type: CRON_ISSUE_TYPE },
      logentry: { formatted: `${title}: ${culprit}` },
      environment: f.environment.environment,
      tags,
      contexts: { monitor: { type: 'monitor', slug: f.monitor.slug, id: f.monitor.guid, check_in_id: f.checkIn.guid, status: f.checkIn.status } },
    };
    if (f.checkIn.traceId !== null) (event.contexts as Record<string, Record<string, string>>).trace = { type: 'trace', trace_id: f.checkIn.traceId };
    if (f.checkIn.release !== null) event.release = f.checkIn.release;
    out.push({ projectId: f.monitor.projectId, receivedAt: now, itemType: 'event', event, notes: [], grouping: groupingOf(f) });
  }
  return out;
}

/** The short id (or event id) of an error event of the run's trace: the link from a failed run to its error. */
async function errorOfTrace(trx: StoreExecutor, projectId: number, traceId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('event_traces')
    .leftJoin('issues', 'issues.id', 'event_traces.issue_id')
    .leftJoin('projects', 'projects.id', 'issues.project_id')
    .select(['event_traces.event_id', 'issues.short_id', 'projects.slug'])
    .where('event_traces.project_id', '=', projectId)
    .where('event_traces.trace_id', '=', traceId)
    .where('event_traces.occurrence_type', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return row.short_id !== null && row.slug !== null ? formatShortId(row.slug, row.short_id) : row.event_id;
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function groupingOf(f: MonitorFailure): GroupingResult {
  return {
    mechanism: GROUPING_MECHANISM_IDS[0],
    hashes: [f.incident.grouphash],
    fingerprintSource: 'default',
    fingerprint: ['monitor', f.monitor.slug, String(f.incident.id)],
    strategy: 'fallback',
    variant: 'custom',
    components: [`monitor=${f.monitor.slug}`, `incident=${f.incident.id}`],
    description: `cron issue: ${f.monitor.slug}`,
    title: null,
    matchedRule: null,
    effectiveInApp: { exception: [], threads: [], stacktrace: null },
  };
}
