import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSilentLogger, systemClock } from '../kernel/index.js';
import { createPipeline } from '../process/index.js';
import type { Store } from '../store/index.js';
import { eventEnvelope, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { createWorker, type ProcessBatch, type WorkerOptions } from './worker.js';

// The worker is tested with the real processing pipeline: its exactly-once guarantees are about real writes.
const pipeline = (store: Store): ProcessBatch =>
  createPipeline({ store, clock: systemClock, logger: createSilentLogger(), settingsTtlMs: 0, postProcessHooks: [] });

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`queue worker (${dialect})`, () => {
    let server: TestServer;
    let pid: number;
    before(async () => {
      // The app's own worker stays off: each test runs the workers it needs.
      server = await startTestServer({ dialect, env: { FAULTLINE_WORKER_ENABLED: 'false' } });
      pid = server.workspace.projectId;
    });
    after(() => server.close());

    function worker(overrides: Partial<WorkerOptions> = {}) {
      return createWorker({
        store: server.store,
        logger: createSilentLogger(),
        clock: systemClock,
        processBatch: pipeline(server.store),
        batchSize: 50,
        pollMs: 20,
        ...overrides,
      });
    }

    /** The real pipeline, held at the start of its first batch until `release()`; `inside` resolves once it is held. */
    function gatedPipeline(): { processBatch: ProcessBatch; inside: Promise<void>; release: () => void } {
      const real = pipeline(server.store);
      let entered!: () => void;
      const inside = new Promise<void>((r) => {
        entered = r;
      });
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const processBatch: ProcessBatch = async (items, reader) => {
        entered();
        await gate;
        return real(items, reader);
      };
      return { processBatch, inside, release };
    }

    async function enqueue(n: number): Promise<string[]> {
      const ids = Array.from({ length: n }, () => newEventId());
      for (const id of ids) assert.equal((await post(server, eventEnvelope(id))).status, 200);
      return ids;
    }

    async function accepted(): Promise<number> {
      const rows = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['accepted'],
        categories: ['error'],
      });
      return rows.reduce((n, r) => n + r.quantity, 0);
    }

    async function countsOf(ids: string[]): Promise<number[]> {
      const counts = await server.store.events.countsByEventId(pid);
      return ids.map((id) => counts.get(id) ?? 0);
    }

    it('processes envelopes queued before it started, as after a restart', async () => {
      const before = await accepted();
      const ids = await enqueue(5);
      assert.equal((await post(server, `{}\n{"type":"profile"}\n{"profile":{}}`)).status, 200);
      assert.equal(await server.store.ingestQueue.depth(), 6);
      const w = worker();
      w.start();
      await w.drain();
      await w.stop();
      assert.deepEqual(await countsOf(ids), [1, 1, 1, 1, 1]);
      assert.equal(await accepted(), before + 5);
      assert.equal((await server.store.parkedItems.list(pid)).filter((p) => p.type === 'profile').length, 1);
    });

    it('stores nothing twice when an envelope is delivered again', async () => {
      const ids = await enqueue(3);
      const queued = await server.store.ingestQueue.list(pid);
      await worker().drain();
      const before = await accepted();
      await server.store.db.transaction().execute((trx) => server.store.ingestQueue.insert(trx, queued));
      await worker().drain();
      assert.deepEqual(await countsOf(ids), [1, 1, 1]);
      assert.equal(await accepted(), before);
      const duplicates = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['filtered'],
        reasons: ['duplicate'],
      });
      assert.equal(
        duplicates.reduce((n, r) => n + r.quantity, 0),
        3,
      );
    });

    it('rolls a failed batch back completely, then processes it exactly once', async () => {
      const ids = await enqueue(4);
      const before = await accepted();
      const real = pipeline(server.store);
      let calls = 0;
      const crashing: ProcessBatch = async (items, reader) => {
        const commit = await real(items, reader);
        return async (trx) => {
          const after = await commit(trx);
          calls++;
          if (calls === 1) throw new Error('crash after writing');
          return after;
        };
      };
      const w = worker({ processBatch: crashing, batchSize: 10 });
      assert.equal(await w.runOnce(), 4);
      assert.deepEqual(await countsOf(ids), [1, 1, 1, 1]);
      assert.equal(await server.store.ingestQueue.depth(), 0);
      // Had the failed attempt left its writes, the retry would have counted duplicates instead.
      assert.equal(await accepted(), before + 4);
    });

    it('retries a failing envelope alone and drops it with an invalid outcome after the last attempt', async () => {
      const good = await enqueue(3);
      const poison = newEventId();
      assert.equal((await post(server, eventEnvelope(poison))).status, 200);
      const real = pipeline(server.store);
      const picky: ProcessBatch = async (items, reader) => {
        if (items.some((i) => i.eventId === poison)) throw new Error('cannot process this one');
        return real(items, reader);
      };
      const w = worker({ processBatch: picky, maxAttempts: 2 });
      await w.drain();
      assert.deepEqual(await countsOf([...good, poison]), [1, 1, 1, 0]);
      const dropped = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['invalid'],
        reasons: ['processing_failed'],
      });
      assert.equal(
        dropped.reduce((n, r) => n + r.quantity, 0),
        1,
      );
    });

    it('lets several workers drain one queue without processing anything twice', async () => {
      const before = await accepted();
      const ids = await enqueue(60);
      const workers = [worker({ batchSize: 7 }), worker({ batchSize: 7 }), worker({ batchSize: 7 })];
      await Promise.all(
        workers.map(async (w) => {
          while ((await w.runOnce()) > 0);
        }),
      );
      assert.equal(await server.store.ingestQueue.depth(), 0);
      assert.deepEqual(
        await countsOf(ids),
        ids.map(() => 1),
      );
      assert.equal(await accepted(), before + 60);
    });

    it('lets workers with disjoint partitions of the queue drain it together', async () => {
      const before = await accepted();
      const ids = await enqueue(45);
      const count = 3;
      const workers = Array.from({ length: count }, (_, index) => worker({ batchSize: 4, partition: { index, count } }));
      const taken = await Promise.all(
        workers.map(async (w) => {
          let n = 0;
          for (let got = await w.runOnce(); got > 0; got = await w.runOnce()) n += got;
          return n;
        }),
      );
      assert.equal(await server.store.ingestQueue.depth(), 0);
      // Each worker took only its own share: 15 of the 45 consecutive ids each.
      assert.deepEqual(taken, [15, 15, 15]);
      assert.deepEqual(
        await countsOf(ids),
        ids.map(() => 1),
      );
      assert.equal(await accepted(), before + 45);
    });

    it('does not hold up ingest while it processes a batch: a new envelope commits meanwhile', async () => {
      await enqueue(3);
      const { processBatch, inside, release } = gatedPipeline();
      const w = worker({ processBatch, batchSize: 3 });
      const running = w.runOnce();
      await inside;
      // While the batch is being processed, a new envelope gets its durable 200.
      const late = newEventId();
      const answered = await post(server, eventEnvelope(late));
      assert.equal(answered.status, 200);
      release();
      assert.equal(await running, 3);
      await worker().drain();
      assert.deepEqual(await countsOf([late]), [1]);
    });

    it('finishes the batch in progress on stop and leaves the rest queued', async () => {
      await enqueue(6);
      const { processBatch, inside, release } = gatedPipeline();
      const w = worker({ processBatch, batchSize: 2 });
      w.start();
      await inside;
      const stopped = w.stop();
      release();
      await stopped;
      assert.equal(await server.store.ingestQueue.depth(), 4);
      await worker().drain();
    });
  });
}
