import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runFaultline } from '../testing/index.js';

// The executable as an operator meets it: usage errors exit 2 and say how to
// call it; configuration errors name the variable, one line each.
describe('faultline command line', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
    env = { FAULTLINE_DATA_DIR: dataDir, FAULTLINE_LOG_LEVEL: 'warn' };
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints usage and exits 2 for an unknown command', async () => {
    const r = await runFaultline(['frobnicate'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate"/);
    assert.match(r.stderr, /usage: faultline <command>/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 with usage for no command, and 0 for help', async () => {
    const none = await runFaultline([], env);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /usage: faultline <command>/);
    const help = await runFaultline(['--help'], env);
    assert.equal(help.code, 0);
    for (const command of ['serve', 'migrate', 'createuser', 'bootstrap', 'project create', 'token create', 'release-health check'])
      assert.match(help.stdout, new RegExp(command));
  });

  it('exits 2 with usage for unknown or malformed flags', async () => {
    const cases = [
      ['bootstrap', '--frob'],
      ['createuser', '--email'],
      ['token', 'create', '--scopes'],
      ['project', 'create'],
      ['project', 'delete', 'a/b'],
      ['token', 'list'],
    ];
    const results = await Promise.all(cases.map((args) => runFaultline(args, env)));
    cases.forEach((args, i) => {
      assert.equal(results[i]?.code, 2, `${args.join(' ')}: ${results[i]?.stderr}`);
      assert.match(results[i]?.stderr ?? '', /usage: faultline/, args.join(' '));
    });
  });

  it('refuses FAULTLINE_PORT=abc with exactly one stderr line naming the variable', async () => {
    const r = await runFaultline(['serve'], { ...env, FAULTLINE_PORT: 'abc' });
    assert.notEqual(r.code, 0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0] ?? '', /FAULTLINE_PORT/);
    assert.match(lines[0] ?? '', /"abc"/);
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(dataDir), [], 'nothing was created before the configuration was checked');
  });

  it('lists every configuration problem, one line each', async () => {
    const r = await runFaultline(['migrate'], { ...env, FAULTLINE_PORT: 'abc', FAULTLINE_LOG_LEVEL: 'loud', FAULTLINE_URL: 'nope' });
    assert.equal(r.code, 2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 3, r.stderr);
    for (const name of ['FAULTLINE_PORT', 'FAULTLINE_LOG_LEVEL', 'FAULTLINE_URL'])
      assert.ok(
        lines.some((l) => l.includes(name)),
        name,
      );
  });

  it('migrates a fresh data directory, and then has nothing left to do', async () => {
    const first = await runFaultline(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /migrations: up to date/);
    const second = await runFaultline(['migrate'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /up to date/);
  });

  it('prints the configuration reference', async () => {
    const r = await runFaultline(['config-doc'], env);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# Configuration/);
    assert.match(r.stdout, /`FAULTLINE_PORT`/);
  });
});
