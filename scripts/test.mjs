#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` beside its module) with node's test runner.
// Optional arguments filter test files by substring: `npm test -- ingest`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

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
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => !f.includes('/web/'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (selected.length === 0) {
  console.error('test: no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...selected], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
