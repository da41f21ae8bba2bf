// On every database: the hourly rows per transaction name (migration 0018) give the same
// answers as the finer hourly and minute rows over random traffic; a filter or group on any
// other column reads the finer rows; the migration's backfill and retention cover them; another
// project's rows are never read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSilentLogger } from '../../kernel/index.js';
import { drain, newProject, type PipelineHarness, sendEvent, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { backfillHourlyNames } from '../../store/index.js';
import { explainSkippedPostgres, testDialects } from '../../testing/index.js';
import { createPerformanceSweeps } from '../performance-sweeps.js';
import { quantileOf } from '../rollups/sketch.js';
import { createPerformanceRepo } from '../store/performance-repo.js';
import { type ColumnCondition, readTransactionAggregates, type TransactionAggregate, type TransactionColumn } from './read-rollups.js';

explainSkippedPostgres();

const hour = 3600;
/** A condition every row meets, on a column the rows per name do not keep: forces the finer tables. */
const viaFineRows: ColumnCondition<TransactionColumn> = { column: 'release', op: 'not in', values: ['no such release (test)'] };

/** Mulberry32: the same "random" traffic on every run and database. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function summary(rows: readonly TransactionAggregate[]) {
  return Object.fromEntries(
    rows
      .map((r) => {
        const key = JSON.stringify(Object.entries(r.key).sort(([a], [b]) => a.localeCompare(b)));
        return [
          key,
          {
            count: r.count,
            failures: r.failureCount,
            // PostgreSQL's `real` is 4 bytes: sums stored by different folds agree to about 7 digits.
            weight: Number(r.weight.toPrecision(6)),
            sum: Number(r.sumMs.toPrecision(6)),
            min: r.minMs,
            max: r.maxMs,
            satisfied: r.satisfied,
            tolerated: r.tolerated,
            p50: quantileOf(r.durations, 0.5),
            p95: quantileOf(r.durations, 0.95),
          },
        ] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

for (const dialect of testDialects()) {
  describe(`hourly rollups per transaction name (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    const sweeps = () =>
      createPerformanceSweeps({ store: h.server.store, clock: h.clock, logger: createSilentLogger(), traceRetentionDays: 30, rollupRetentionDays: 90 });
    let n = 0;
    const send = (p: TestProject, rnd: () => number, endSeconds: number) => {
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const durationMs = Math.round(5 + rnd() * rnd() * 3000);
      n++;
      return sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: pick(['GET /a', 'GET /b', 'POST /c']),
          environment: pick(['production', 'staging']),
          release: pick(['app@1', 'app@2']),
          request: { method: pick(['GET', 'POST']), url: 'http://example.test/x' },
          start_timestamp: endSeconds - durationMs / 1000,
          timestamp: endSeconds,
          contexts: {
            trace: {
              trace_id: `${String(n).padStart(8, '0')}${'c'.repeat(24)}`,
              span_id: 'b821226865c505c2',
              op: pick(['http.server', 'task']),
              status: pick(['ok', 'ok', 'ok', 'internal_error', 'not_found']),
              client_sample_rate: pick([1, 0.5, 0.25]),
            },
          },
          spans: [],
        },
        { itemType: 'transaction' },
      );
    };

    it('answers from rows per name exactly as from the finer rows, falls back on other columns, and is backfilled and retained', async () => {
      const p = await newProject(h);
      const rnd = random(dialect === 'sqlite' ? 7 : 8);
      const now = Math.floor(h.clock.now() / 1000);
      for (let k = 0; k < 90; k++) await send(p, rnd, now - 6 * hour + Math.floor(rnd() * 6 * hour - 300));
      await drain(h);
      assert.ok((await sweeps().compact()) > 0);
      const db = h.server.store.db;
      const names = () => db.selectFrom('perf_rollups_hourly_names').selectAll().where('project_id', '=', p.id).execute();
      const fine = await db.selectFrom('perf_rollups_hourly').selectAll().where('project_id', '=', p.id).execute();
      const coarse = await names();
      assert.equal(
        coarse.reduce((s, r) => s + Number(r.count), 0),
        fine.reduce((s, r) => s + Number(r.count), 0),
      );
      assert.ok(coarse.length < fine.length, `${coarse.length} rows per name vs ${fine.length} per key`);

      const window = { projectIds: [p.id], start: now - 7 * hour + 1234, end: now };
      const production: ColumnCondition<TransactionColumn> = { column: 'environment', op: 'in', values: ['production'] };
      const cases: { groupBy: TransactionColumn[]; conditions: ColumnCondition<TransactionColumn>[] }[] = [
        { groupBy: ['name'], conditions: [] },
        { groupBy: ['name', 'environment'], conditions: [] },
        { groupBy: ['project_id'], conditions: [production] },
        { groupBy: [], conditions: [{ column: 'name', op: 'like', values: ['get /%'] }] },
      ];
      const answers = [];
      for (const c of cases) {
        const fromNames = summary(await readTransactionAggregates(db, window, c.conditions, c.groupBy));
        assert.deepEqual(fromNames, summary(await readTransactionAggregates(db, window, [...c.conditions, viaFineRows], c.groupBy)), JSON.stringify(c));
        assert.ok(Object.keys(fromNames).length > 0);
        answers.push(fromNames);
      }

      // Without the rows per name, queries by name change and queries on release or method do not: they never read them.
      const byRelease: ColumnCondition<TransactionColumn>[] = [{ column: 'release', op: 'in', values: ['app@1'] }];
      const byMethod: ColumnCondition<TransactionColumn>[] = [{ column: 'http_method', op: 'in', values: ['GET'] }];
      const releaseAnswer = summary(await readTransactionAggregates(db, window, byRelease, ['name']));
      const methodAnswer = summary(await readTransactionAggregates(db, window, byMethod, ['name']));
      const byOp = summary(await readTransactionAggregates(db, window, [], ['name', 'op']));
      await db.deleteFrom('perf_rollups_hourly_names').where('project_id', '=', p.id).execute();
      assert.notDeepEqual(summary(await readTransactionAggregates(db, window, [], ['name'])), answers[0]);
      assert.deepEqual(summary(await readTransactionAggregates(db, window, byRelease, ['name'])), releaseAnswer);
      assert.deepEqual(summary(await readTransactionAggregates(db, window, byMethod, ['name'])), methodAnswer);
      assert.deepEqual(summary(await readTransactionAggregates(db, window, [], ['name', 'op'])), byOp);

      // The migration's backfill (hourly rows copied one for one) gives the same answers back.
      await backfillHourlyNames(db);
      assert.equal((await names()).length, fine.length);
      for (const [i, c] of cases.entries()) assert.deepEqual(summary(await readTransactionAggregates(db, window, c.conditions, c.groupBy)), answers[i]);

      // A late delta in a backfilled hour: the sweep merges that name's rows of the hour into one, counted once.
      const lateEnd = now - 3 * hour + 30;
      await sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: 'GET /a',
          environment: 'production',
          start_timestamp: lateEnd - 9,
          timestamp: lateEnd,
          contexts: { trace: { trace_id: `${'d'.repeat(32)}`, span_id: 'b821226865c505c2', op: 'http.server' } },
          spans: [],
        },
        { itemType: 'transaction' },
      );
      await drain(h);
      const before = summary(await readTransactionAggregates(db, window, [], ['name']));
      await sweeps().compact();
      const lateHour = Math.floor(lateEnd / hour) * hour;
      const merged = (await names()).filter((r) => r.name === 'GET /a' && r.environment === 'production' && Number(r.minute) === lateHour);
      assert.equal(merged.length, 1);
      assert.deepEqual(summary(await readTransactionAggregates(db, window, [], ['name'])), before);
      assert.deepEqual(before, summary(await readTransactionAggregates(db, window, [viaFineRows], ['name'])));

      // Another project's rows are never read.
      const other = await newProject(h);
      assert.deepEqual(await readTransactionAggregates(db, { ...window, projectIds: [other.id] }, [], ['name']), []);

      // Retention deletes them with the other rollups.
      await createPerformanceRepo(db).deleteRollupsBefore(p.id, now + hour);
      assert.equal((await names()).length, 0);
    });
  });
}
