import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { SET_KIND } from '../session-deltas.js';

/**
 * Closed days of `session_sets` packed into one row per (project, release, environment, day,
 * kind) — `session_set_days`, migration 0021 (docs/release-health.md › Storage).
 *
 * Why: exact distinct counts read every member of the window. Browser apps produce one member
 * per page load and user, so 90 days of one-row-per-member sets made `/sessions/` scan and
 * de-duplicate 144,000 rows in the database (docs/performance.md › Sessions). Packed, the same
 * members are a few thousand rows of bytes that the reader merges in memory.
 *
 * When: a day is packed an hour after it ends, so a 90-day read finds rows for today only. An
 * update can still reach a packed day — Relay accepts a session that started up to five days
 * before it was received (sessions/session-parsers.ts) — and then stays a row: readers merge
 * packed and unpacked members, and the next fold adds it to its packed row (rewriting only the
 * keys that got one), so the answer is exact either way.
 */

/** The scheduler task that packs closed days, hourly (registered by app.ts). */
export const SESSION_SET_FOLD = { task: 'sessions.fold-set-days', everyMs: 3_600_000 } as const;

export const hourMs = 3_600_000;
export const dayMs = 86_400_000;
/** A day is packed this long after it ends: late updates of its sessions are merged by later folds. */
export const FOLD_AFTER_MS = hourMs;
const ENTRY_BYTES = 9;
const DIGEST_BYTES = 8;
const ALL_KINDS: readonly number[] = Object.values(SET_KIND);

/** One member of a packed day: its hour in the day (0–23) and its digest as 16 hex digits. */
export interface DayMember {
  readonly hour: number;
  readonly digest: string;
}

/** Members in a stable order (hour, then digest), each once: equal sets pack to equal bytes. */
export function packMembers(members: Iterable<DayMember>): Buffer {
  const keys = new Set<string>();
  for (const m of members) {
    if (!Number.isInteger(m.hour) || m.hour < 0 || m.hour > 23 || !/^[0-9a-f]{16}$/.test(m.digest)) {
      throw new Error(`not a packable member: ${m.hour}/${m.digest}`);
    }
    keys.add(`${m.hour.toString(16).padStart(2, '0')}${m.digest}`);
  }
  const sorted = [...keys].sort();
  const out = Buffer.alloc(sorted.length * ENTRY_BYTES);
  for (const [i, key] of sorted.entries()) out.write(key, i * ENTRY_BYTES, 'hex');
  return out;
}

/** Calls `visit` for every member; a trailing partial entry (never written by packMembers) is ignored. */
export function forEachMember(packed: Uint8Array, visit: (hour: number, digest: string) => void): void {
  const buf = Buffer.isBuffer(packed) ? packed : Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  forEachPackedDigest(buf, (hour, _bytes, at) => visit(hour, buf.toString('hex', at, at + DIGEST_BYTES)));
}

/** The reader's form of forEachMember: the digest is the 8 bytes of `bytes` at `at`, not copied. */
export function forEachPackedDigest(packed: Uint8Array, visit: (hour: number, bytes: Uint8Array, at: number) => void): void {
  const whole = packed.length - (packed.length % ENTRY_BYTES);
  for (let at = 0; at < whole; at += ENTRY_BYTES) visit(packed[at] as number, packed, at + 1);
}

export interface FoldResult {
  /** (project, day) pairs packed */
  readonly days: number;
  /** `session_sets` rows packed and deleted */
  readonly rows: number;
}

/**
 * Packs every day that ended at least FOLD_AFTER_MS before `now`, one (project, day) per
 * transaction, oldest first, so a stopped sweep resumes where it was.
 */
export async function foldSessionSetDays(db: Kysely<Database>, now: number, signal?: AbortSignal): Promise<FoldResult> {
  const before = Math.floor((now - FOLD_AFTER_MS) / dayMs) * dayMs;
  const pending = await db
    .selectFrom('session_sets')
    .select((eb) => ['project_id', eb.fn.min('bucket').as('first')])
    .where('kind', 'in', [...ALL_KINDS])
    .where('bucket', '<', before)
    .groupBy('project_id')
    .execute();
  let days = 0;
  let rows = 0;
  for (const p of pending) {
    for (let day = Math.floor(Number(p.first) / dayMs) * dayMs; day < before && signal?.aborted !== true; day += dayMs) {
      const folded = await foldDay(db, p.project_id, day);
      if (folded > 0) days++;
      rows += folded;
      await yieldToLoop();
    }
  }
  return { days, rows };
}

