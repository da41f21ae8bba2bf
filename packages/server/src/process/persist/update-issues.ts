import type { IssueBatchUpdate, NewIssueActivity } from '../../issues/index.js';
import {
  type ArrivingEvent,
  ignoreEnded,
  ignoreWindows,
  type LifecycleFields,
  type LifecyclePatch,
  type ReleaseResolutionCheck,
  regresses,
  regressionPatch,
  unignorePatch,
} from '../../issues/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { Pair } from '../normalize/index.js';
import type { ProcessedEventSummary } from '../post-process/index.js';
import type { GroupedEvent, IssueAssignment } from './assign-issues.js';
import { hourlyIncrements, tagIncrements } from './counter-increments.js';

/** A stored error event with what persist derived for it. */
export interface StoredErrorEvent extends GroupedEvent {
  readonly userKey: string | null;
  readonly tags: readonly Pair[];
}

/** Loads, once per batch and project, what decides "newer release" for the given versions. */
export type LoadResolutionCheck = (trx: StoreExecutor, projectId: number, versions: readonly string[]) => Promise<ReleaseResolutionCheck>;

interface Flags {
  isNew: boolean;
  isRegression: boolean;
  cameBack: boolean;
}

/**
 * Brings the issues of a batch's stored events up to date in few statements: users first
 * (insert-if-absent tells which are new), then per issue one UPDATE with the summed deltas
 * and any automatic transition, then the hourly and tag counters as multi-row upserts, then
 * activity. Events of one issue are taken in receive order, so a regression or the end of an
 * ignore is attributed to the event that caused it.
 */
export async function updateIssues<E extends StoredErrorEvent>(
  store: Store,
  trx: StoreExecutor,
  stored: readonly E[],
  assignment: IssueAssignment<E>,
  loadResolutionCheck?: LoadResolutionCheck,
): Promise<ProcessedEventSummary[]> {
  const byIssue = new Map<number, E[]>();
  for (const e of [...stored].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const id = assignment.issueOf.get(e) as number;
    const list = byIssue.get(id);
    if (list === undefined) byIssue.set(id, [e]);
    else list.push(e);
  }
  const bringsUser = await addUsers(store, trx, byIssue);
  const checks = loadResolutionCheck ? await resolutionChecks(trx, byIssue, assignment, loadResolutionCheck) : new Map<number, ReleaseResolutionCheck>();
  const flags = new Map<E, Flags>();
  const updates: IssueBatchUpdate[] = [];
  const activity: NewIssueActivity[] = [];
  for (const [id, events] of byIssue) {
    const before = assignment.before.get(id) ?? null;
    const first = events[0] as E;
    const last = events[events.length - 1] as E;
    if (before === null) activity.push({ issueId: id, type: 'first_seen', data: '{}', userId: null, createdAt: first.receivedAt });
    const lifecycle = before === null ? {} : await walkLifecycle(store, trx, id, before, events, bringsUser, flags, activity, checks.get(first.projectId));
    if (before === null) for (const [i, e] of events.entries()) flags.set(e, { isNew: i === 0, isRegression: false, cameBack: false });
    const released = events.filter((e) => e.event.release !== undefined);
    const lastReleased = released[released.length - 1];
    updates.push({
      id,
      timesSeen: events.length,
      newUsers: events.filter((e) => bringsUser.has(e)).length,
      firstSeen: first.receivedAt,
      lastSeen: last.receivedAt,
      latest: {
        eventId: last.event.event_id,
        level: last.event.level,
        title: last.event.title,
        culprit: last.event.culprit,
        metadata: JSON.stringify(last.event.metadata),
      },
      firstRelease: released[0]?.event.release ?? null,
      lastRelease: lastReleased === undefined ? null : { release: lastReleased.event.release as string, at: lastReleased.receivedAt },
      lifecycle,
    });
  }
  // Ascending ids: concurrent writers (PostgreSQL) lock issue rows in one order, never deadlocking.
  updates.sort((a, b) => a.id - b.id);
  for (const u of updates) await store.issueWrites.applyBatch(trx, u);
  await store.issueCounters.incrementHourly(trx, hourlyIncrements(byIssue));
  await store.issueCounters.incrementTags(trx, tagIncrements(byIssue));
  await store.issueCounters.addActivity(trx, activity);
  return stored.map((e) => {
    const f = flags.get(e) ?? { isNew: false, isRegression: false, cameBack: false };
    return {
      projectId: e.projectId,
      issueId: assignment.issueOf.get(e) as number,
      isNew: f.isNew,
      isRegression: f.isRegression,
      wasIgnoredAndCameBack: f.cameBack,
      eventId: e.event.event_id,
      level: e.event.level,
      environment: e.event.environment ?? null,
      release: e.event.release ?? null,
      userKey: e.userKey,
      tags: e.tags,
    };
  });
}

