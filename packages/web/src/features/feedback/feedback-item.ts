import type { FeedbackContext, Issue, IssueEvent } from '../../api/index.js';

/** What a row of the inbox shows of a feedback issue, from its metadata. */
export interface FeedbackSummary {
  readonly who: string;
  readonly email: string | null;
  readonly message: string;
}

export interface FeedbackDetails extends FeedbackSummary {
  readonly name: string | null;
  readonly url: string | null;
  readonly associatedEventId: string | null;
  readonly replayId: string | null;
  readonly source: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A feedback issue's sender and message: metadata first (Sentry's feedback issues carry both), else the title. */
export function feedbackSummary(issue: Pick<Issue, 'metadata' | 'title' | 'culprit'>): FeedbackSummary {
  const m = issue.metadata ?? {};
  const name = str(m.name);
  const email = str(m.contact_email);
  return { who: name ?? email ?? 'Anonymous', email, message: str(m.message) ?? str(m.value) ?? issue.title };
}

/** The full feedback from its event's `contexts.feedback` (and `contexts.replay`), the issue's metadata filling gaps. */
export function feedbackDetails(
  issue: Pick<Issue, 'metadata' | 'title' | 'culprit'>,
  event: Pick<IssueEvent, 'contexts' | 'user' | 'tags'> | undefined,
): FeedbackDetails {
  const summary = feedbackSummary(issue);
  const fb = (event?.contexts?.feedback ?? {}) as FeedbackContext;
  const replayContext = event?.contexts?.replay ?? {};
  const name = str(fb.name) ?? str(issue.metadata?.name) ?? str(event?.user?.name);
  const email = str(fb.contact_email) ?? summary.email ?? str(event?.user?.email);
  const url = str(fb.url) ?? str(event?.tags?.find((t) => t.key === 'url')?.value);
  return {
    who: name ?? email ?? 'Anonymous',
    name,
    email,
    message: str(fb.message) ?? summary.message,
    url,
    associatedEventId: str(fb.associated_event_id),
    replayId: str(fb.replay_id) ?? str(replayContext.replay_id),
    source: str(fb.source),
  };
}

/** `http:` and `https:` links only: anything else the SDK sent (`javascript:`…) is shown as text, not linked. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