async function foldDay(db: Kysely<Database>, projectId: number, day: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('session_sets')
      .select(['release', 'environment', 'kind', 'bucket', 'digest'])
      .where('project_id', '=', projectId)
      .where('kind', 'in', [...ALL_KINDS])
      .where('bucket', '>=', day)
      .where('bucket', '<', day + dayMs)
      .execute();
    if (rows.length === 0) return 0;
    const packed = await trx
      .selectFrom('session_set_days')
      .select(['release', 'environment', 'kind', 'members'])
      .where('project_id', '=', projectId)
      .where('day', '=', day)
      .execute();
    const groups = new Map<string, { release: string; environment: string; kind: number; members: DayMember[] }>();
    const groupOf = (release: string, environment: string, kind: number) => {
      const id = `${release}\u0000${environment}\u0000${kind}`;
      let g = groups.get(id);
      if (g === undefined) {
        g = { release, environment, kind, members: [] };
        groups.set(id, g);
      }
      return g;
    };
    for (const r of rows)
      groupOf(r.release, r.environment, Number(r.kind)).members.push({ hour: Math.floor((Number(r.bucket) - day) / hourMs), digest: r.digest });
    // Only the keys that got new members are rewritten: their packed members join them.
    for (const r of packed) {
      const g = groups.get(`${r.release}\u0000${r.environment}\u0000${Number(r.kind)}`);
      if (g !== undefined) forEachMember(r.members, (hour, digest) => g.members.push({ hour, digest }));
    }
    const values = [...groups.values()].map((g) => ({
      project_id: projectId,
      release: g.release,
      environment: g.environment,
      day,
      kind: g.kind,
      members: packMembers(g.members),
    }));
    // Five columns × 200 rows stays far below either database's limit on bound parameters.
    for (let i = 0; i < values.length; i += 200) {
      await trx
        .insertInto('session_set_days')
        .values(values.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['project_id', 'release', 'environment', 'day', 'kind']).doUpdateSet((eb) => ({ members: eb.ref('excluded.members') })))
        .execute();
    }
    await trx
      .deleteFrom('session_sets')
      .where('project_id', '=', projectId)
      .where('kind', 'in', [...ALL_KINDS])
      .where('bucket', '>=', day)
      .where('bucket', '<', day + dayMs)
      .execute();
    return rows.length;
  });
}

/**
 * Retention for packed days: whole days before `before` go; the day `before` falls in keeps
 * only its members from that hour on, as `session_sets` keeps only the hours from `before`.
 */
export async function deleteSetDaysBefore(db: Kysely<Database>, projectId: number, before: number): Promise<void> {
  const straddled = Math.floor(before / dayMs) * dayMs;
  await db.deleteFrom('session_set_days').where('project_id', '=', projectId).where('day', '<', straddled).execute();
  const firstKept = Math.ceil((before - straddled) / hourMs);
  if (firstKept === 0) return;
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('session_set_days')
      .select(['release', 'environment', 'kind', 'members'])
      .where('project_id', '=', projectId)
      .where('day', '=', straddled)
      .execute();
    for (const r of rows) {
      const kept: DayMember[] = [];
      forEachMember(r.members, (hour, digest) => {
        if (hour >= firstKept) kept.push({ hour, digest });
      });
      const key = trx
        .updateTable('session_set_days')
        .where('project_id', '=', projectId)
        .where('release', '=', r.release)
        .where('environment', '=', r.environment)
        .where('day', '=', straddled)
        .where('kind', '=', r.kind);
      if (kept.length > 0) await key.set({ members: packMembers(kept) }).execute();
      else
        await trx
          .deleteFrom('session_set_days')
          .where('project_id', '=', projectId)
          .where('release', '=', r.release)
          .where('environment', '=', r.environment)
          .where('day', '=', straddled)
          .where('kind', '=', r.kind)
          .execute();
    }
  });
}
