import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGroupCommitter } from './group-commit.js';

/** A commit whose completion the test controls. */
function controlledCommit() {
  const groups: number[][] = [];
  const releases: (() => void)[] = [];
  let fail = false;
  const commit = (writes: number[]) => {
    groups.push(writes);
    const failing = fail;
    fail = false;
    const name = `group ${groups.length}`;
    return new Promise<string>((resolve, reject) => {
      releases.push(() => (failing ? reject(new Error('disk full')) : resolve(name)));
    });
  };
  const released = async () => {
    while (releases.length === 0) await new Promise((r) => setImmediate(r));
    releases.shift()?.();
  };
  return { commit, groups, release: released, failNext: () => (fail = true) };
}

describe('group commit', () => {
  it('commits writes submitted in the same turn together, and writes arriving meanwhile as the next group', async () => {
    const c = controlledCommit();
    const committer = createGroupCommitter(c.commit, { maxGroup: 100 });
    const first = [1, 2, 3].map((n) => committer.submit(n));
    await c.release().then(() => undefined);
    assert.deepEqual(await Promise.all(first), ['group 1', 'group 1', 'group 1']);
    assert.deepEqual(c.groups, [[1, 2, 3]]);

    const a = committer.submit(4);
    while (c.groups.length < 2) await new Promise((r) => setImmediate(r));
    // Group 2 is in flight: these wait and form group 3.
    const later = [5, 6].map((n) => committer.submit(n));
    await c.release();
    assert.equal(await a, 'group 2');
    await c.release();
    assert.deepEqual(await Promise.all(later), ['group 3', 'group 3']);
    assert.deepEqual(c.groups, [[1, 2, 3], [4], [5, 6]]);
  });

  it('never runs two commits at once and bounds the group size', async () => {
    let running = 0;
    let maxRunning = 0;
    const sizes: number[] = [];
    const committer = createGroupCommitter(
      async (writes: number[]) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        sizes.push(writes.length);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      },
      { maxGroup: 10 },
    );
    await Promise.all(Array.from({ length: 35 }, (_, i) => committer.submit(i)));
    assert.equal(maxRunning, 1);
    assert.deepEqual(sizes, [10, 10, 10, 5]);
  });

  it('retries a failed group write by write, so only the bad one is rejected', async () => {
    const groups: number[][] = [];
    const committer = createGroupCommitter(
      async (writes: number[]) => {
        groups.push(writes);
        if (writes.includes(13)) throw new Error('constraint violated');
        return writes.length;
      },
      { maxGroup: 100 },
    );
    const results = await Promise.allSettled([12, 13, 14].map((n) => committer.submit(n)));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(groups, [[12, 13, 14], [12], [13], [14]]);
  });

  it('rejects a failed single write, keeps going with the next group, and flushes', async () => {
    const c = controlledCommit();
    const committer = createGroupCommitter(c.commit, { maxGroup: 100 });
    c.failNext();
    const doomed = committer.submit(1);
    await c.release();
    await assert.rejects(doomed, /disk full/);
    const ok = committer.submit(3);
    const flushed = committer.flush();
    await c.release();
    assert.equal(await ok, 'group 2');
    await flushed;
    assert.deepEqual(c.groups, [[1], [3]]);
  });
});
