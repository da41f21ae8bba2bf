// On every database: packing closed days of distinct sets (session-set-days.ts) changes where
// members are stored, never an answer. Every read is checked against a brute-force count over
// the members written — before the fold, after it (packed days and unpacked hours mixed), after
// a late member reaches a packed day, and after retention cuts a packed day in the middle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, orgWithProjects, type TestDatabase, testDialects } from '../../testing/index.js';
import { SET_KIND, type SessionRows, sessionDigest } from '../session-deltas.js';
import { dayMs, FOLD_AFTER_MS, forEachMember, hourMs, packMembers } from './session-set-days.js';
import type { SessionGroupColumn, SessionStatsQuery } from './session-stats-query.js';

explainSkippedPostgres();

interface Member {
  project: number;
  release: string;
  environment: string;
  bucket: number;
  kind: number;
  digest: string;
}

const DAY0 = Date.UTC(2026, 9, 1);
const DAYS = 20;

/** A small deterministic generator (mulberry32), so a failure replays. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Users come back across hours, days, releases and environments, so de-duplication matters. */
function generate(projects: readonly number[]): Member[] {
  const next = rng(16);
  const out: Member[] = [];
  const kinds = [SET_KIND.user, SET_KIND.erroredSession, SET_KIND.crashedUser];
  for (let i = 0; i < 3_000; i++) {
    out.push({
      project: projects[Math.floor(next() * projects.length)] as number,
      release: `app@${1 + Math.floor(next() * 3)}.0`,
      environment: next() < 0.7 ? 'production' : 'staging',
      bucket: DAY0 + Math.floor(next() * DAYS * 24) * hourMs,
      kind: kinds[Math.floor(next() * kinds.length)] as number,
      digest: sessionDigest(`user-${Math.floor(next() * 150)}`),
    });
  }
  return out;
}

function rowsOf(members: readonly Member[]): SessionRows {
  return {
    counters: [],
    sets: members.map((m) => ({ projectId: m.project, release: m.release, environment: m.environment, bucket: m.bucket, kind: m.kind, digest: m.digest })),
    sketches: [],
  };
}

/** What every read must answer: distinct digests per group, kind and slot, counted by hand. */
function expected(members: readonly Member[], q: SessionStatsQuery): Map<string, { total: number[]; slots: number[][] }> {
  const hourStart = q.start - (q.start % hourMs);
  const slotCount = Math.max(1, Math.ceil((q.end - q.start) / q.intervalMs));
  const sets = new Map<string, { total: Set<string>[]; slots: Set<string>[][] }>();
  for (const m of members) {
    if (!q.projectIds.includes(m.project) || m.bucket < hourStart || m.bucket >= q.end) continue;
    if (q.releases !== undefined && !q.releases.includes(m.release)) continue;
    if (q.environments !== undefined && !q.environments.includes(m.environment)) continue;
    const key = groupKey(q.groupBy, { project: m.project, release: m.release, environment: m.environment });
    let g = sets.get(key);
    if (g === undefined) {
      g = {
        total: Array.from({ length: 11 }, () => new Set<string>()),
        slots: Array.from({ length: slotCount }, () => Array.from({ length: 11 }, () => new Set<string>())),
      };
      sets.set(key, g);
    }
    const slot = Math.min(slotCount - 1, m.bucket < q.start ? 0 : Math.floor((m.bucket - q.start) / q.intervalMs));
    g.total[m.kind]?.add(m.digest);
    g.slots[slot]?.[m.kind]?.add(m.digest);
  }
  return new Map([...sets].map(([k, g]) => [k, { total: g.total.map((s) => s.size), slots: g.slots.map((slot) => slot.map((s) => s.size)) }]));
}

function groupKey(groupBy: readonly SessionGroupColumn[], by: { project?: number; release?: string; environment?: string }): string {
  return groupBy.map((g) => String(by[g])).join('|');
}

