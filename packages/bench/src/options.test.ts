import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from './options.js';

const parse = (argv: string[]) => parseOptions(argv, {}, 'results');

describe('bench options: --server-env', () => {
  it('passes FAULTLINE_* pairs through, values kept as written', () => {
    const parsed = parse(['--server-env', 'FAULTLINE_WORKER_NICE=0,FAULTLINE_WORKER_BATCH_SIZE=50,FAULTLINE_LOG_LEVEL=a=b']);
    assert.equal(parsed.ok, true);
    assert.deepEqual(parsed.ok === true && parsed.options.serverEnv, {
      FAULTLINE_WORKER_NICE: '0',
      FAULTLINE_WORKER_BATCH_SIZE: '50',
      FAULTLINE_LOG_LEVEL: 'a=b',
    });
  });

  it('is empty without the flag', () => {
    const parsed = parse([]);
    assert.deepEqual(parsed.ok === true && parsed.options.serverEnv, {});
  });

  for (const bad of ['FAULTLINE_WORKER_NICE', 'PATH=/bin', 'faultline_x=1', '=1', 'FAULTLINE_A=1,,FAULTLINE_B=2']) {
    it(`refuses "${bad}" with a reason naming the pair`, () => {
      const parsed = parse(['--server-env', bad]);
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok === false ? parsed.reason : '', /--server-env takes FAULTLINE_NAME=value pairs/);
    });
  }
});
