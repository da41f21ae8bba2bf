import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { niceOf } from './thread-nice.test-support.js';
import { lowerThisThreadPriority, type PriorityOutcome } from './thread-priority.js';

const onLinux = process.platform === 'linux';

function inThread(nice: number): Promise<PriorityOutcome> {
  const moduleUrl = new URL('./thread-priority.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.moduleUrl).then((m) => {
      parentPort.postMessage(m.lowerThisThreadPriority(workerData.nice));
      // Stay alive until the test has read the thread's priority.
      parentPort.once('message', () => process.exit(0));
    });`;
  const worker = new Worker(code, { eval: true, workerData: { moduleUrl, nice } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (outcome: PriorityOutcome) => {
      if (outcome.applied) assert.equal(niceOf(outcome.tid), nice, 'the kernel reports the new nice value for that thread');
      worker.postMessage('done');
      resolve(outcome);
    });
  });
}

describe('lowerThisThreadPriority', { skip: onLinux ? false : 'per-thread nice values exist on Linux only' }, () => {
  it('lowers the calling thread only: the process keeps its priority', async () => {
    const processNice = getPriority();
    const outcome = await inThread(Math.min(19, processNice + 7));
    assert.equal(outcome.applied, true);
    assert.notEqual(outcome.applied && outcome.tid, process.pid);
    assert.equal(getPriority(), processNice);
    assert.equal(niceOf(process.pid), processNice);
  });

  it('leaves the priority alone when asked for nice 0', () => {
    assert.deepEqual(lowerThisThreadPriority(0), { applied: false, reason: 'nice 0 asked' });
  });
});
