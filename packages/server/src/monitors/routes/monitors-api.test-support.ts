// Test support (not a test): check-ins sent over HTTP as check_in envelopes in the shape the
// captures show (packages/server/test-fixtures/sentry-node-11.12.0/024-027: no item length,
// header without event_id), then processed by draining the worker; or written with the
// monitors domain's own repository when a test needs an exact environment state to read back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type ApiResponse, apiFetch, type Caller, post, type TestServer } from '../../testing/index.js';
import type { CheckInStatus } from '../store/monitor-records.js';

export const newCheckInId = (): string => randomBytes(16).toString('hex');

export async function sendCheckIn(server: TestServer, checkIn: Record<string, unknown>): Promise<void> {
  const header = { sent_at: new Date().toISOString(), sdk: { name: 'sentry.javascript.node', version: '11.12.0' } };
  const res = await post(server, `${JSON.stringify(header)}\n{"type":"check_in"}\n${JSON.stringify(checkIn)}`);
  assert.equal(res.status, 200, `ingest refused a check-in: ${await res.text()}`);
  await server.app.jobs.worker.drain();
}

export interface MonitorJsonShape {
  id: string;
  slug: string;
  name: string;
  status: string;
  isMuted: boolean;
  type: string;
  config: Record<string, unknown>;
  dateCreated: string;
  project: { id: string; slug: string; name: string };
  owner: unknown;
  environments: {
    name: string;
    status: string;
    isMuted: boolean;
    dateCreated: string;
    lastCheckIn: string | null;
    nextCheckIn: string | null;
    nextCheckInLatest: string | null;
    activeIncident: unknown;
  }[];
}

export interface CheckInJsonShape {
  id: string;
  environment: string;
  status: string;
  duration: number | null;
  dateCreated: string;
  expectedTime: string | null;
  monitorConfig: Record<string, unknown>;
}

export type StatsShape = { ts: number; ok: number; error: number; missed: number; timeout: number; unknown: number; duration: number }[];

/** A call as the workspace's admin token unless `as` says otherwise. */
export function monitorsApi(server: TestServer) {
  const base = `/api/0/organizations/${server.workspace.org}/monitors/`;
  const as: Caller = { token: server.workspace.token };
  return {
    base,
    get: <T>(path: string, caller: Caller = as): Promise<ApiResponse<T>> =>
      apiFetch<T>(server.url, path.startsWith('/') ? path : `${base}${path}`, { as: caller }),
    send: <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, caller: Caller = as): Promise<ApiResponse<T>> =>
      apiFetch<T>(server.url, path.startsWith('/') ? path : `${base}${path}`, { method, as: caller, body }),
  };
}

/** The body of a monitor the tests create; `overrides` replace top-level keys, `config` merges. */
export function monitorBody(server: TestServer, slug: string, config: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  return {
    project: server.workspace.project,
    name: `Job ${slug}`,
    slug,
    config: { schedule_type: 'crontab', schedule: '0 2 * * *', checkin_margin: 5, max_runtime: 30, timezone: 'Europe/Vienna', ...config },
    ...overrides,
  };
}

export interface SeededRun {
  readonly environment: string;
  readonly status: CheckInStatus;
  readonly dateCreated: number;
  readonly durationMs: number | null;
  /** what the environment shows afterwards */
  readonly environmentState: { status: 'active' | 'ok' | 'error'; lastCheckIn: number; nextCheckIn: number | null; nextCheckInLatest: number | null };
  /** opens an incident starting at this check-in */
  readonly opensIncident?: boolean;
}

/** Writes one finished run of `slug` (in the workspace's organization) with the repository the pipeline uses; returns its check-in id. */
export async function seedRun(server: TestServer, slug: string, run: SeededRun): Promise<string> {
  const { store } = server;
  const org = await store.organizations.bySlug(server.workspace.org);
  assert.ok(org);
  const monitor = await store.monitors.get(org.id, slug);
  assert.ok(monitor, `no monitor ${slug}`);
  const env = await store.monitors.ensureEnvironment(store.db, monitor.id, run.environment);
  const guid = newCheckInId();
  const checkIn = await store.monitorCheckIns.insert(store.db, {
    guid,
    projectId: monitor.projectId,
    monitorId: monitor.id,
    environmentId: env.id,
    status: run.status,
    durationMs: run.durationMs,
    dateCreated: run.dateCreated,
    dateInProgress: run.dateCreated,
    dateClock: run.dateCreated + (run.durationMs ?? 0),
    expectedTime: null,
    timeoutAt: null,
    traceId: null,
    release: null,
    monitorConfig: { schedule_type: 'crontab', schedule: '0 2 * * *' },
  });
  await store.monitors.updateEnvironment(store.db, env.id, run.environmentState);
  if (run.opensIncident)
    await store.monitorCheckIns.openIncident(store.db, {
      monitorId: monitor.id,
      environmentId: env.id,
      grouphash: newCheckInId(),
      startingCheckInId: checkIn.id,
      startingAt: run.dateCreated,
    });
  return guid;
}
