import type { Store } from '../../store/index.js';
import { monitorConfigJson } from '../monitor-config.js';
import type { CheckInRecord, MonitorRecord } from '../store/monitor-records.js';
import type { CheckInView, MonitorView, OwnerView } from './monitor-json.js';

/**
 * Monitor records made into the views the JSON is built from: their project, their
 * environments (only those named, when `environments` is given) with any open incident, and
 * their owner's name. A handful of queries per page, never one per monitor.
 */
export async function monitorViews(store: Store, orgId: number, monitors: readonly MonitorRecord[], environments?: readonly string[]): Promise<MonitorView[]> {
  if (monitors.length === 0) return [];
  const [projects, envs, owners] = await Promise.all([
    store.projects.list(orgId),
    store.monitors.environments(
      monitors.map((m) => m.id),
      environments,
    ),
    ownerViews(
      store,
      orgId,
      monitors.map((m) => m.config.owner),
    ),
  ]);
  const incidents = await store.monitorCheckIns.activeIncidents(envs.map((e) => e.id));
  const projectById = new Map(projects.map((p) => [p.id, p]));
  return monitors.map((m) => {
    const project = projectById.get(m.projectId);
    return {
      guid: m.guid,
      slug: m.slug,
      name: m.name,
      status: m.status,
      isMuted: m.isMuted,
      createdAt: m.createdAt,
      config: monitorConfigJson(m.config),
      owner: m.config.owner === null ? null : (owners.get(m.config.owner) ?? null),
      project: {
        id: m.projectId,
        slug: project?.slug ?? String(m.projectId),
        name: project?.name ?? '',
        platform: project?.platform ?? null,
        createdAt: project?.createdAt ?? m.createdAt,
      },
      environments: envs
        .filter((e) => e.monitorId === m.id)
        .map((e) => {
          const incident = incidents.find((i) => i.environmentId === e.id);
          return {
            name: e.environment,
            status: e.status,
            isMuted: e.isMuted,
            createdAt: e.createdAt,
            lastCheckIn: e.lastCheckIn,
            nextCheckIn: e.nextCheckIn,
            nextCheckInLatest: e.nextCheckInLatest,
            activeIncident: incident === undefined ? null : { startedAt: incident.startingAt, resolvingAt: incident.resolvingAt },
          };
        }),
    };
  });
}

/**
 * Sentry's actor for each `user:<id>` / `team:<id>` owner, looked up among this organization's
 * members and teams only (so an owner id never reveals who someone is elsewhere). Owners that
 * are no longer found are left out, and the monitor shows no owner.
 */
export async function ownerViews(store: Store, orgId: number, owners: readonly (string | null)[]): Promise<Map<string, OwnerView>> {
  const wanted = [...new Set(owners.filter((o): o is string => o !== null))];
  const out = new Map<string, OwnerView>();
  if (wanted.length === 0) return out;
  const [members, teams] = await Promise.all([
    wanted.some((o) => o.startsWith('user:')) ? store.members.list(orgId) : [],
    wanted.some((o) => o.startsWith('team:')) ? store.teams.list(orgId) : [],
  ]);
  for (const m of members) out.set(`user:${m.userId}`, { type: 'user', id: String(m.userId), name: m.name || m.email, email: m.email });
  for (const t of teams) out.set(`team:${t.id}`, { type: 'team', id: String(t.id), name: t.slug });
  return out;
}

export function checkInView(c: CheckInRecord): CheckInView {
  return {
    guid: c.guid,
    environment: c.environment,
    status: c.status,
    durationMs: c.durationMs,
    dateCreated: c.dateCreated,
    dateUpdated: c.dateUpdated,
    dateInProgress: c.dateInProgress,
    dateClock: c.dateClock,
    expectedTime: c.expectedTime,
    monitorConfig: c.monitorConfig,
  };
}
