#!/usr/bin/env node
// Makes `npm start` and `npm test` work as the first command in a fresh clone:
// installs dependencies when the manifests changed, then rebuilds what is stale.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const force = process.argv.includes('--force');
const manifests = ['package.json', 'package-lock.json', ...readdirSync(join(root, 'packages')).map((p) => join('packages', p, 'package.json'))];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: false });
  if (r.status !== 0) {
    console.error(`prepare: "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function manifestHash() {
  const h = createHash('sha256');
  for (const m of manifests) if (existsSync(join(root, m))) h.update(m).update(readFileSync(join(root, m)));
  return h.digest('hex');
}

const stamp = join(root, 'node_modules', '.faultline-install');
const wanted = manifestHash();
if (force || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
  console.error('prepare: installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, manifestHash());
}

console.error('prepare: building TypeScript (incremental)…');
run('npx', ['tsc', '-b', 'packages/server', 'packages/bench', ...(force ? ['--force'] : [])]);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const web = join(root, 'packages', 'web');
const webStamp = join(web, 'dist', 'index.html');
const webInputs = Math.max(newestMtime(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs, statSync(join(web, 'vite.config.ts')).mtimeMs);
if (force || !existsSync(webStamp) || statSync(webStamp).mtimeMs < webInputs) {
  console.error('prepare: building the web UI (vite)…');
  run('npm', ['run', 'build', '--workspace', '@faultline/web']);
}

// The web UI's end-to-end tests (node:test + playwright-core) compile to packages/web/dist-e2e.
console.error('prepare: building the web end-to-end tests…');
run('npx', ['tsc', '-p', 'packages/web/tsconfig.e2e.json']);
