import type { IssueState } from '../../issues/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { GroupingResult } from '../group/index.js';
import type { NormalizedEvent } from '../normalize/index.js';

/** An error event ready for its issue. */
export interface GroupedEvent {
  readonly projectId: number;
  readonly receivedAt: number;
  readonly event: NormalizedEvent;
  readonly grouping: GroupingResult;
}

export interface IssueAssignment<E extends GroupedEvent> {
  readonly issueOf: ReadonlyMap<E, number>;
  /** each issue's state as read before this batch; null for issues this batch created */
  readonly before: ReadonlyMap<number, IssueState | null>;
  /** issues this batch created */
  readonly created: readonly number[];
  /** the hashes the batch's stored events bring that no issue owned yet, with their new owner */
  unownedHashes(stored: readonly E[]): { projectId: number; mechanism: string; hash: string; issueId: number }[];
}

type Ref = { readonly issue: IssueState } | { readonly pending: number };

const hashKey = (projectId: number, mechanism: string, hash: string): string => `${projectId}\u0000${mechanism}\u0000${hash}`;
const keysOf = (e: GroupedEvent): string[] => e.grouping.hashes.map((h) => hashKey(e.projectId, e.grouping.mechanism, h));
// A merge chain longer than this is a data error; the event then stays on the last issue reached.
const maxMergeHops = 8;

/**
 * Decides each event's issue (issue-hash lookup, versioned by mechanism): the first of its
 * hashes, primary first, that an issue owns — an issue merged into another stands for its
 * target — else a new issue, which events later in the batch with a shared hash join. New
 * issues get short ids from `projects.issue_counter`; reserving them locks the project row,
 * and the lookup is repeated under that lock so two processes never create one issue twice.
 */
export async function assignIssues<E extends GroupedEvent>(store: Store, trx: StoreExecutor, events: readonly E[], now: number): Promise<IssueAssignment<E>> {
  const owners = new Map<string, IssueState>();
  await lookUp(store, trx, events, owners);
  let plan = planIssues(events, owners);
  const created: number[] = [];
  const pendingIds: number[] = [];
  if (plan.pending.length > 0) {
    const projects = [...new Set(plan.pending.map((e) => e.projectId))];
    const firstShortId = new Map<number, number>();
    for (const p of projects) firstShortId.set(p, await store.issueWrites.reserveShortIds(trx, p, plan.pending.filter((e) => e.projectId === p).length));
    await lookUp(store, trx, plan.pending, owners);
    plan = planIssues(events, owners);
    const next = new Map(firstShortId);
    const rows = plan.pending.map((e) => {
      const shortId = next.get(e.projectId) as number;
      next.set(e.projectId, shortId + 1);
      return {
        projectId: e.projectId,
        shortId,
        type: e.event.type,
        title: e.event.title,
        culprit: e.event.culprit,
        level: e.event.level,
        platform: e.event.platform,
        metadata: JSON.stringify(e.event.metadata),
        groupingMechanism: e.grouping.mechanism,
        firstSeen: e.receivedAt,
      };
    });
    const ids = await store.issueWrites.create(trx, rows, now);
    for (const r of rows) pendingIds.push(ids.get(`${r.projectId}:${r.shortId}`) as number);
    created.push(...pendingIds);
  }
  const issueOf = new Map<E, number>();
  const before = new Map<number, IssueState | null>();
  for (const [e, ref] of plan.refs) {
    const id = 'issue' in ref ? ref.issue.id : (pendingIds[ref.pending] as number);
    issueOf.set(e, id);
    before.set(id, 'issue' in ref ? ref.issue : null);
  }
  return {
    issueOf,
    before,
    created,
    unownedHashes(stored) {
      const out = new Map<string, { projectId: number; mechanism: string; hash: string; issueId: number }>();
      for (const e of stored) {
        const issueId = issueOf.get(e) as number;
        for (const hash of e.grouping.hashes) {
          const key = hashKey(e.projectId, e.grouping.mechanism, hash);
          if (!owners.has(key) && !out.has(key)) out.set(key, { projectId: e.projectId, mechanism: e.grouping.mechanism, hash, issueId });
        }
      }
      return [...out.values()];
    },
  };
}

/** The in-memory half: which known issue or which of the new ones each event belongs to. */
function planIssues<E extends GroupedEvent>(events: readonly E[], owners: ReadonlyMap<string, IssueState>): { refs: Map<E, Ref>; pending: E[] } {
  const local = new Map<string, Ref>();
  const refs = new Map<E, Ref>();
  const pending: E[] = [];
  for (const e of events) {
    const keys = keysOf(e);
    let ref: Ref | undefined;
    for (const key of keys) {
      const owner = owners.get(key);
      ref = owner === undefined ? local.get(key) : { issue: owner };
      if (ref !== undefined) break;
    }
    if (ref === undefined) {
      ref = { pending: pending.length };
      pending.push(e);
    }
    for (const key of keys) if (!owners.has(key) && !local.has(key)) local.set(key, ref);
    refs.set(e, ref);
  }
  return { refs, pending };
}

/** Adds the owners of the events' hashes to `owners`, merged issues replaced by their targets. */
async function lookUp(store: Store, trx: StoreExecutor, events: readonly GroupedEvent[], owners: Map<string, IssueState>): Promise<void> {
  const wanted = new Map<string, { projectId: number; mechanism: string; hashes: Set<string> }>();
  for (const e of events) {
    const group = `${e.projectId}\u0000${e.grouping.mechanism}`;
    let w = wanted.get(group);
    if (w === undefined) {
      w = { projectId: e.projectId, mechanism: e.grouping.mechanism, hashes: new Set() };
      wanted.set(group, w);
    }
    for (const h of e.grouping.hashes) if (!owners.has(hashKey(e.projectId, e.grouping.mechanism, h))) w.hashes.add(h);
  }
  for (const w of wanted.values()) {
    if (w.hashes.size === 0) continue;
    const found = await store.issueWrites.findByHashes(trx, w.projectId, w.mechanism, [...w.hashes]);
    for (const [hash, state] of found) owners.set(hashKey(w.projectId, w.mechanism, hash), state);
  }
  await followMerges(store, trx, owners);
}

async function followMerges(store: Store, trx: StoreExecutor, owners: Map<string, IssueState>): Promise<void> {
  for (let hop = 0; hop < maxMergeHops; hop++) {
    const targets = [...new Set([...owners.values()].flatMap((s) => (s.mergedIntoId === null ? [] : [s.mergedIntoId])))];
    if (targets.length === 0) return;
    const found = await store.issueWrites.byIds(trx, targets);
    let moved = false;
    for (const [key, state] of owners) {
      const target = state.mergedIntoId === null ? undefined : found.get(state.mergedIntoId);
      if (target !== undefined) {
        owners.set(key, target);
        moved = true;
      }
    }
    if (!moved) return;
  }
}
