import { createHash } from 'node:crypto';
import { isJsonObject, parseJsonPayload } from '@faultline/protocol';
import {
  type FeedbackContext,
  isValidEmail,
  type NewEventAttachment,
  normalizeReportEventId,
  parseUserReport,
  readFeedbackContext,
  saveUserReport,
  USER_REPORT_LIMITS,
  type UserReportInput,
} from '../../feedback/index.js';
import type { QueueItem } from '../../jobs/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import { normalizeEvent } from '../normalize/index.js';
import type { EventDictionaries, ReadyEvent } from '../persist/index.js';
import { persistEvents, stageEvents } from '../persist/index.js';
import type { ProcessedEventSummary } from '../post-process/index.js';
import type { ProcessingSettings } from '../project-settings.js';
import { scrubEvent } from '../scrub/index.js';
import { feedbackGrouping, makeFeedbackEvent } from './feedback-event.js';

/** Attachments stored with a feedback event (screenshots): per attachment and per event, in bytes. */
export interface FeedbackAttachmentLimits {
  readonly maxAttachmentBytes: number;
  readonly maxEventBytes: number;
}

export const DEFAULT_FEEDBACK_ATTACHMENT_LIMITS: FeedbackAttachmentLimits = { maxAttachmentBytes: 10 * 1024 * 1024, maxEventBytes: 20 * 1024 * 1024 };

interface FeedbackReady {
  readonly item: QueueItem;
  readonly ready: ReadyEvent;
  readonly attachments: { readonly item: QueueItem; readonly attachment: NewEventAttachment }[];
}

export interface PreparedFeedback {
  /** items this stage owns (the rest of the batch must not park them) */
  claims(item: QueueItem): boolean;
  readonly projectIds: readonly number[];
  readonly isEmpty: boolean;
}

interface Prepared extends PreparedFeedback {
  readonly feedback: QueueItem[];
  readonly reports: QueueItem[];
  readonly attachments: Map<number, QueueItem[]>;
}

const HINT = { eventType: 'feedback' };

/**
 * The feedback stage (docs/feedback.md): new-style `feedback` items become feedback events,
 * each its own issue, persisted like errors after the project's scrubbing; `attachment` items
 * of the same envelope are stored with the feedback event (within the limits). Legacy
 * `user_report` items are saved as user reports with the API's rules and shimmed into feedback
 * issues (source `user_report_envelope`). Every item ends in one outcome.
 */
export function claimFeedback(items: readonly QueueItem[]): PreparedFeedback {
  const feedback = items.filter((i) => i.type === 'feedback');
  const reports = items.filter((i) => i.type === 'user_report');
  const envelopes = new Set(feedback.map((i) => i.queueId));
  const attachments = new Map<number, QueueItem[]>();
  for (const i of items) if (i.type === 'attachment' && envelopes.has(i.queueId)) attachments.set(i.queueId, [...(attachments.get(i.queueId) ?? []), i]);
  const claimed = new Set<QueueItem>([...feedback, ...reports, ...[...attachments.values()].flat()]);
  const prepared: Prepared = {
    feedback,
    reports,
    attachments,
    claims: (item) => claimed.has(item),
    projectIds: [...feedback, ...reports].map((i) => i.projectId),
    isEmpty: claimed.size === 0,
  };
  return prepared;
}

