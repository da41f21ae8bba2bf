/**
 * Sentry's monitor and check-in JSON (Sentry API reference, Crons: "Retrieve a Monitor",
 * "Retrieve Check-Ins for a Monitor"). Datetimes are UTC ending in `Z` (the Sentry MCP server
 * validates them with zod's `datetime()`, which refuses `+00:00`); ids are 32-hex GUIDs.
 * Built from views (plain facts), so the JSON does not depend on how the rows are stored.
 */
export interface IncidentView {
  /** ms since the epoch */
  readonly startedAt: number;
  readonly resolvingAt: number | null;
}

export interface MonitorEnvironmentView {
  readonly name: string;
  /** `active` (no result yet), `ok`, `error` (an incident is open), `disabled` */
  readonly status: string;
  readonly isMuted: boolean;
  readonly createdAt: number;
  readonly lastCheckIn: number | null;
  readonly nextCheckIn: number | null;
  readonly nextCheckInLatest: number | null;
  readonly activeIncident: IncidentView | null;
}

export interface ProjectRefView {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly platform: string | null;
  readonly createdAt: number;
}

/** Sentry's actor: who owns the monitor. */
export interface OwnerView {
  readonly type: 'user' | 'team';
  readonly id: string;
  readonly name: string;
  readonly email?: string;
}

export interface MonitorView {
  readonly guid: string;
  readonly slug: string;
  readonly name: string;
  readonly status: 'active' | 'disabled';
  readonly isMuted: boolean;
  readonly createdAt: number;
  /** Sentry's `config` object (the domain's `monitorConfigJson`) */
  readonly config: Record<string, unknown>;
  readonly owner: OwnerView | null;
  readonly project: ProjectRefView;
  readonly environments: readonly MonitorEnvironmentView[];
}

export interface CheckInView {
  readonly guid: string;
  readonly environment: string;
  readonly status: string;
  readonly durationMs: number | null;
  readonly dateCreated: number;
  readonly dateUpdated: number;
  readonly expectedTime: number | null;
  readonly dateInProgress: number | null;
  readonly dateClock: number | null;
  readonly monitorConfig: Record<string, unknown>;
}

/** `2026-11-01T10:00:00.000Z`: RFC 3339 in UTC with `Z`. */
export const isoZ = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoZ(ms));

export function environmentJson(env: MonitorEnvironmentView) {
  return {
    name: env.name,
    status: env.status,
    isMuted: env.isMuted,
    dateCreated: isoZ(env.createdAt),
    lastCheckIn: isoOrNull(env.lastCheckIn),
    nextCheckIn: isoOrNull(env.nextCheckIn),
    nextCheckInLatest: isoOrNull(env.nextCheckInLatest),
    activeIncident:
      env.activeIncident === null
        ? null
        : { startingTimestamp: isoZ(env.activeIncident.startedAt), resolvingTimestamp: isoOrNull(env.activeIncident.resolvingAt), brokenNotice: null },
  };
}

/** Sentry's order of a monitor's environments: failing first, then ok, new, disabled; muted last; then the latest check-in first. */
const ENV_ORDER: Record<string, number> = { error: 0, ok: 1, active: 2, disabled: 3 };
export function sortEnvironments(envs: readonly MonitorEnvironmentView[]): MonitorEnvironmentView[] {
  return [...envs].sort(
    (a, b) =>
      Number(a.isMuted) - Number(b.isMuted) ||
      (ENV_ORDER[a.status] ?? 2) - (ENV_ORDER[b.status] ?? 2) ||
      (b.lastCheckIn ?? 0) - (a.lastCheckIn ?? 0) ||
      a.name.localeCompare(b.name),
  );
}

export function monitorJson(m: MonitorView) {
  const envs = sortEnvironments(m.environments);
  return {
    id: m.guid,
    slug: m.slug,
    name: m.name,
    status: m.status,
    isMuted: m.isMuted,
    isUpserting: false,
    type: 'cron_job' as const,
    config: m.config,
    dateCreated: isoZ(m.createdAt),
    project: {
      id: String(m.project.id),
      slug: m.project.slug,
      name: m.project.name,
      platform: m.project.platform,
      dateCreated: isoZ(m.project.createdAt),
    },
    owner: m.owner,
    environments: envs.map(environmentJson),
  };
}

/**
 * The check-in JSON; `monitorConfig` is the config as it was when the check-in arrived (`{}` when
 * unknown). `dateInProgress`/`dateClock` are the newer optional keys the MCP server also reads.
 */
export function checkInJson(c: CheckInView) {
  return {
    id: c.guid,
    environment: c.environment,
    status: c.status,
    duration: c.durationMs === null ? null : Math.round(c.durationMs),
    dateCreated: isoZ(c.dateCreated),
    dateAdded: isoZ(c.dateCreated),
    dateUpdated: isoZ(c.dateUpdated),
    dateInProgress: isoOrNull(c.dateInProgress),
    dateClock: isoOrNull(c.dateClock),
    expectedTime: isoOrNull(c.expectedTime),
    monitorConfig: c.monitorConfig,
  };
}
