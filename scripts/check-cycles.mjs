#!/usr/bin/env node
// Fails on import cycles among packages/*/src (value imports: those that load code), on
// imports that break the dependency directions of HOUSE-STYLE.md ("Boundaries") as the
// `mayImport` lists below state them for every server folder (ARCHITECTURE.md › Module map
// names the folders), and on those lists forming a circle themselves.
// Resolution is TypeScript's own (each package's tsconfig), so `./x.js` finds
// `./x.ts` exactly as tsc does; workspace packages map to their src/index.ts so
// this works before anything is built. Not dpdm: it resolves @faultline/* into
// node_modules (so cross-package edges vanish), and the boundary rules need our
// own walk over the imports anyway.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const rel = (file) => relative(root, file).split(sep).join('/');

// ---- files and resolution ---------------------------------------------------
const packages = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')) && existsSync(join(root, 'packages', dir, 'src')))
  .map((dir) => {
    const base = join(root, 'packages', dir);
    const { name } = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
    const tsconfig = join(base, 'tsconfig.json');
    const parsed = existsSync(tsconfig)
      ? ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
      : undefined;
    return {
      dir,
      name,
      src: join(base, 'src'),
      options: parsed?.options ?? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
    };
  });

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const files = packages.flatMap((pkg) => walk(pkg.src, []).map((file) => ({ file, pkg })));
const known = new Set(files.map((f) => f.file));

function resolve(spec, from, pkg) {
  for (const other of packages) {
    if (spec === other.name) return join(other.src, 'index.ts');
    if (spec.startsWith(`${other.name}/`)) return null; // no subpath exports exist; tsc would reject one
  }
  const hit = ts.resolveModuleName(spec, from, pkg.options, ts.sys).resolvedModule?.resolvedFileName;
  return hit && known.has(hit) ? hit : null;
}