/** The CPU part, before the batch's transaction: feedback payloads parsed, normalized, scrubbed. */
export function prepareFeedbackEvents(
  prepared: PreparedFeedback,
  settingsOf: (projectId: number) => ProcessingSettings,
  outcomes: OutcomeCounts,
  limits: FeedbackAttachmentLimits,
): FeedbackReady[] {
  const p = prepared as Prepared;
  const out: FeedbackReady[] = [];
  for (const item of p.feedback) {
    const parsed = parseFeedbackItem(item, settingsOf(item.projectId));
    const envelopeAttachments = p.attachments.get(item.queueId) ?? [];
    if (!parsed.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.reason }, HINT);
      for (const a of envelopeAttachments) outcomes.item(a.projectId, a.receivedAt, a, { outcome: 'invalid', reason: 'feedback_invalid' });
      p.attachments.delete(item.queueId);
      continue;
    }
    const kept: FeedbackReady['attachments'] = [];
    let total = 0;
    for (const a of envelopeAttachments) {
      const size = a.payload.byteLength;
      if (size > limits.maxAttachmentBytes) outcomes.item(a.projectId, a.receivedAt, a, { outcome: 'invalid', reason: 'attachment_too_large' });
      else if (total + size > limits.maxEventBytes) outcomes.item(a.projectId, a.receivedAt, a, { outcome: 'invalid', reason: 'attachments_too_large' });
      else {
        total += size;
        kept.push({ item: a, attachment: attachmentOf(a, parsed.ready.event.event_id) });
      }
    }
    // An envelope's attachments go with its first feedback event only.
    p.attachments.delete(item.queueId);
    out.push({ item, ready: parsed.ready, attachments: kept });
  }
  return out;
}

function parseFeedbackItem(item: QueueItem, settings: ProcessingSettings): { ok: true; ready: ReadyEvent } | { ok: false; reason: string } {
  const payload = parseJsonPayload(item.payload);
  if (!payload.ok) return { ok: false, reason: 'invalid_json' };
  if (!isJsonObject(payload.value)) return { ok: false, reason: 'payload_not_object' };
  const fb = readFeedbackContext(payload.value);
  if (!fb.ok) return { ok: false, reason: fb.reason };
  const normalized = normalizeEvent(payload.value, {
    receivedAt: item.receivedAt,
    projectId: item.projectId,
    itemType: 'event',
    envelopeHeaders: item.envelopeHeaders,
    clientIp: item.clientIp ?? undefined,
  });
  if (!normalized.ok) return { ok: false, reason: 'invalid_event' };
  const event = normalized.event;
  makeFeedbackEvent(event, fb.feedback, { source: fb.feedback.source ?? 'new_feedback_envelope', levelGiven: typeof payload.value.level === 'string' });
  scrubEvent(event, settings.scrubbing);
  return {
    ok: true,
    ready: {
      projectId: item.projectId,
      receivedAt: item.receivedAt,
      itemType: 'feedback',
      event,
      notes: normalized.notes,
      grouping: feedbackGrouping(item.projectId, event.event_id),
    },
  };
}

function attachmentOf(item: QueueItem, eventId: string): NewEventAttachment {
  const h = item.headers as Record<string, unknown>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' && v !== '' ? v.slice(0, 256) : fallback);
  return {
    projectId: item.projectId,
    eventId,
    name: text(h.filename, 'attachment'),
    contentType: text(h.content_type, 'application/octet-stream'),
    attachmentType: text(h.attachment_type, 'event.attachment'),
    data: item.payload,
    dateCreated: item.receivedAt,
  };
}

/**
 * The writes, in the batch's transaction: user reports saved (conflicts → invalid outcome) and
 * shimmed, every feedback event persisted, attachments of stored feedback kept. Returns the
 * summaries post-process needs (issue alerts fire for new feedback issues).
 */
export async function commitFeedback(
  deps: { store: Store; dictionaries: EventDictionaries; now: number },
  trx: StoreExecutor,
  prepared: PreparedFeedback,
  events: readonly FeedbackReady[],
  settingsOf: (projectId: number) => ProcessingSettings,
  outcomes: OutcomeCounts,
): Promise<ProcessedEventSummary[]> {
  const p = prepared as Prepared;
  const shims: ReadyEvent[] = [];
  for (const item of p.reports) {
    const json = parseJsonPayload(item.payload);
    const parsed = parseUserReport(json.ok ? json.value : undefined, { truncate: true });
    if (!parsed.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: `invalid_user_report_${parsed.field}` });
      continue;
    }
    const saved = await saveUserReport(deps.store, trx, { projectId: item.projectId, report: parsed.report, source: 'user_report_envelope' }, deps.now);
    if (!saved.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: 'user_report_conflict' });
      continue;
    }
    outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'accepted' });
    shims.push(userReportShim(item.projectId, item.receivedAt, parsed.report, saved.report.environment, 'user_report_envelope', settingsOf(item.projectId)));
  }
  const all = [...events.map((e) => e.ready), ...shims];
  if (all.length === 0) return [];
  const staged = await stageEvents({ dictionaries: deps.dictionaries, reader: trx, now: deps.now }, all);
  const persisted = await persistEvents({ store: deps.store, now: deps.now }, trx, staged);
  const attachments: NewEventAttachment[] = [];
  for (const e of events) {
    const stored = persisted.stored.has(e.ready);
    outcomes.item(e.item.projectId, e.item.receivedAt, e.item, stored ? { outcome: 'accepted' } : { outcome: 'filtered', reason: 'duplicate' }, HINT);
    for (const a of e.attachments) {
      outcomes.item(a.item.projectId, a.item.receivedAt, a.item, stored ? { outcome: 'accepted' } : { outcome: 'filtered', reason: 'duplicate' });
      if (stored) attachments.push(a.attachment);
    }
  }
  await deps.store.eventAttachments.insert(trx, attachments);
  for (const e of events) if (persisted.stored.has(e.ready)) await reportOnAssociatedEvent(deps, trx, e.ready);
  return persisted.summaries;
}

