import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  eventEnvelope,
  explainSkippedPostgres,
  freePort,
  newEventId,
  openTestDatabase,
  type RunningProcess,
  runFaultline,
  startFaultline,
  type TestDatabase,
  testDialects,
} from '../testing/index.js';

explainSkippedPostgres();

interface Bootstrap {
  dsn: string;
  projectId: number;
}

for (const dialect of testDialects()) {
  describe(`crash safety of the ingest queue (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let running: RunningProcess | undefined;
    before(async () => {
      database = await openTestDatabase(dialect);
      const port = await freePort();
      env = {
        ...database.env,
        FAULTLINE_PORT: String(port),
        FAULTLINE_HOST: '127.0.0.1',
        FAULTLINE_URL: `http://127.0.0.1:${port}`,
        FAULTLINE_ADMIN_PASSWORD: 'crash-test-password',
        FAULTLINE_LOG_LEVEL: 'warn',
      };
    });
    after(async () => {
      if (running && running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGTERM');
        await running.exited;
      }
      await database.cleanup();
    });

    async function serve(extra: Record<string, string> = {}): Promise<RunningProcess> {
      const child = startFaultline(['serve'], { ...env, ...extra });
      await child.waitForStdout(/Faultline is running/);
      return child;
    }

    /** How many of these events are stored (the project keeps events of earlier cases). */
    async function storedOf(projectId: number, ids: readonly string[]): Promise<number> {
      const counts = await database.store.events.countsByEventId(projectId);
      return ids.filter((id) => counts.has(id)).length;
    }

    // Both places processing can run: a processing thread (the default) and the main event loop.
    for (const threads of ['1', '0']) {
      it(`processes every envelope that got a 200 exactly once across a SIGKILL and a restart (worker threads: ${threads})`, async () => {
        const boot = await runFaultline(['bootstrap', '--json'], env);
        assert.equal(boot.code, 0, boot.stderr);
        const { dsn, projectId } = JSON.parse(boot.stdout.trim().split('\n').pop() ?? '') as Bootstrap;
        const url = `${env.FAULTLINE_URL}/api/${projectId}/envelope/?sentry_key=${new URL(dsn).username}`;

        // One envelope per claim: the worker is busy mid-queue, behind the senders, when the process dies.
        running = await serve({ FAULTLINE_WORKER_BATCH_SIZE: '1', FAULTLINE_WORKER_THREADS: threads });
        const acknowledged: string[] = [];
        let failures = 0;
        let killed = false;
        const sender = async () => {
          while (!killed || failures < 50) {
            const id = newEventId();
            try {
              const res = await fetch(url, { method: 'POST', body: eventEnvelope(id) });
              if (res.status === 200) acknowledged.push(id);
              else failures++;
            } catch {
              failures++;
              if (killed) return;
            }
          }
        };
        const senders = Array.from({ length: 16 }, sender);
        while (acknowledged.length < 400) await sleep(5);
        // A processing thread needs a moment to start: let it store something before the crash.
        const startedBy = Date.now() + 10_000;
        while (Date.now() < startedBy && (await storedOf(projectId, acknowledged)) === 0) await sleep(10);
        // Kill while envelopes are both processed and still queued (the worker lags the senders), if that shows within 3 s.
        const backlogBy = Date.now() + 3000;
        while (Date.now() < backlogBy && (await database.store.ingestQueue.depth()) < 5) await sleep(2);
        running.child.kill('SIGKILL');
        killed = true;
        await running.exited;
        await Promise.all(senders);
        assert.ok(acknowledged.length >= 400);
        const leftover = await database.store.ingestQueue.depth();
        const processedBeforeCrash = await storedOf(projectId, acknowledged);
        assert.ok(processedBeforeCrash > 0, 'the worker ran before the crash');

        running = await serve({ FAULTLINE_WORKER_THREADS: threads });
        const deadline = Date.now() + 20_000;
        while ((await database.store.ingestQueue.depth()) > 0) {
          assert.ok(Date.now() < deadline, 'the restarted server did not drain the queue');
          await sleep(50);
        }
        const counts = await database.store.events.countsByEventId(projectId);
        const context = `(killed with ${leftover} envelopes queued, ${processedBeforeCrash} processed)`;
        for (const id of acknowledged) assert.equal(counts.get(id), 1, `event ${id} got a 200 but is stored ${counts.get(id) ?? 0} times ${context}`);
        // Each stored event was accepted once: a batch processed twice would have counted duplicates.
        const outcomes = await database.store.outcomes.query({ projectIds: [projectId], from: 0, to: Number.MAX_SAFE_INTEGER });
        const sum = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).reduce((n, o) => n + o.quantity, 0);
        assert.equal(sum('accepted'), counts.size, context);
        assert.equal(sum('filtered'), 0, context);
        running.child.kill('SIGTERM');
        assert.equal((await running.exited).code, 0);
      });
    }
  });
}
