import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProcessedEventSummary } from '../process/index.js';
import { captureLogs, eventEnvelope, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { threadNices } from './thread-nice.test-support.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`processing on a worker thread (${dialect})`, () => {
    let server: TestServer;
    const summaries: ProcessedEventSummary[] = [];
    before(async () => {
      server = await startTestServer({ dialect, env: { FAULTLINE_WORKER_THREADS: '1', FAULTLINE_WORKER_NICE: '13' } });
      server.app.postProcessHooks.push((results) => void summaries.push(...results));
    });
    after(async () => {
      await server.close();
    });

    it('runs the worker on a thread and still runs post-process hooks here before drain returns', async () => {
      assert.ok('forgetSourceMaps' in server.app.jobs.worker, 'the threaded worker is wired');
      const ids = Array.from({ length: 20 }, () => newEventId());
      for (const id of ids) assert.equal((await post(server, eventEnvelope(id))).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      assert.equal(await server.store.ingestQueue.depth(), 0);
      const stored = await server.store.events.countsByEventId(server.workspace.projectId);
      for (const id of ids) assert.equal(stored.get(id), 1, `event ${id} stored once`);
      assert.deepEqual(new Set(summaries.map((s) => s.eventId)), new Set(ids));
    });

    it('runs the processing thread at FAULTLINE_WORKER_NICE and leaves the main thread as it was', {
      skip: process.platform === 'linux' ? false : 'per-thread nice values exist on Linux only',
    }, () => {
      const nices = threadNices();
      assert.notEqual(nices.get(process.pid), 13);
      assert.ok([...nices.values()].includes(13), `a thread runs at nice 13: ${JSON.stringify([...nices])}`);
    });
  });
}

describe('stopping the processing thread', () => {
  it('logs no error when the thread stops as asked (it may exit before its answer arrives)', async () => {
    const logs = captureLogs('warn');
    const server = await startTestServer({ env: { FAULTLINE_WORKER_THREADS: '1' }, logger: logs.logger });
    const id = newEventId();
    assert.equal((await post(server, eventEnvelope(id))).status, 200);
    await server.app.jobs.queue.flush();
    await server.app.jobs.worker.drain();
    await server.close();
    assert.deepEqual(
      logs.lines.filter((l) => Number(l.level) >= 50),
      [],
    );
  });
});

describe('processing on the main thread', () => {
  it('is what FAULTLINE_WORKER_THREADS=0 gives, and what an injected clock falls back to', async () => {
    const fixed = { now: () => Date.now() };
    for (const options of [{ env: { FAULTLINE_WORKER_THREADS: '0' } }, { clock: fixed }]) {
      const server = await startTestServer(options);
      try {
        assert.equal('forgetSourceMaps' in server.app.jobs.worker, false);
        const id = newEventId();
        assert.equal((await post(server, eventEnvelope(id))).status, 200);
        await server.app.jobs.queue.flush();
        await server.app.jobs.worker.drain();
        assert.equal((await server.store.events.countsByEventId(server.workspace.projectId)).get(id), 1);
      } finally {
        await server.close();
      }
    }
  });
});