// ---- imports of one file ----------------------------------------------------
/** { spec, typeOnly } for every import/export-from/dynamic import; plus whether process.env is read. */
function scan(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges = [];
  let readsEnv = false;
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null;
      // `import { type A, type B }` loads nothing that can take part in an evaluation-order cycle.
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      edges.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      edges.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || (named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      edges.push({ spec: node.arguments[0].text, typeOnly: false, dynamic: true });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      edges.push({ spec: node.argument.literal.text, typeOnly: true });
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isIdentifier(node.expression) && node.expression.text === 'process') {
      readsEnv = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { edges, readsEnv };
}

// ---- boundaries -------------------------------------------------------------
/** Where a file sits: package dir, top folder under src ('' for root files), test or not. */
function place(file) {
  const pkg = packages.find((p) => file.startsWith(p.src + sep));
  const inner = relative(pkg.src, file).split(sep);
  const folder = inner.length > 1 ? inner[0] : '';
  const isTestFile = /\.test\.tsx?$|\.test-support\.ts$/.test(file);
  const isTest = isTestFile || (pkg.dir === 'server' && folder === 'testing');
  return { pkg: pkg.dir, folder, name: inner.join('/'), isTest, isTestFile };
}

const ioModules = new Set([
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'dgram',
  'dns',
  'tls',
  'cluster',
  'readline',
]);
const domainOf = (p) => (p.pkg === 'server' ? p.folder : null);

// What each server folder may import (this table is the rule): every folder is listed, and
// these lists form a DAG (checked below), so folders cannot import each other in a circle.
// '' is the root files: main.ts, app.ts (the wiring) and open-store.ts (every domain's
// repositories into the Store); they compose everything and are left out of the DAG (cli/ and
// processing-thread/ open the store through open-store.ts).
// Domains import store/, kernel/, http/ (the routes' kit) and auth/ (who is calling, may they);
// another domain only where the dependency is genuine, named here.
const mayImport = {
  kernel: [],
  config: ['kernel'],
  store: ['kernel', 'config'],
  http: ['kernel'],
  auth: ['kernel', 'config', 'store', 'http'],
  events: ['kernel', 'config', 'store', 'http'],
  outcomes: ['kernel', 'config', 'store', 'http', 'auth'],
  // issues read events (an issue's events, search by event id) and a transaction event's spans
  issues: ['kernel', 'config', 'store', 'http', 'auth', 'events', 'performance'],
  // the release list's query reuses the issue search's tokenizer
  releases: ['kernel', 'config', 'store', 'http', 'auth', 'issues'],
  // release files and bundles belong to a release
  artifacts: ['kernel', 'config', 'store', 'http', 'auth', 'releases'],
  // alerting evaluates issues and events (metric alerts over the issue search)
  alert: ['kernel', 'config', 'store', 'http', 'auth', 'events', 'issues', 'jobs'],
  // a new project gets Sentry's default alert rule; settings are validated with the readers' rules (handed in)
  organizations: ['kernel', 'config', 'store', 'http', 'auth', 'alert', 'jobs', 'process'],
  // teams own projects
  members: ['kernel', 'config', 'store', 'http', 'auth', 'organizations'],
  ingest: ['kernel', 'config', 'store', 'auth', 'jobs', 'outcomes'],
  // The queue, the worker and the one scheduler: sweeps owned by other folders are registered by app.ts.
  jobs: ['kernel', 'config', 'store', 'events', 'issues', 'outcomes'],
  // the pipeline writes events, issues, outcomes and spans, and reads artifacts (source maps)
  process: [
    'kernel',
    'config',
    'store',
    'jobs',
    'outcomes',
    'events',
    'issues',
    'artifacts',
    'performance',
    'sessions',
    'monitors',
    'feedback',
    'replays',
    'logs',
  ],
  // api/ registers its routes and passes in who may read which projects.
  performance: ['kernel', 'config', 'store'],
  // release health; durations use performance's DDSketch; api/ passes in the caller's projects
  sessions: ['kernel', 'config', 'store', 'http', 'performance'],
  // crons: monitors, check-ins, incidents and their rules; the pipeline's check-in stage calls in;
  // its routes check scopes (auth) and read time windows as performance's API does
  monitors: ['kernel', 'config', 'store', 'http', 'auth', 'performance'],
  // user feedback: reports, feedback attachments, the dialog; a report shows its event's user and issue
  feedback: ['kernel', 'config', 'store', 'http', 'auth', 'events', 'issues'],
  // session replay: replays, segments, error links; the pipeline's replay stage calls in; its routes
  // check scopes (auth), read time windows as performance's API does and reuse the issue search tokenizer
  replays: ['kernel', 'config', 'store', 'http', 'auth', 'performance', 'issues'],
  // logs: the log stream; answers the events routes' logs dataset with performance's query parsers
  logs: ['kernel', 'config', 'store', 'http', 'performance'],
  // api/index.ts registers every domain's routes and hands them the pipeline's rules; its own few routes use http/'s kit
  api: [
    'kernel',
    'config',
    'store',
    'http',
    'auth',
    'organizations',
    'members',
    'issues',
    'releases',
    'artifacts',
    'alert',
    'outcomes',
    'performance',
    'sessions',
    'monitors',
    'feedback',
    'replays',
    'logs',
    'process',
    'jobs',
  ],
  // A composition root for the thread's side: domains hand process/'s createProcessing what it may not import.
  'processing-thread': ['', 'kernel', 'config', 'store', 'jobs', 'process', 'releases', 'artifacts'],
  cli: ['', 'kernel', 'config', 'store', 'auth', 'organizations', 'members'],
  testing: ['', 'kernel', 'config', 'store', 'cli', 'auth', 'organizations', 'members', 'artifacts', 'releases'],
};

// Type-only imports load nothing, so they may also point back up the DAG where a lower folder
// names a higher one's record types: auth decides access to organizations and projects by
// role; issues and releases name each other's shapes ("resolved in next release").
const mayImportTypes = {
  auth: ['organizations', 'members'],
  issues: ['organizations', 'releases'],
  releases: ['organizations', 'issues'],
  artifacts: ['organizations'],
  organizations: ['members'],
};

/** Each rule returns a reason when the import of `spec` from `a` to `b` (places; b is null outside our sources) breaks it. */
const rules = [
  ({ a, b }) => b?.pkg === 'web' && a.pkg !== 'web' && 'nothing imports packages/web',
  ({ a, spec }) => a.pkg === 'protocol' && !a.isTest && ioModules.has(spec.replace(/^node:/, '')) && 'protocol is pure: no I/O modules',
  ({ a, b }) => a.pkg === 'protocol' && b && b.pkg !== 'protocol' && 'protocol depends on no other workspace package',
  ({ a, b, typeOnly }) => {
    // Tests may reach across (a kernel test renders config docs); cycles are still checked for them.
    const allowed = a.isTestFile ? null : mayImport[domainOf(a)];
    const types = typeOnly ? (mayImportTypes[domainOf(a)] ?? []) : [];
    return (
      b?.pkg === 'server' &&
      allowed &&
      b.folder !== a.folder &&
      !allowed.includes(b.folder) &&
      !types.includes(b.folder) &&
      `${a.folder || 'the root'}/ may import ${allowed.length > 0 ? `only ${allowed.map((f) => `${f || 'root'}/`).join(', ')}` : 'no other folder'} of the server${typeOnly && types.length > 0 ? ` (types also from ${types.map((f) => `${f}/`).join(', ')})` : ''}`
    );
  },
  ({ a, b }) => a.pkg === 'server' && !a.isTest && b?.pkg === 'server' && b.folder === 'testing' && 'production code does not import testing/',
  ({ a, b }) =>
    a.pkg === 'server' &&
    a.folder !== 'cli' &&
    b?.pkg === 'server' &&
    b.folder === 'cli' &&
    a.name !== 'main.ts' &&
    !a.isTest &&
    'cli/ is an entry point: only main.ts imports it',
  ({ b }) => b?.pkg === 'server' && b.name === 'main.ts' && 'nothing imports main.ts',
  ({ a, b }) => b?.pkg === 'server' && b.name === 'app.ts' && !['cli', 'testing'].includes(a.folder) && !a.isTest && 'only cli/ and testing/ build the app',
  ({ a, b }) =>
    a.pkg === 'server' &&
    b?.pkg === 'server' &&
    b.folder !== '' &&
    b.folder !== a.folder &&
    b.name !== `${b.folder}/index.ts` &&
    // Tests may share fixtures (`*.test-support.ts`) across folders; production code may not.
    !(a.isTest && /\.test-support\.ts$/.test(b.name)) &&
    existsSync(join(root, 'packages/server/src', b.folder, 'index.ts')) &&
    `${b.folder}/ is used through its index.ts`,
];

// Debts the lead has accepted, each with the way out. Delete a line when it is paid.
// Form: ['packages/server/src/a/x.ts -> packages/server/src/b/y.ts', 'why, and what fixes it'].
const exceptions = new Map([]);

// ---- run --------------------------------------------------------------------
const graph = new Map(); // value imports only
const problems = [];
const serverSrc = packages.find((p) => p.dir === 'server')?.src;
if (serverSrc) {
  for (const entry of readdirSync(serverSrc, { withFileTypes: true })) {
    if (entry.isDirectory() && !(entry.name in mayImport)) problems.push(`packages/server/src/${entry.name}/: no mayImport entry (state what it may import)`);
  }
}
// The folder lists themselves must not form a circle (the root files compose everything and stay out).
{
  const state = new Map();
  const visitFolder = (folder, path) => {
    if (state.get(folder) === 'done') return;
    if (state.get(folder) === 'open') {
      problems.push(`mayImport lists a circle: ${[...path.slice(path.indexOf(folder)), folder].join(' -> ')}`);
      return;
    }
    state.set(folder, 'open');
    for (const next of mayImport[folder] ?? []) if (next !== '') visitFolder(next, [...path, folder]);
    state.set(folder, 'done');
  };
  for (const folder of Object.keys(mayImport)) visitFolder(folder, []);
}
const notes = [];
for (const { file, pkg } of files) {
  const { edges, readsEnv } = scan(file);
  const a = place(file);
  const envAllowed = a.pkg === 'server' ? a.folder === 'config' || a.name === 'main.ts' || a.isTest : a.pkg !== 'protocol';
  if (readsEnv && !envAllowed) {
    problems.push(`${rel(file)}: reads process.env (only config/ does; main.ts hands it over)`);
  }
  const out = [];
  for (const edge of edges) {
    const target = resolve(edge.spec, file, pkg);
    if (target && !edge.typeOnly) out.push(target);
    const b = target ? place(target) : null;
    for (const rule of rules) {
      const reason = rule({ a, b, spec: edge.spec, typeOnly: edge.typeOnly });
      if (!reason) continue;
      const key = `${rel(file)} -> ${target ? rel(target) : edge.spec}`;
      if (exceptions.has(key)) notes.push(`${key} (allowed for now: ${exceptions.get(key)})`);
      else problems.push(`${key}: ${reason}`);
    }
  }
  graph.set(file, out);
}

// Tarjan's strongly connected components: each component of more than one file (or a self-import) holds a cycle.
function components() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const connect = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc);
  };
  for (const v of graph.keys()) if (!idx.has(v)) connect(v);
  return found;
}

/** One concrete loop through the component, shortest first, for a readable message. */
function loopThrough(scc) {
  const members = new Set(scc);
  const start = [...scc].sort()[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc;
}

const cycles = components().map((scc) => `import cycle (${scc.length} files): ${loopThrough(scc).map(rel).join(' -> ')}`);
for (const n of notes) console.error(`check-cycles: note: ${n}`);
for (const p of [...cycles, ...problems]) console.error(`check-cycles: ${p}`);
if (cycles.length + problems.length > 0) {
  console.error(`check-cycles: ${cycles.length} cycle(s), ${problems.length} boundary problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`check-cycles: ${files.length} files, no import cycles, boundaries respected`);
