import { type Kysely, sql } from 'kysely';
import { type DDSketch, decodeSketch, newSketch } from '../../performance/index.js';
import type { Database } from '../../store/index.js';
import { DigestBag } from './digest-bag.js';
import { dayMs, forEachPackedDigest, hourMs } from './session-set-days.js';

/**
 * Reads the release-health tables over a window, per group and per interval slot: counters are
 * summed, distinct sets merged — with COUNT(DISTINCT digest) in the database while the window
 * holds only unpacked hours, in memory once it reaches packed days (session-set-days.ts); exact
 * either way: a session's bucket never changes, and a user's digest is the same in every
 * bucket — and sketches merged here. Never touches anything but the rows of the window.
 */

export type SessionGroupColumn = 'project' | 'release' | 'environment';

export interface SessionFilter {
  /** the caller's projects, already scoped to its organization; empty = nothing */
  readonly projectIds: readonly number[];
  readonly releases?: readonly string[];
  readonly environments?: readonly string[];
  /** ms, inclusive: the hour bucket containing it is included */
  readonly start: number;
  /** ms, exclusive */
  readonly end: number;
}

export interface SessionStatsQuery extends SessionFilter {
  readonly intervalMs: number;
  readonly groupBy: readonly SessionGroupColumn[];
  readonly withDurations?: boolean;
}

export interface SessionStats {
  inits: number;
  erroredPreaggr: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  durationCount: number;
  durationSum: number;
  durationMax: number | null;
  /** distinct members per set kind (SET_KIND) */
  readonly sets: number[];
  sketch: DDSketch | null;
}

export interface SessionGroupKey {
  readonly project?: number;
  readonly release?: string;
  readonly environment?: string;
}

export interface SessionGroupStats {
  readonly by: SessionGroupKey;
  readonly totals: SessionStats;
  readonly slots: SessionStats[];
}

const COLUMN = { project: 'project_id', release: 'release', environment: 'environment' } as const;
const SET_KINDS = 11;

export function emptyStats(): SessionStats {
  return {
    inits: 0,
    erroredPreaggr: 0,
    crashed: 0,
    abnormal: 0,
    unhandled: 0,
    durationCount: 0,
    durationSum: 0,
    durationMax: null,
    sets: new Array<number>(SET_KINDS).fill(0),
    sketch: null,
  };
}

type Row = Record<string, unknown>;