/** One check per project with an issue resolved in a release: the batch's releases and those resolved against. */
async function resolutionChecks<E extends StoredErrorEvent>(
  trx: StoreExecutor,
  byIssue: ReadonlyMap<number, readonly E[]>,
  assignment: IssueAssignment<E>,
  load: LoadResolutionCheck,
): Promise<Map<number, ReleaseResolutionCheck>> {
  const versions = new Map<number, Set<string>>();
  for (const [id, events] of byIssue) {
    const before = assignment.before.get(id);
    if (before?.status !== 'resolved' || (before.resolution !== 'in_release' && before.resolution !== 'in_next_release')) continue;
    const projectId = (events[0] as E).projectId;
    const set = versions.get(projectId) ?? new Set<string>();
    versions.set(projectId, set);
    if (before.resolvedInRelease !== null) set.add(before.resolvedInRelease);
    for (const e of events) if (e.event.release !== undefined) set.add(e.event.release);
  }
  const out = new Map<number, ReleaseResolutionCheck>();
  for (const [projectId, set] of versions) out.set(projectId, await load(trx, projectId, [...set]));
  return out;
}

interface Sighting<E> {
  issueId: number;
  userKey: string;
  firstSeen: number;
  lastSeen: number;
  firstEvent: E;
}

/** Records every (issue, user) of the batch; returns the events that brought a user new to its issue. */
async function addUsers<E extends StoredErrorEvent>(store: Store, trx: StoreExecutor, byIssue: ReadonlyMap<number, readonly E[]>): Promise<Set<E>> {
  const sightings = new Map<string, Sighting<E>>();
  for (const [issueId, events] of byIssue) {
    for (const e of events) {
      if (e.userKey === null) continue;
      const key = `${issueId}:${e.userKey}`;
      const seen = sightings.get(key);
      if (seen === undefined) sightings.set(key, { issueId, userKey: e.userKey, firstSeen: e.receivedAt, lastSeen: e.receivedAt, firstEvent: e });
      else seen.lastSeen = e.receivedAt;
    }
  }
  const bringsUser = new Set<E>();
  if (sightings.size === 0) return bringsUser;
  // Key order, so concurrent writers lock the same rows in the same order.
  const rows = [...sightings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sighting]) => sighting);
  const added = await store.issueCounters.addUsers(trx, rows);
  for (const [key, s] of sightings) if (added.has(key)) bringsUser.add(s.firstEvent);
  return bringsUser;
}

/** Applies the automatic transitions of an existing issue event by event; returns the patch to write. */
async function walkLifecycle<E extends StoredErrorEvent>(
  store: Store,
  trx: StoreExecutor,
  issueId: number,
  before: LifecycleFields & { timesSeen: number; userCount: number },
  events: readonly E[],
  bringsUser: ReadonlySet<E>,
  flags: Map<E, Flags>,
  activity: NewIssueActivity[],
  staysResolved: ReleaseResolutionCheck | undefined,
): Promise<LifecyclePatch> {
  const state: LifecycleFields = { ...before };
  const patch: LifecyclePatch = {};
  const windows = ignoreWindows(state);
  const lastAt = (events[events.length - 1] as E).receivedAt;
  // Window counts already include this batch (its events and users are written): later events are taken off per event.
  const eventsInWindow = windows.events ? await store.issueCounters.eventsSince(trx, issueId, lastAt - (state.ignoreWindowMs as number)) : 0;
  const usersInWindow = windows.users ? await store.issueCounters.usersSince(trx, issueId, lastAt - (state.ignoreUserWindowMs as number)) : 0;
  let timesSeen = before.timesSeen;
  let userCount = before.userCount;
  events.forEach((e, i) => {
    timesSeen++;
    if (bringsUser.has(e)) userCount++;
    const f: Flags = { isNew: false, isRegression: false, cameBack: false };
    flags.set(e, f);
    const arriving: ArrivingEvent = { receivedAt: e.receivedAt, release: e.event.release ?? null };
    if (regresses(state, arriving, staysResolved)) {
      const p = regressionPatch(arriving);
      Object.assign(state, p);
      Object.assign(patch, p);
      f.isRegression = true;
      activity.push({
        issueId,
        type: 'set_regression',
        data: JSON.stringify(arriving.release === null ? {} : { release: arriving.release }),
        userId: null,
        createdAt: e.receivedAt,
      });
      return;
    }
    const end = ignoreEnded(state, { at: e.receivedAt, timesSeen, userCount, eventsInWindow: eventsInWindow - (events.length - 1 - i), usersInWindow });
    if (end !== null) {
      const p = unignorePatch();
      Object.assign(state, p);
      Object.assign(patch, p);
      f.cameBack = true;
      activity.push({ issueId, type: 'set_escalating', data: JSON.stringify({ reason: end }), userId: null, createdAt: e.receivedAt });
    }
  });
  return patch;
}
