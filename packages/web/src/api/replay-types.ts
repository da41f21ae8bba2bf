// Session replay and user feedback as the API serializes them (Sentry's replay and user-report shapes).

export interface ReplayUser {
  id?: string | null;
  username?: string | null;
  email?: string | null;
  ip?: string | null;
  display_name?: string | null;
}

/** `GET /organizations/{org}/replays/` rows and `…/replays/{id}/`'s `data`. */
export interface Replay {
  id: string;
  project_id: string;
  replay_type?: string;
  started_at: string | null;
  finished_at: string | null;
  /** whole seconds */
  duration: number | null;
  environment?: string | null;
  platform?: string | null;
  releases?: string[];
  urls?: string[];
  count_urls?: number;
  count_segments?: number;
  count_errors?: number;
  count_warnings?: number;
  count_infos?: number;
  error_ids?: string[];
  trace_ids?: string[];
  user?: ReplayUser | null;
  browser?: { name?: string | null; version?: string | null } | null;
  os?: { name?: string | null; version?: string | null } | null;
  sdk?: { name?: string | null; version?: string | null } | null;
  is_archived?: boolean;
  /** whether the caller has opened the replay's page (viewed-by) */
  has_viewed?: boolean;
}

export interface ReplayList {
  data: Replay[];
}

export interface ReplayDetails {
  data: Replay;
}

/** `replay-count/?returnIds=true`: the queried value (an issue id) → replay ids. */
export type ReplayIds = Record<string, string[]>;

/** A user report (`/issues/{id}/user-reports/`, `/projects/{org}/{project}/user-reports/`). */
export interface UserReport {
  id: string;
  eventID: string;
  name: string | null;
  email: string | null;
  comments: string;
  dateCreated: string;
  user?: { id?: string | null; email?: string | null; name?: string | null; username?: string | null } | null;
  event?: { id: string; eventID: string } | null;
}

/** `contexts.feedback` of a feedback issue's event. */
export interface FeedbackContext {
  message?: string;
  contact_email?: string;
  name?: string;
  url?: string;
  source?: string;
  associated_event_id?: string;
  replay_id?: string;
}

/** An event's attachment (`/projects/{org}/{project}/events/{eventId}/attachments/`): a feedback's screenshot. */
export interface EventAttachment {
  id: string;
  name: string;
  mimetype: string;
  size: number;
  dateCreated: string;
}
