import { createHash } from 'node:crypto';
import type { FeedbackContext } from '../../feedback/index.js';
import { GROUPING_MECHANISM_IDS, type GroupingResult } from '../group/index.js';
import type { NormalizedEvent, Pair } from '../normalize/index.js';

/** Sentry's feedback issue: group type 6001 `feedback`, title and culprit fixed, the message as subtitle. */
export const FEEDBACK_TITLE = 'User Feedback';
const FEEDBACK_GROUP_TYPE = 6001;

/**
 * Turns a normalized event into Sentry's feedback event (Sentry developer docs, "User
 * Feedback"; https://docs.sentry.io/product/user-feedback/): `logentry.message` is the
 * message, `user.email` defaults to the contact e-mail, tags `user.email` and `trace.id`,
 * `contexts.replay.replay_id` from the feedback's replay, environment `production` when the SDK
 * sent none, level `info` unless given. Title `User Feedback`, culprit `user`, and the
 * occurrence's evidence (message, contact e-mail, name, associated event, source).
 */
export function makeFeedbackEvent(event: NormalizedEvent, fb: FeedbackContext, o: { source: string; levelGiven: boolean }): void {
  event.type = 'feedback';
  if (!o.levelGiven) event.level = 'info';
  event.environment ??= 'production';
  event.logentry = { formatted: fb.message };
  const email = fb.contactEmail;
  if (email !== null) event.user = { ...event.user, email: event.user?.email ?? email };
  event.contexts ??= {};
  const contexts = event.contexts;
  const feedback: Record<string, string> = {
    ...(contexts.feedback as Record<string, string> | undefined),
    type: 'feedback',
    message: fb.message,
    source: o.source,
  };
  if (email !== null) feedback.contact_email = email;
  if (fb.name !== null) feedback.name = fb.name;
  if (fb.url !== null) feedback.url = fb.url;
  if (fb.associatedEventId !== null) feedback.associated_event_id = fb.associatedEventId;
  if (fb.replayId !== null) feedback.replay_id = fb.replayId;
  contexts.feedback = feedback;
  if (fb.replayId !== null && typeof contexts.replay?.replay_id !== 'string') contexts.replay = { ...contexts.replay, type: 'replay', replay_id: fb.replayId };
  const traceId = contexts.trace?.trace_id;
  const tags = new Map<string, string>(event.tags);
  if (event.user?.email !== undefined) tags.set('user.email', event.user.email);
  if (typeof traceId === 'string') tags.set('trace.id', traceId);
  if (fb.associatedEventId !== null) tags.set('associated_event_id', fb.associatedEventId);
  if (fb.replayId !== null) tags.set('replayId', fb.replayId);
  event.tags = [...tags].map(([k, v]): Pair => [k, v]);
  event.title = FEEDBACK_TITLE;
  event.culprit = 'user';
  const evidence: Record<string, string> = { message: fb.message, source: o.source };
  if (email !== null) evidence.contact_email = email;
  if (fb.name !== null) evidence.name = fb.name;
  if (fb.associatedEventId !== null) evidence.associated_event_id = fb.associatedEventId;
  event.metadata = { title: FEEDBACK_TITLE, value: fb.message, ...evidence } as NormalizedEvent['metadata'];
  event.occurrence = {
    id: event.event_id,
    projectId: event.project,
    eventId: event.event_id,
    fingerprint: [feedbackHash(event.project, event.event_id)],
    type: FEEDBACK_GROUP_TYPE,
    issueTitle: FEEDBACK_TITLE,
    subtitle: fb.message,
    culprit: 'user',
    level: event.level,
    evidenceData: evidence,
    evidenceDisplay: [],
  };
}

/**
 * Every feedback is its own issue. Sentry fingerprints each with a random UUID; the hash here is
 * derived from the project and event id instead, so a retried envelope is a duplicate event
 * rather than a second issue.
 */
export function feedbackGrouping(projectId: number, eventId: string): GroupingResult {
  const hash = feedbackHash(projectId, eventId);
  return {
    mechanism: GROUPING_MECHANISM_IDS[0],
    hashes: [hash],
    fingerprintSource: 'default',
    fingerprint: ['feedback', eventId],
    strategy: 'fallback',
    variant: 'custom',
    components: [`feedback=${eventId}`],
    description: 'feedback: one issue per feedback',
    title: null,
    matchedRule: null,
    effectiveInApp: { exception: [], threads: [], stacktrace: null },
  };
}

function feedbackHash(projectId: number, eventId: string): string {
  return createHash('md5').update(`feedback:${projectId}:${eventId}`).digest('hex');
}