for (const dialect of testDialects()) {
  describe(`packed days of release-health sets (${dialect})`, () => {
    // Mid-way through the data: the first days are closed and get packed, the last ones stay rows.
    const clock = createManualClock(DAY0 + (DAYS - 4) * dayMs + 30 * 60_000);
    let db: TestDatabase;
    let projects: number[];
    let members: Member[];

    const queries = (): SessionStatsQuery[] => [
      { projectIds: projects, start: DAY0, end: DAY0 + DAYS * dayMs, intervalMs: dayMs, groupBy: ['release'] },
      { projectIds: projects, start: DAY0 - dayMs, end: DAY0 + (DAYS + 1) * dayMs, intervalMs: 7 * dayMs, groupBy: [] },
      {
        projectIds: projects,
        start: DAY0 + 2 * dayMs + 5 * hourMs + 17 * 60_000,
        end: DAY0 + 18 * dayMs + 3 * hourMs,
        intervalMs: 6 * hourMs,
        groupBy: ['release', 'environment'],
      },
      { projectIds: projects, start: DAY0 + 3 * dayMs, end: DAY0 + 5 * dayMs, intervalMs: hourMs, groupBy: ['project'] },
      { projectIds: [projects[0] as number], start: DAY0, end: DAY0 + DAYS * dayMs, intervalMs: dayMs, groupBy: ['environment'], releases: ['app@2.0'] },
      { projectIds: projects, start: DAY0, end: DAY0 + DAYS * dayMs, intervalMs: 3 * dayMs, groupBy: ['project', 'release'], environments: ['staging'] },
    ];

    async function assertAnswersMatch(label: string) {
      for (const q of queries()) {
        const want = expected(members, q);
        const got = await db.store.releaseHealth.stats(q);
        const gotSets = new Map<string, { total: number[]; slots: number[][] }>();
        for (const g of got) {
          // Groups that only have counters (none here) would carry no members.
          if (g.totals.sets.some((n) => n > 0)) gotSets.set(groupKey(q.groupBy, g.by), { total: g.totals.sets, slots: g.slots.map((s) => s.sets) });
        }
        assert.deepEqual(gotSets, want, `${label}: ${JSON.stringify({ ...q, projectIds: undefined })}`);
      }
    }

    before(async () => {
      db = await openTestDatabase(dialect, clock);
      const made = await orgWithProjects(db.store, 'packed', ['web', 'api']);
      projects = made.projects.map((p) => p.id);
      members = generate(projects);
      await db.store.db.transaction().execute((trx) => db.store.releaseHealth.write(trx, rowsOf(members)));
    });
    after(async () => db.cleanup());

    it('packs the days that ended an hour ago, and every answer stays the same', async () => {
      await assertAnswersMatch('before packing');
      const setRows = async () =>
        Number(
          (
            await db.store.db
              .selectFrom('session_sets')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await setRows();
      const folded = await db.store.releaseHealth.foldClosedDays(clock.now());
      const lastClosed = Math.floor((clock.now() - FOLD_AFTER_MS) / dayMs) * dayMs;
      const stillOpen = members.filter((m) => m.bucket >= lastClosed);
      assert.ok(folded.rows > 0 && stillOpen.length > 0, 'some days packed, some left as rows');
      assert.equal(await setRows(), before - folded.rows);
      const left = await db.store.db.selectFrom('session_sets').select('bucket').execute();
      assert.ok(
        left.every((r) => Number(r.bucket) >= lastClosed),
        'no row of a closed day is left',
      );
      await assertAnswersMatch('after packing');
      assert.deepEqual(await db.store.releaseHealth.foldClosedDays(clock.now()), { days: 0, rows: 0 }, 'nothing left to pack');
    });

    it('a member that still reaches a packed day counts once, and the next fold packs it too', async () => {
      const late: Member[] = [
        {
          project: projects[0] as number,
          release: 'app@1.0',
          environment: 'production',
          bucket: DAY0 + 2 * dayMs + 4 * hourMs,
          kind: SET_KIND.user,
          digest: sessionDigest('latecomer'),
        },
        // Already a member of some packed day: must not count twice.
        { ...(members[0] as Member) },
      ];
      members.push(late[0] as Member);
      await db.store.db.transaction().execute((trx) => db.store.releaseHealth.write(trx, rowsOf(late)));
      await assertAnswersMatch('late member, unpacked');
      const folded = await db.store.releaseHealth.foldClosedDays(clock.now());
      assert.ok(folded.rows >= 1);
      await assertAnswersMatch('late member, packed');
    });

    it('retention cuts a packed day at the hour, as it cuts hours', async () => {
      const cut = DAY0 + 4 * dayMs + 10 * hourMs;
      for (const p of projects) await db.store.releaseHealth.deleteBefore(p, cut);
      members = members.filter((m) => m.bucket >= cut);
      await assertAnswersMatch('after retention');
      const oldest = await db.store.db
        .selectFrom('session_set_days')
        .select((eb) => eb.fn.min('day').as('day'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(oldest.day), DAY0 + 4 * dayMs);
    });
  });
}

describe('packed members', () => {
  it('pack to the same bytes whatever the order or repetition, and read back whole', () => {
    const a = [
      { hour: 3, digest: 'ffffffffffffffff' },
      { hour: 0, digest: '0123456789abcdef' },
      { hour: 23, digest: '0000000000000000' },
    ];
    const packed = packMembers(a);
    assert.deepEqual(packMembers([...a].reverse().concat(a)), packed);
    const back: { hour: number; digest: string }[] = [];
    forEachMember(packed, (hour, digest) => back.push({ hour, digest }));
    assert.deepEqual(back, [
      { hour: 0, digest: '0123456789abcdef' },
      { hour: 3, digest: 'ffffffffffffffff' },
      { hour: 23, digest: '0000000000000000' },
    ]);
  });

  it('refuses what it could not read back', () => {
    assert.throws(() => packMembers([{ hour: 24, digest: '0123456789abcdef' }]));
    assert.throws(() => packMembers([{ hour: 1, digest: 'not hex at all!!' }]));
  });
});
