import type { Store, StoreExecutor } from '../store/index.js';
import type { UserReportRecord } from './store/user-report-repo.js';
import type { UserReportInput } from './user-report-input.js';

/** Where a report came from: Sentry's feedback `source` values (the shimmed feedback issue carries it too). */
export type UserReportSource = 'user_report_envelope' | 'user_report_sentry_django_endpoint' | 'crash_report_embed_form' | 'new_feedback_envelope';

/** A report about a stored event older than this is refused. */
export const EVENT_AGE_LIMIT_MS = 30 * 60_000;
/** A second report for the same event replaces the first within this time, and is refused after it. */
export const OVERWRITE_WINDOW_MS = 5 * 60_000;

export type SaveUserReportResult =
  | { readonly ok: true; readonly report: UserReportRecord; readonly created: boolean }
  | { readonly ok: false; readonly conflict: string };

/**
 * Saves a legacy user report with Sentry's rules
 * (https://docs.sentry.io/api/projects/submit-user-feedback/): a report about an event already
 * stored whose own timestamp is more than 30 minutes old is refused; a second report for the
 * same event overwrites the first within 5 minutes and is refused after. The event may not be
 * stored yet: the report waits, and the pipeline links it to the event's issue when it comes.
 * Runs in the caller's transaction.
 */
export async function saveUserReport(
  store: Store,
  trx: StoreExecutor,
  input: { readonly projectId: number; readonly report: UserReportInput; readonly source: UserReportSource },
  now: number,
): Promise<SaveUserReportResult> {
  const { projectId, report, source } = input;
  const event = await trx
    .selectFrom('events')
    .select(['issue_id', 'timestamp', 'environment'])
    .where('project_id', '=', projectId)
    .where('event_id', '=', report.eventId)
    .executeTakeFirst();
  if (event?.timestamp != null && now - Number(event.timestamp) > EVENT_AGE_LIMIT_MS) {
    return { ok: false, conflict: 'Feedback for this event cannot be modified: the event is more than 30 minutes old.' };
  }
  const existing = await store.userReports.get(trx, projectId, report.eventId);
  if (existing !== undefined) {
    if (now - existing.dateCreated > OVERWRITE_WINDOW_MS) return { ok: false, conflict: 'Feedback for this event cannot be modified.' };
    await store.userReports.overwrite(trx, existing.id, { ...report, source });
    return { ok: true, created: false, report: { ...existing, name: report.name, email: report.email, comments: report.comments, source } };
  }
  await store.userReports.insert(trx, {
    projectId,
    eventId: report.eventId,
    issueId: event?.issue_id ?? null,
    environment: event?.environment ?? null,
    name: report.name,
    email: report.email,
    comments: report.comments,
    source,
    dateCreated: now,
  });
  const saved = await store.userReports.get(trx, projectId, report.eventId);
  if (saved === undefined) return { ok: false, conflict: 'Feedback for this event cannot be modified.' };
  return { ok: true, created: true, report: saved };
}

/** Writes the feedback issue a legacy report is shimmed into, in the caller's transaction (built by the pipeline, handed in by api/). */
export type UserReportShimWriter = (
  trx: StoreExecutor,
  input: { readonly projectId: number; readonly report: UserReportInput; readonly environment: string | null; readonly source: UserReportSource },
) => Promise<void>;
