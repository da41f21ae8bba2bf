#!/usr/bin/env node
// Writes the reference docs that are generated from code: docs/config.md (the
// config schema, via `faultline config-doc`) and docs/errors.md (the error
// catalogue). packages/server/src/kernel/docs-fresh.test.ts fails when the
// committed files differ from what this writes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(args) {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`docs: "${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

// Incremental, so cheap when nothing changed; the docs must come from the current sources, not a stale dist/.
run(['npx', 'tsc', '-b', 'packages/server']);

const { renderErrorDoc } = await import(new URL('../packages/server/dist/kernel/index.js', import.meta.url).href);
const docs = {
  'config.md': run([process.execPath, 'packages/server/bin/faultline.js', 'config-doc']),
  'errors.md': renderErrorDoc(),
};

mkdirSync(join(root, 'docs'), { recursive: true });
for (const [name, text] of Object.entries(docs)) {
  const file = join(root, 'docs', name);
  let before = null;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // first run: the file does not exist yet
  }
  if (before === text) {
    console.log(`docs: docs/${name} up to date`);
  } else {
    writeFileSync(file, text);
    console.log(`docs: wrote docs/${name}`);
  }
}
