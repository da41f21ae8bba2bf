#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` beside its module) with node's test runner.
// Optional arguments filter test files by substring: `npm test -- ingest`.
// The web UI's component tests (vitest) run first, when no filter is given or one names
// `web`, so node's summary stays the last thing printed; its end-to-end tests are compiled
// to packages/web/dist-e2e and run with everything else.
// Before the suites start, the Debian packages they drive are installed when
// missing and installable (scripts/system-packages.mjs); what cannot be had is
// named in a `# skipped:` line, and the suites that need it skip themselves.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) collect(p, out);
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  try {
    collect(join(root, 'packages', pkg, 'dist'), files);
  } catch {
    // a package without compiled output has no node tests (the web UI builds with vite)
  }
}
try {
  collect(join(root, 'packages', 'web', 'dist-e2e'), files);
} catch {
  // not compiled yet: scripts/prepare.mjs builds it
}
for (const entry of readdirSync(join(root, 'scripts'))) {
  if (entry.endsWith('.test.mjs')) files.push(join(root, 'scripts', entry));
}
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => !f.startsWith('packages/web/dist/'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
// Only suites that drive a browser, the Python SDK or the shell gate recipe need the system packages.
const skipped =
  filters.length === 0 || selected.some((f) => f.startsWith('packages/web/dist-e2e/') || f.includes('/live-clients/') || f.includes('cli/release-health'))
    ? ensureSystemPackages({ env: process.env, log: (line) => console.log(line) })
    : [];
// Printed before the run, not after: node's own summary stays the last lines.
for (const reason of skipped) console.log(`# skipped: ${reason}`);
let vitestStatus = 0;
const runVitest = filters.length === 0 || filters.some((s) => s.includes('web'));
if (runVitest) {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const v = spawnSync(process.execPath, [vitest, 'run'], { cwd: join(root, 'packages', 'web'), stdio: 'inherit' });
  vitestStatus = v.status ?? 1;
}
if (selected.length === 0) {
  if (runVitest) process.exit(vitestStatus);
  console.error('test: no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...selected], { cwd: root, stdio: 'inherit' });
process.exit(vitestStatus !== 0 ? vitestStatus : (r.status ?? 1));
