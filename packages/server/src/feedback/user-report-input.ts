import { isValidEmail } from './email-address.js';

/**
 * A legacy user report (`user_report` item, `POST …/user-feedback/`, the crash-report dialog):
 * Sentry's field limits (https://docs.sentry.io/api/projects/submit-user-feedback/): name ≤ 128,
 * email ≤ 75 and valid, comments ≤ 4096, event id 32 hex (dashes allowed, as in a UUID).
 */
export const USER_REPORT_LIMITS = { name: 128, email: 75, comments: 4096 } as const;

export interface UserReportInput {
  readonly eventId: string;
  readonly name: string;
  readonly email: string;
  readonly comments: string;
}

export type UserReportField = 'event_id' | 'name' | 'email' | 'comments';

export type UserReportParse =
  | { readonly ok: true; readonly report: UserReportInput }
  | { readonly ok: false; readonly field: UserReportField; readonly reason: string };

/** Normalizes a 32-hex or dashed UUID event id to 32 lowercase hex; undefined when it is neither. */
export function normalizeReportEventId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 36) return undefined;
  const hex = value.replaceAll('-', '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(hex) ? hex : undefined;
}

/**
 * Checks one report. The dialog's form names its event in the URL, so it passes the event id
 * separately. `truncate` (envelope items, which no one can correct any more) cuts an over-long
 * field to its limit where the API answers 400. Never throws.
 */
export function parseUserReport(value: unknown, options: { eventId?: string; truncate?: boolean } = {}): UserReportParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: 'event_id', reason: 'the report must be a JSON object' };
  const v = value as Record<string, unknown>;
  const eventId = normalizeReportEventId(options.eventId ?? v.event_id);
  if (eventId === undefined) return { ok: false, field: 'event_id', reason: 'event_id must be a 32-character hexadecimal event id' };
  const text = (field: 'name' | 'email' | 'comments'): string | UserReportParse => {
    const raw = v[field];
    if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, field, reason: 'This field is required.' };
    const trimmed = raw.trim();
    if (trimmed.length > USER_REPORT_LIMITS[field] && options.truncate) return trimmed.slice(0, USER_REPORT_LIMITS[field]);
    if (trimmed.length > USER_REPORT_LIMITS[field])
      return { ok: false, field, reason: `Ensure this field has no more than ${USER_REPORT_LIMITS[field]} characters.` };
    return trimmed;
  };
  const name = text('name');
  if (typeof name !== 'string') return name;
  const email = text('email');
  if (typeof email !== 'string') return email;
  if (!isValidEmail(email)) return { ok: false, field: 'email', reason: 'Enter a valid email address.' };
  const comments = text('comments');
  if (typeof comments !== 'string') return comments;
  return { ok: true, report: { eventId, name, email, comments } };
}
