// On every database: compaction folds closed minutes into hourly transaction rollups, and a
// window's whole hours read them (plus deltas not compacted yet) with the same answer the
// minute rows give; nothing is counted twice, before or after the next compaction.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSilentLogger } from '../../kernel/index.js';
import { drain, newProject, type PipelineHarness, sendEvent, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { explainSkippedPostgres, testDialects } from '../../testing/index.js';
import { createPerformanceSweeps } from '../performance-sweeps.js';
import { quantileOf } from '../rollups/sketch.js';
import { readTransactionAggregates, type TransactionAggregate } from './read-rollups.js';

explainSkippedPostgres();

const hour = 3600;

for (const dialect of testDialects()) {
  describe(`hourly transaction rollups (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    const send = (p: TestProject, name: string, endSeconds: number, durationMs: number, n: number) =>
      sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: name,
          start_timestamp: endSeconds - durationMs / 1000,
          timestamp: endSeconds,
          contexts: { trace: { trace_id: `${String(n).padStart(8, '0')}${'a'.repeat(24)}`, span_id: 'b821226865c505c2', op: 'http.server' } },
          spans: [],
        },
        { itemType: 'transaction' },
      );
    const compact = () =>
      createPerformanceSweeps({
        store: h.server.store,
        clock: h.clock,
        logger: createSilentLogger(),
        traceRetentionDays: 30,
        rollupRetentionDays: 90,
      }).compact();
    const summary = (rows: readonly TransactionAggregate[]) =>
      Object.fromEntries(
        rows
          .map((r) => [String(r.key.name), { count: r.count, sum: Math.round(r.sumMs), max: r.maxMs, p95: quantileOf(r.durations, 0.95) }] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );

    it('answers a window from hours and minutes alike, and counts late deltas once', async () => {
      const p = await newProject(h);
      const now = Math.floor(h.clock.now() / 1000);
      // Six hours of traffic, two names, several transactions per hour and minute.
      let n = 0;
      for (let k = 0; k < 36; k++) {
        const end = now - 6 * hour + k * 600 + 7;
        await send(p, k % 3 === 0 ? 'GET /a' : 'GET /b', end, 20 + k * 13, n++);
        await send(p, 'GET /b', end + 1, 400 + k, n++);
      }
      await drain(h);
      assert.ok((await compact()) > 0);
      const hourly = await h.server.store.db.selectFrom('perf_rollups_hourly').selectAll().where('project_id', '=', p.id).execute();
      assert.ok(hourly.length >= 6 && hourly.length <= 14, `hourly rows: ${hourly.length}`);
      assert.equal(
        hourly.reduce((s, r) => s + Number(r.count), 0),
        72,
      );

      const window = { projectIds: [p.id], start: now - 7 * hour + 1234, end: now };
      const db = h.server.store.db;
      // A one-minute bucket cannot use hours: this is the answer of the minute rows alone.
      const byMinute = async () => {
        const rows = await readTransactionAggregates(db, window, [], ['name'], 60);
        const merged = new Map<string, TransactionAggregate[]>();
        for (const r of rows) merged.set(String(r.key.name), [...(merged.get(String(r.key.name)) ?? []), r]);
        return Object.fromEntries(
          [...merged]
            .map(([name, list]) => {
              const d = list[0]?.durations;
              assert.ok(d);
              for (const r of list.slice(1)) d.merge(r.durations);
              return [
                name,
                {
                  count: list.reduce((s, r) => s + r.count, 0),
                  sum: Math.round(list.reduce((s, r) => s + r.sumMs, 0)),
                  max: Math.max(...list.map((r) => r.maxMs)),
                  p95: quantileOf(d, 0.95),
                },
              ] as const;
            })
            .sort(([a], [b]) => a.localeCompare(b)),
        );
      };
      const fromHours = summary(await readTransactionAggregates(db, window, [], ['name']));
      assert.deepEqual(fromHours, await byMinute());
      assert.equal((fromHours['GET /b'] as { count: number }).count, 60);

      // A late transaction in an hour already folded: a delta row, read before compaction and once after it.
      await send(p, 'GET /a', now - 3 * hour + 30, 5000, n++);
      await drain(h);
      const late = summary(await readTransactionAggregates(db, window, [], ['name']));
      assert.equal((late['GET /a'] as { count: number }).count, 13);
      assert.equal((late['GET /a'] as { max: number }).max, 5000);
      await compact();
      assert.deepEqual(summary(await readTransactionAggregates(db, window, [], ['name'])), late);
      assert.deepEqual(await byMinute(), late);

      // Another project's rows are never read.
      const other = await newProject(h);
      assert.deepEqual(await readTransactionAggregates(db, { ...window, projectIds: [other.id] }, [], ['name']), []);
    });
  });
}
