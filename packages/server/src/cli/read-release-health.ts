import type { ReleaseHealthMeasures } from './judge-release-health.js';

/**
 * The gate's reads, over Sentry's public web API, so it works against Faultline
 * and against Sentry alike:
 * - the release (`GET /api/0/projects/{org}/{project}/releases/{version}/?health=1`,
 *   https://docs.sentry.io/api/releases/retrieve-a-project-release/): the project's
 *   id, the last deploy's time and environment;
 * - the session totals since that deploy (`GET /api/0/organizations/{org}/sessions/`,
 *   https://docs.sentry.io/api/releases/retrieve-release-health-session-statistics/).
 *   The release's `healthData` only covers fixed periods (`summaryStatsPeriod`
 *   1h, 24h, 7d, 14d …), and a gate must judge the time since the deploy, so
 *   the totals come from the sessions API with `start` = the deploy.
 */
export interface GateTarget {
  url: string;
  token: string;
  org: string;
  project: string;
  release: string;
  /** judge this environment; default: the environment of the release's last deploy */
  environment?: string;
  wantUnhandled: boolean;
}

export interface JudgedWindow {
  start: string;
  end: string;
  environment: string | null;
  /** what the window starts at: `deploy NAME to ENV` or `release created` */
  startsAt: string;
}

export class GateHttpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateHttpError';
  }
}

interface ReleaseDetails {
  dateCreated?: string;
  lastDeploy?: { environment?: string; name?: string | null; dateStarted?: string | null; dateFinished?: string | null } | null;
  projects?: Array<{ id?: number | string; slug?: string }>;
}

interface SessionsGroup {
  by?: Record<string, string | number>;
  totals?: Record<string, number | null>;
}

const TIMEOUT_MS = 30_000;

const UNSUPPORTED = Symbol('unsupported');

async function getJson<T>(target: GateTarget, path: string, what: string): Promise<T>;
async function getJson<T>(
  target: GateTarget,
  path: string,
  what: string,
  unsupported: (status: number, detail: string) => boolean,
): Promise<T | typeof UNSUPPORTED>;
async function getJson<T>(
  target: GateTarget,
  path: string,
  what: string,
  unsupported?: (status: number, detail: string) => boolean,
): Promise<T | typeof UNSUPPORTED> {
  const url = `${withoutTrailingSlashes(target.url)}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new GateHttpError(`cannot reach ${url}: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text.slice(0, 200);
    try {
      const body = JSON.parse(text) as { detail?: unknown };
      if (typeof body.detail === 'string') detail = body.detail;
    } catch {
      // not JSON (a proxy's error page): the start of the text says enough
    }
    if (unsupported?.(res.status, detail)) return UNSUPPORTED;
    throw new GateHttpError(`${what}: HTTP ${res.status} ${detail}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GateHttpError(`${what}: the answer from ${url} is not JSON`);
  }
}

/** Sentry's search syntax quotes a value with `"` and escapes `"` inside it. */
function releaseQuery(version: string): string {
  return `release:"${version.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function sessionsPath(target: GateTarget, projectId: string, window: JudgedWindow, fields: string[]): string {
  const q = new URLSearchParams({ project: projectId, query: releaseQuery(target.release), start: window.start, end: window.end, includeSeries: '0' });
  // Hourly buckets suit Faultline's counters and every Sentry backend; a daily
  // interval keeps a window older than ~41 days under the 1000-bucket limit.
  const hours = (Date.parse(window.end) - Date.parse(window.start)) / 3_600_000;
  q.set('interval', hours > 999 ? '1d' : '1h');
  if (window.environment) q.set('environment', window.environment);
  for (const f of fields) q.append('field', f);
  return `/api/0/organizations/${encodeURIComponent(target.org)}/sessions/?${q}`;
}

function percent(fraction: number | null | undefined): number | null {
  return typeof fraction === 'number' ? fraction * 100 : null;
}

/** Reads the release and its session totals from its last deploy (or its creation) until `now`. */
export async function readReleaseHealth(target: GateTarget, now: number): Promise<{ window: JudgedWindow; measures: ReleaseHealthMeasures }> {
  const org = encodeURIComponent(target.org);
  const release = await getJson<ReleaseDetails>(
    target,
    `/api/0/projects/${org}/${encodeURIComponent(target.project)}/releases/${encodeURIComponent(target.release)}/?health=1`,
    `release ${target.release} of ${target.org}/${target.project}`,
  );
  const project = release.projects?.find((p) => p.slug === target.project);
  if (project?.id === undefined) throw new GateHttpError(`release ${target.release} does not list project ${target.project}`);
  const deploy = release.lastDeploy ?? null;
  const since = deploy?.dateFinished ?? deploy?.dateStarted ?? release.dateCreated;
  const sinceMs = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(sinceMs)) throw new GateHttpError(`release ${target.release} has no deploy or creation time`);
  const window: JudgedWindow = {
    start: isoSeconds(Math.min(sinceMs, now - 1000)),
    end: isoSeconds(now),
    environment: target.environment ?? deploy?.environment ?? null,
    startsAt: deploy ? `deploy ${deploy.name ?? ''}${deploy.name ? ' ' : ''}to ${deploy.environment ?? '?'}` : 'release created (no deploy)',
  };
  const projectId = String(project.id);
  const totalsBody = await getJson<{ groups?: SessionsGroup[] }>(
    target,
    sessionsPath(target, projectId, window, ['sum(session)', 'count_unique(user)', 'crash_free_rate(session)', 'crash_free_rate(user)']),
    'session totals',
  );
  const totals = totalsBody.groups?.[0]?.totals ?? {};
  const measures: ReleaseHealthMeasures = {
    sessions: totals['sum(session)'] ?? 0,
    users: totals['count_unique(user)'] ?? 0,
    crashFreeSessions: percent(totals['crash_free_rate(session)']),
    crashFreeUsers: percent(totals['crash_free_rate(user)']),
    unhandledFreeUsers: null,
  };
  if (target.wantUnhandled && measures.users > 0) {
    // Faultline's sessions API adds the unhandled family (`unhandled_free_rate(user)`: users
    // without a session in the browser SDK's `unhandled` status); Sentry answers 400 "Invalid
    // field" for it, which means this server cannot judge unhandled users.
    const unhandled = await getJson<{ groups?: SessionsGroup[] }>(
      target,
      sessionsPath(target, projectId, window, ['unhandled_free_rate(user)']),
      'unhandled-free users',
      (status, detail) => status === 400 && detail.startsWith('Invalid field'),
    );
    measures.unhandledFreeUsers = unhandled === UNSUPPORTED ? 'unsupported' : percent(unhandled.groups?.[0]?.totals?.['unhandled_free_rate(user)']);
  }
  return { window, measures };
}

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
