import { normalizeReportEventId } from './user-report-input.js';

/**
 * The `contexts.feedback` object of a new-style `feedback` item (Sentry developer docs,
 * Envelope Items › User Feedback): `message` is required and must not be blank (Sentry drops
 * such feedback); the rest is optional. A message longer than FEEDBACK_MESSAGE_MAX is cut to
 * it (docs/feedback.md › Limits), so the person's words are kept rather than lost.
 */
export const FEEDBACK_MESSAGE_MAX = 4096;

export interface FeedbackContext {
  readonly message: string;
  readonly truncated: boolean;
  readonly contactEmail: string | null;
  readonly name: string | null;
  readonly url: string | null;
  readonly associatedEventId: string | null;
  readonly replayId: string | null;
  readonly source: string | null;
}

export type FeedbackContextParse = { readonly ok: true; readonly feedback: FeedbackContext } | { readonly ok: false; readonly reason: string };

/** Never throws, whatever `payload` is. */
export function readFeedbackContext(payload: unknown): FeedbackContextParse {
  const contexts = objectAt(payload, 'contexts');
  const fb = objectAt(contexts, 'feedback');
  if (fb === undefined) return { ok: false, reason: 'missing_feedback_context' };
  const raw = fb.message;
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty_feedback_message' };
  // Sentry drops what Unreal's crash reporter sends when no one typed anything.
  if (raw.trim() === 'Sent in the unattended mode') return { ok: false, reason: 'empty_feedback_message' };
  const truncated = raw.length > FEEDBACK_MESSAGE_MAX;
  const short = (key: string, max: number): string | null => {
    const v = fb[key];
    return typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : null;
  };
  const associated = fb.associated_event_id === undefined ? undefined : normalizeReportEventId(fb.associated_event_id);
  return {
    ok: true,
    feedback: {
      message: truncated ? raw.slice(0, FEEDBACK_MESSAGE_MAX) : raw,
      truncated,
      contactEmail: short('contact_email', 254),
      name: short('name', 128),
      url: short('url', 2048),
      associatedEventId: associated ?? null,
      replayId: normalizeReportEventId(fb.replay_id) ?? null,
      source: short('source', 64),
    },
  };
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
