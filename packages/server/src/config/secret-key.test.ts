import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from './load.js';
import { resolveSecretKey } from './secret-key.js';

describe('resolveSecretKey', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'faultline-secret-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('generates a key once into DATA_DIR/secret-key with mode 0600, then reuses it', () => {
    const dataDir = join(root, 'fresh', 'nested');
    const config = loadConfig({ FAULTLINE_DATA_DIR: dataDir });
    const key = resolveSecretKey(config);
    assert.ok(key.length >= 32, key);
    const file = join(dataDir, 'secret-key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, 'utf8').trim(), key);
    assert.equal(resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: dataDir })), key);
    assert.deepEqual(readdirSync(dataDir), ['secret-key'], 'no temporary files are left behind');
  });

  it('gives different data directories different keys', () => {
    const a = resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: join(root, 'a') }));
    const b = resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: join(root, 'b') }));
    assert.notEqual(a, b);
  });

  it('prefers FAULTLINE_SECRET_KEY and then writes no file', () => {
    const dataDir = join(root, 'configured');
    const secret = 's'.repeat(40);
    assert.equal(resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: dataDir, FAULTLINE_SECRET_KEY: secret })), secret);
    assert.throws(() => statSync(join(dataDir, 'secret-key')), /ENOENT/);
  });

  it('refuses a truncated key file instead of using a weak key', () => {
    const dataDir = join(root, 'truncated');
    resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: dataDir }));
    writeFileSync(join(dataDir, 'secret-key'), '\n');
    assert.throws(() => resolveSecretKey(loadConfig({ FAULTLINE_DATA_DIR: dataDir })), /no usable secret key/);
  });
});
