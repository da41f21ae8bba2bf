// On every database: log lines stored as blocks (logs-repo.ts) answer the logs dataset exactly
// as a brute-force pass over the lines written does — the stream paged newest first through
// cursors, severity and trace filters (which use the block index), aggregates grouped by
// severity — and retention removes whole blocks past each project's setting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock, createSilentLogger } from '../../kernel/index.js';
import { parseEventsRequest } from '../../performance/index.js';
import { explainSkippedPostgres, openTestDatabase, orgWithProjects, type TestDatabase, testDialects } from '../../testing/index.js';
import { LOG_LEVELS, type LogLine, SEVERITY_NUMBERS } from '../log-line.js';
import { newLogItemId } from '../log-parser.js';
import { createLogRetention } from '../logs-retention.js';
import { runLogsStats } from '../query/logs-stats.js';
import { runLogsTable } from '../query/logs-table.js';
import { prepareLogRows } from './logs-repo.js';

explainSkippedPostgres();

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const dayMs = 86_400_000;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRACES = Array.from({ length: 7 }, (_, i) => `${String(i + 1).repeat(1)}`.padStart(32, 'a'));

function makeLines(next: () => number, n: number, receivedAt: number): LogLine[] {
  return Array.from({ length: n }, () => {
    const level = LOG_LEVELS[Math.floor(next() * LOG_LEVELS.length)] ?? 'info';
    return {
      itemId: newLogItemId(),
      // Some lines share a millisecond, so the order of equal instants is exercised.
      timestamp: (receivedAt - Math.floor(next() * 600) * 50) / 1000,
      observedAt: receivedAt,
      traceId: next() < 0.9 ? (TRACES[Math.floor(next() * TRACES.length)] as string) : null,
      spanId: null,
      level,
      severityNumber: SEVERITY_NUMBERS[level],
      body: `line ${Math.floor(next() * 1000)}`,
      attributes: { duration: { type: 'integer', value: Math.floor(next() * 500) } },
      payloadSize: 100,
    };
  });
}