/**
 * Feedback about an error is also a user report on that error's issue, as Sentry shims it
 * (docs/feedback.md › Feedback about an error), so the issue's User Feedback tab and the MCP
 * server's get_issue_user_reports show it. Built from the scrubbed event, so what the scrubber
 * removed stays removed. A report Sentry's rules refuse (the error is older than 30 minutes, or
 * already has a report older than 5) is left out; the feedback issue stays either way.
 */
async function reportOnAssociatedEvent(deps: { store: Store; now: number }, trx: StoreExecutor, ready: ReadyEvent): Promise<void> {
  const fb = ready.event.contexts?.feedback;
  const text = (key: string, max: number) => {
    const v = fb?.[key];
    return typeof v === 'string' ? v.trim().slice(0, max) : '';
  };
  const eventId = normalizeReportEventId(fb?.associated_event_id);
  const comments = text('message', USER_REPORT_LIMITS.comments);
  if (eventId === undefined || comments === '') return;
  const email = text('contact_email', USER_REPORT_LIMITS.email);
  const report = { eventId, name: text('name', USER_REPORT_LIMITS.name), email: isValidEmail(email) ? email : '', comments };
  await saveUserReport(deps.store, trx, { projectId: ready.projectId, report, source: 'new_feedback_envelope' }, deps.now);
}

/**
 * Sentry turns every legacy report into a new-style feedback issue as well. The event id is
 * derived from the report, so a retried envelope is a duplicate and an overwriting report a new
 * feedback.
 */
export function userReportShim(
  projectId: number,
  receivedAt: number,
  report: UserReportInput,
  environment: string | null,
  source: string,
  settings: ProcessingSettings,
): ReadyEvent {
  const eventId = createHash('md5').update(`user_report:${projectId}:${report.eventId}:${report.name}:${report.email}:${report.comments}`).digest('hex');
  const fb: FeedbackContext = {
    message: report.comments,
    truncated: false,
    contactEmail: report.email,
    name: report.name,
    url: null,
    associatedEventId: report.eventId,
    replayId: null,
    source,
  };
  const normalized = normalizeEvent(
    { event_id: eventId, timestamp: receivedAt / 1000, platform: 'other', ...(environment === null ? {} : { environment }) },
    { receivedAt, projectId, itemType: 'event' },
  );
  if (!normalized.ok) throw new Error('the user-report shim is always a valid event');
  const event = normalized.event;
  makeFeedbackEvent(event, fb, { source, levelGiven: false });
  scrubEvent(event, settings.scrubbing);
  return { projectId, receivedAt, itemType: 'feedback', event, notes: [], grouping: feedbackGrouping(projectId, eventId) };
}

/** Reports that waited for their event: linked to its issue once the event is stored. */
export async function linkWaitingReports(store: Store, trx: StoreExecutor, summaries: readonly ProcessedEventSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  await store.userReports.linkEvents(
    trx,
    summaries.map((s) => ({ projectId: s.projectId, eventId: s.eventId, issueId: s.issueId, environment: s.environment })),
  );
}
