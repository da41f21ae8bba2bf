import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The compiled server code that decides which rows an event leaves behind: the wiring, the
// queue and worker, the pipeline, and the domains it writes through (events, issues, outcomes,
// releases: each holds its own tables' repositories) and the store. Those domains' read models
// and routes are compiled with them; the rest of the read API is what the benchmark measures.
const ROW_WRITERS = ['app.js', 'open-store.js', 'jobs', 'processing-thread', 'process', 'events', 'issues', 'outcomes', 'releases', 'store'];
const SCHEMA = ['store/migrations'];

function files(path: string, out: string[]): string[] {
  if (!existsSync(path)) return out;
  if (path.endsWith('.js')) {
    if (!/\.test(-support)?\.js$/.test(path)) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) files(p, out);
    else if (entry.name.endsWith('.js')) files(p, out);
  }
  return out;
}

/** SHA-256 (hex) over the row-writing modules of packages/server/dist. */
export function pipelineFingerprint(serverDist: string): string {
  return fingerprint(serverDist, ROW_WRITERS);
}

/** SHA-256 (hex) over the compiled migrations: the database schema. */
export function schemaFingerprint(serverDist: string): string {
  return fingerprint(serverDist, SCHEMA);
}

function fingerprint(serverDist: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const all = paths.flatMap((p) => files(join(serverDist, p), [])).sort();
  if (all.length === 0) throw new Error(`no compiled server in ${serverDist}: build it first (npx tsc -b packages/server)`);
  for (const f of all) hash.update(relative(serverDist, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}
