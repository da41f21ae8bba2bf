// The release-health shapes of /api/0/ (Sentry API docs: "Retrieve Release Health Session
// Statistics", "List an Organization's Releases" with `health=1`; docs/release-health.md).

/**
 * `projects[].healthData` of a release with `health=1`. Crash-free and unhandled-free rates are
 * percentages (0..100), null when there is nothing to divide by.
 */
export interface ReleaseHealthData {
  crashFreeUsers: number | null;
  crashFreeSessions: number | null;
  /** Faultline's addition: share of users/sessions without an `unhandled` session (browser SDKs send it instead of `crashed`) */
  unhandledFreeUsers?: number | null;
  unhandledFreeSessions?: number | null;
  totalUsers: number | null;
  totalSessions: number | null;
  sessionsCrashed: number;
  sessionsErrored: number;
  totalUsers24h?: number | null;
  totalSessions24h?: number | null;
  totalProjectUsers24h?: number | null;
  totalProjectSessions24h?: number | null;
  /** percent of the project's users (sessions) in the last 24 hours that ran this release */
  adoption: number | null;
  sessionsAdoption: number | null;
  durationP50?: number | null;
  durationP90?: number | null;
  stats?: Record<string, [number, number][]>;
  hasHealthData: boolean;
}

/** One group of `GET /organizations/{org}/sessions/`: fractions (0..1) for rates, integers for counts. */
export interface SessionsGroup {
  by: Record<string, string | number>;
  totals: Record<string, number | null>;
  series?: Record<string, (number | null)[]>;
}

export interface SessionsResponse {
  start: string;
  end: string;
  query?: string;
  /** bucket starts, ISO 8601 UTC */
  intervals: string[];
  groups: SessionsGroup[];
}