for (const dialect of testDialects()) {
  describe(`logs stored in blocks (${dialect})`, () => {
    const clock = createManualClock(NOW);
    let db: TestDatabase;
    let projects: { id: number; slug: string }[];
    const written: { line: LogLine; projectId: number; receivedAt: number }[] = [];

    before(async () => {
      db = await openTestDatabase(dialect, clock);
      const created = await orgWithProjects(db.store, 'logs-org', ['web', 'api']);
      projects = created.projects.map((p) => ({ id: p.id, slug: p.slug }));
      const next = rng(7);
      // 40 batches over the last 20 minutes, each with lines of both projects: 80 blocks.
      for (let b = 0; b < 40; b++) {
        const receivedAt = NOW - (40 - b) * 30_000;
        const batches = projects.map((p) => ({ projectId: p.id, receivedAt, lines: makeLines(next, 5 + Math.floor(next() * 40), receivedAt) }));
        for (const batch of batches) for (const line of batch.lines) written.push({ line, projectId: batch.projectId, receivedAt });
        await db.store.db.transaction().execute((trx) => db.store.logs.insert(trx, prepareLogRows(batches)));
      }
    });
    after(() => db?.cleanup());

    const request = (params: Record<string, string | string[]>) =>
      parseEventsRequest({ dataset: 'logs', statsPeriod: '1h', ...params }, clock.now(), { requireFields: true, maxPerPage: 9999 });

    it('pages the stream newest first through cursors, each line once, in the order a full sort gives', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 37) {
        const page = await runLogsTable(
          db.store.logs,
          request({ field: ['id', 'timestamp'], sort: '-timestamp', per_page: '37', cursor: `0:${offset}:0` }),
          projects,
        );
        seen.push(...page.data.map((r) => String(r.id)));
        if (!page.hasNext) break;
      }
      const expected = [...written].sort((x, y) => y.line.timestamp - x.line.timestamp || (x.line.itemId < y.line.itemId ? -1 : 1)).map((w) => w.line.itemId);
      assert.equal(seen.length, written.length);
      assert.deepEqual(seen, expected);
    });

    it('filters by severity and trace through the block index, and by the project', async () => {
      const trace = TRACES[2] as string;
      const page = await runLogsTable(
        db.store.logs,
        request({ field: ['id'], query: `severity:[error,fatal] trace:${trace}`, per_page: '9999', project: String(projects[1]?.id) }),
        projects.filter((p) => p.id === projects[1]?.id),
      );
      const expected = written.filter(
        (w) => w.projectId === projects[1]?.id && (w.line.level === 'error' || w.line.level === 'fatal') && w.line.traceId === trace,
      );
      assert.ok(expected.length > 0);
      assert.deepEqual(new Set(page.data.map((r) => r.id)), new Set(expected.map((w) => w.line.itemId)));
      assert.equal(
        await db.store.logs.countInTrace(
          projects.map((p) => p.id),
          trace,
        ),
        written.filter((w) => w.line.traceId === trace).length,
      );
    });

    it('groups by severity: count(), count_unique(trace), sum and max of a number attribute', async () => {
      const page = await runLogsTable(
        db.store.logs,
        request({ field: ['severity', 'count()', 'count_unique(trace)', 'sum(tags[duration,number])', 'max(tags[duration,number])'], sort: '-count()' }),
        projects,
      );
      for (const level of LOG_LEVELS) {
        const lines = written.filter((w) => w.line.level === level).map((w) => w.line);
        const row = page.data.find((r) => r.severity === level);
        assert.equal(row?.['count()'], lines.length, level);
        assert.equal(row?.['count_unique(trace)'], new Set(lines.map((l) => l.traceId).filter((t) => t !== null)).size);
        const durations = lines.map((l) => Number(l.attributes.duration?.value));
        assert.equal(
          row?.['sum(tags[duration,number])'],
          durations.reduce((a, b) => a + b, 0),
        );
        assert.equal(row?.['max(tags[duration,number])'], Math.max(...durations));
      }
      const counts = page.data.map((r) => Number(r['count()']));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );
    });

    it('counts per severity from the per-minute counts, exact at windows that start and end mid-minute', async () => {
      const start = NOW - 13 * 60_000 - 17_500;
      const end = NOW - 2 * 60_000 - 41_250;
      const iso = (ms: number) => new Date(ms).toISOString();
      const page = await runLogsTable(
        db.store.logs,
        parseEventsRequest(
          { dataset: 'logs', field: ['severity', 'count()'], start: iso(start), end: iso(end), query: 'severity:[warn,error,fatal]' },
          clock.now(),
          {
            requireFields: true,
            maxPerPage: 9999,
          },
        ),
        projects,
      );
      // The window is whole seconds (as the API parses start and end).
      const [from, to] = [Math.floor(start / 1000), Math.floor(end / 1000)];
      const inWindow = written.filter((w) => w.line.timestamp >= from && w.line.timestamp < to && ['warn', 'error', 'fatal'].includes(w.line.level));
      const expected = new Map<string, number>();
      for (const w of inWindow) expected.set(w.line.level, (expected.get(w.line.level) ?? 0) + 1);
      assert.ok(inWindow.length > 0);
      assert.deepEqual(new Map(page.data.map((r) => [String(r.severity), Number(r['count()'])])), expected);
    });

    it('charts count() from the per-minute counts exactly as from the lines', async () => {
      const stats = async (interval: string, query = '') =>
        (await runLogsStats(db.store.logs, { dataset: 'logs', statsPeriod: '1h', interval, yAxis: 'count()', query }, projects, clock.now())).data as [
          number,
          { count: number }[],
        ][];
      for (const [interval, query] of [
        ['5m', ''],
        ['90s', ''],
        ['1m', 'severity:error'],
      ] as const) {
        const series = await stats(interval, query);
        const step = (series[1]?.[0] ?? 0) - (series[0]?.[0] ?? 0);
        for (const [t, [value]] of series) {
          const n = written.filter((w) => w.line.timestamp >= t && w.line.timestamp < t + step && (query === '' || w.line.level === 'error')).length;
          assert.equal(value?.count, n, `${interval} ${query} at ${t}`);
        }
        assert.equal(
          series.reduce((n, [, [v]]) => n + (v?.count ?? 0), 0),
          written.filter((w) => query === '' || w.line.level === 'error').length,
          `${interval} ${query}: every line in some bucket`,
        );
      }
    });

    it('retention deletes blocks received before each project’s setting, with their trace rows', async () => {
      const web = projects[0] as { id: number };
      const api = projects[1] as { id: number };
      await db.store.db
        .updateTable('projects')
        .set({ settings: JSON.stringify({ logRetentionDays: 1 }) })
        .where('id', '=', api.id)
        .execute();
      clock.set(NOW + dayMs - 10 * 60_000);
      const retention = createLogRetention({ store: db.store, clock, logger: createSilentLogger(), defaultDays: 30 });
      const deleted = await retention.runOnce();
      const cutoff = clock.now() - dayMs;
      const apiBatchesBefore = new Set(written.filter((w) => w.projectId === api.id && w.receivedAt < cutoff).map((w) => w.receivedAt)).size;
      assert.ok(apiBatchesBefore > 0);
      assert.equal(deleted, apiBatchesBefore);
      const left = await db.store.logs.blocks({ projectIds: [web.id, api.id], startMs: 0, endMs: Number.MAX_SAFE_INTEGER, limit: 1000 });
      assert.equal(left.filter((b) => b.projectId === web.id).length, 40);
      assert.equal(left.filter((b) => b.projectId === api.id).length, 40 - apiBatchesBefore);
      const orphans = await db.store.db
        .selectFrom('log_trace_blocks')
        .select('block_id')
        .where(
          'block_id',
          'not in',
          left.map((b) => b.id),
        )
        .execute();
      assert.deepEqual(orphans, []);
      // The per-minute counts go by the lines' own time: none of the api project's remain before the cutoff, the web project's all do.
      const cutoffSeconds = Math.floor(cutoff / 1000);
      assert.deepEqual(await db.store.logs.minuteCounts([api.id], 0, cutoffSeconds, null), []);
      const webCounts = await db.store.logs.minuteCounts([web.id], 0, Number.MAX_SAFE_INTEGER, null);
      assert.equal(
        webCounts.reduce((n, r) => n + r.count, 0),
        written.filter((w) => w.projectId === web.id).length,
      );
    });
  });
}