export async function querySessionStats(db: Kysely<Database>, q: SessionStatsQuery): Promise<SessionGroupStats[]> {
  if (q.projectIds.length === 0 || q.end <= q.start) return [];
  if (q.releases !== undefined && q.releases.length === 0) return [];
  if (q.environments !== undefined && q.environments.length === 0) return [];
  const slotCount = Math.max(1, Math.ceil((q.end - q.start) / q.intervalMs));
  const cols = q.groupBy.map((g) => COLUMN[g]);
  // Integers we computed, never user text: inlined so both databases type the arithmetic as bigint.
  const slotExpr = sql<number>`case when bucket < ${sql.lit(q.start)} then 0 else (bucket - ${sql.lit(q.start)}) / ${sql.lit(q.intervalMs)} end`;
  const filtered = <T extends 'session_counts' | 'session_sets' | 'session_duration_sketches'>(table: T) => {
    let query = db
      .selectFrom(table as 'session_counts')
      .where('project_id', 'in', [...q.projectIds])
      .where('bucket', '>=', q.start - (q.start % hourMs))
      .where('bucket', '<', q.end);
    if (q.releases !== undefined) query = query.where('release', 'in', [...q.releases]);
    if (q.environments !== undefined) query = query.where('environment', 'in', [...q.environments]);
    return query;
  };

  const groups = new Map<string, SessionGroupStats>();
  const groupOf = (row: Row): SessionGroupStats => {
    const id = cols.map((c) => String(row[c])).join('\u0000');
    let g = groups.get(id);
    if (g === undefined) {
      const by: { project?: number; release?: string; environment?: string } = {};
      for (const name of q.groupBy) {
        const v = row[COLUMN[name]];
        if (name === 'project') by.project = Number(v);
        else by[name] = String(v);
      }
      g = { by, totals: emptyStats(), slots: Array.from({ length: slotCount }, emptyStats) };
      groups.set(id, g);
    }
    return g;
  };
  const slotOf = (row: Row) => Math.min(slotCount - 1, Math.max(0, Number(row.slot)));

  const counters = (await filtered('session_counts')
    .select((eb) => [
      ...cols.map((c) => sql.ref(c).as(c)),
      slotExpr.as('slot'),
      eb.fn.sum<number>('inits').as('inits'),
      eb.fn.sum<number>('errored_preaggr').as('errored_preaggr'),
      eb.fn.sum<number>('crashed').as('crashed'),
      eb.fn.sum<number>('abnormal').as('abnormal'),
      eb.fn.sum<number>('unhandled').as('unhandled'),
      eb.fn.sum<number>('duration_count').as('duration_count'),
      eb.fn.sum<number>('duration_sum').as('duration_sum'),
      eb.fn.max('duration_max').as('duration_max'),
    ])
    .groupBy([...cols, 'slot'] as never)
    .execute()) as Row[];
  for (const row of counters) {
    const g = groupOf(row);
    for (const s of [g.slots[slotOf(row)] as SessionStats, g.totals]) {
      s.inits += Number(row.inits);
      s.erroredPreaggr += Number(row.errored_preaggr);
      s.crashed += Number(row.crashed);
      s.abnormal += Number(row.abnormal);
      s.unhandled += Number(row.unhandled);
      s.durationCount += Number(row.duration_count);
      s.durationSum += Number(row.duration_sum);
      if (row.duration_max !== null) s.durationMax = Math.max(s.durationMax ?? 0, Number(row.duration_max));
    }
  }

  const hourStart = q.start - (q.start % hourMs);
  const packed = await db
    .selectFrom('session_set_days')
    .select(() => [...cols.map((c) => sql.ref(c).as(c)), sql<number>`day`.as('day'), sql<number>`kind`.as('kind'), sql<Uint8Array>`members`.as('members')])
    .where('project_id', 'in', [...q.projectIds])
    .where('day', '>', hourStart - dayMs)
    .where('day', '<', q.end)
    .$if(q.releases !== undefined, (qb) => qb.where('release', 'in', [...(q.releases ?? [])]))
    .$if(q.environments !== undefined, (qb) => qb.where('environment', 'in', [...(q.environments ?? [])]))
    .execute();
  if (packed.length === 0) {
    // Only unpacked hours in the window: the database de-duplicates.
    const setsQuery = (bySlot: boolean) =>
      filtered('session_sets' as 'session_counts')
        .select(() => [
          ...cols.map((c) => sql.ref(c).as(c)),
          ...(bySlot ? [slotExpr.as('slot')] : []),
          sql<number>`kind`.as('kind'),
          sql<number>`count(distinct digest)`.as('n'),
        ])
        .groupBy([...cols, 'kind', ...(bySlot ? ['slot'] : [])] as never)
        .execute() as Promise<Row[]>;
    for (const row of await setsQuery(true)) (groupOf(row).slots[slotOf(row)] as SessionStats).sets[Number(row.kind)] = Number(row.n);
    for (const row of await setsQuery(false)) groupOf(row).totals.sets[Number(row.kind)] = Number(row.n);
  } else {
    // Packed days (session-set-days.ts) and the hours not packed yet, merged here: a member
    // counts once per slot and once in the totals, wherever it is stored. Two passes, so every
    // slot's bag is allocated once at its exact size: count, then copy.
    const loose = (await filtered('session_sets' as 'session_counts')
      .select(() => [...cols.map((c) => sql.ref(c).as(c)), sql<number>`bucket`.as('bucket'), sql<number>`kind`.as('kind'), sql<string>`digest`.as('digest')])
      .execute()) as Row[];
    const entries = new Map<string, { group: SessionGroupStats; kind: number; counts: Map<number, number>; bags: Map<number, DigestBag> }>();
    const entryOf = (row: Row, kind: number) => {
      const id = `${cols.map((c) => String(row[c])).join('\u0000')}\u0000${kind}`;
      let e = entries.get(id);
      if (e === undefined) {
        e = { group: groupOf(row), kind, counts: new Map(), bags: new Map() };
        entries.set(id, e);
      }
      return e;
    };
    const slotAt = (bucket: number) =>
      bucket < hourStart || bucket >= q.end ? -1 : Math.min(slotCount - 1, bucket < q.start ? 0 : Math.floor((bucket - q.start) / q.intervalMs));
    // A packed row is one day: its 24 hours' slots are resolved once, not once per member.
    const packedRows = (packed as Row[]).map((row) => {
      const day = Number(row.day);
      return {
        entry: entryOf(row, Number(row.kind)),
        members: row.members as Uint8Array,
        slotOfHour: Array.from({ length: 24 }, (_, h) => slotAt(day + h * hourMs)),
      };
    });
    const looseRows = loose.map((row) => ({ entry: entryOf(row, Number(row.kind)), slot: slotAt(Number(row.bucket)), digest: String(row.digest) }));
    for (const p of packedRows) {
      forEachPackedDigest(p.members, (hour) => {
        const slot = p.slotOfHour[hour] ?? -1;
        if (slot >= 0) p.entry.counts.set(slot, (p.entry.counts.get(slot) ?? 0) + 1);
      });
    }
    for (const l of looseRows) if (l.slot >= 0) l.entry.counts.set(l.slot, (l.entry.counts.get(l.slot) ?? 0) + 1);
    for (const e of entries.values()) for (const [slot, n] of e.counts) e.bags.set(slot, new DigestBag(n));
    for (const p of packedRows) {
      const bagOfHour = p.slotOfHour.map((slot) => (slot >= 0 ? p.entry.bags.get(slot) : undefined));
      forEachPackedDigest(p.members, (hour, bytes, at) => bagOfHour[hour]?.add(bytes, at));
    }
    const digest = Buffer.alloc(8);
    for (const l of looseRows) {
      if (l.slot < 0) continue;
      digest.write(l.digest, 0, 'hex');
      l.entry.bags.get(l.slot)?.add(digest, 0);
    }
    for (const e of entries.values()) {
      const bags = [...e.bags.values()];
      // The totals first: counting a slot sorts its bag in place.
      e.group.totals.sets[e.kind] = bags.length === 1 ? (bags[0] as DigestBag).distinct() : DigestBag.union(bags).distinct();
      for (const [slot, bag] of e.bags) (e.group.slots[slot] as SessionStats).sets[e.kind] = bag.distinct();
    }
  }

  if (q.withDurations === true) {
    const sketches = (await filtered('session_duration_sketches' as 'session_counts')
      .select(() => [...cols.map((c) => sql.ref(c).as(c)), slotExpr.as('slot'), sql<Uint8Array>`sketch`.as('sketch')])
      .execute()) as Row[];
    for (const row of sketches) {
      const g = groupOf(row);
      const sketch = decodeSketch(row.sketch as Uint8Array);
      for (const s of [g.slots[slotOf(row)] as SessionStats, g.totals]) {
        s.sketch ??= newSketch();
        s.sketch.merge(sketch);
      }
    }
  }
  return [...groups.values()];
}

/** The first and last hour with sessions of one release in one project (currentProjectMeta). */
/** Every (project, release) with session counters still kept (within retention): which releases were ever run. */
export async function releasesWithSessions(
  db: Kysely<Database>,
  projectIds: readonly number[],
  environments: readonly string[] = [],
): Promise<{ projectId: number; release: string }[]> {
  if (projectIds.length === 0) return [];
  let q = db.selectFrom('session_counts').select(['project_id', 'release']).distinct().where('project_id', 'in', projectIds);
  if (environments.length > 0) q = q.where('environment', 'in', environments);
  const rows = await q.execute();
  return rows.map((r) => ({ projectId: Number(r.project_id), release: r.release }));
}

export async function sessionBounds(db: Kysely<Database>, projectId: number, release: string): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('session_counts')
    .select((eb) => [eb.fn.min('bucket').as('first'), eb.fn.max('bucket').as('last')])
    .where('project_id', '=', projectId)
    .where('release', '=', release)
    .executeTakeFirst();
  if (row === undefined || row.first === null || row.last === null) return null;
  return { first: Number(row.first), last: Number(row.last) };
}
