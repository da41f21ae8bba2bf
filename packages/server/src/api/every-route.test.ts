// Every route of /api/0/, as the server registered it: GETs with repeated parameters (a list
// where a route reads one value) and hostile values, writes (POST, PUT, then DELETE) with bodies
// of every wrong shape, answer a 2xx or a 4xx with a message, never a 5xx. A list of cursors once
// made the release list throw; this walks the route table itself, so a route added later is
// covered without being named here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { post, startTestServer, type TestServer } from '../testing/index.js';
import { QUERY_KEYS } from './query-keys.test-support.js';

// The read APIs' parameters, and a few only some routes take (downloads, ids, flags).
const KEYS = [...QUERY_KEYS, 'status', 'download', 'full', 'key', 'returnIds', 'item_type', 'trace_id'];
const VALUES = ['', 'x', '-1', '0', '99999999999999999999', '[', 'is:unresolved', 'count()', '1h', '2026-13-45', '0:100:0', ':::', '%', 'a'.repeat(3000)];

/** Full paths of the routes under /api/0/ that answer `method`, from Fastify's route tree (`printRoutes`). */
function routesOf(tree: string, method: string): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const m = /^(\S+) \(([^)]*)\)/.exec(line.slice(at + 3));
    if (!m) continue;
    const depth = Math.round(at / 4);
    stack.length = depth;
    // `/:monitorSlug|:slug` lists one parameter's names: keep the first.
    stack[depth] = (m[1] as string).replace(/\|[^/]*/g, '');
    const full = stack.join('');
    if (full.startsWith('/api/0') && (m[2] as string).split(', ').includes(method)) routes.add(full.endsWith('/') ? full : `${full}/`);
  }
  return [...routes];
}

const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
/** Bodies of the wrong shape: not objects, truncated, huge, deep, and fields of the wrong types. */
const BODIES = [
  'null',
  '[]',
  '"x"',
  '7',
  '{}',
  '{"a":',
  JSON.stringify({ name: 'a'.repeat(100_000) }),
  JSON.stringify(deep(200)),
  JSON.stringify({ name: 1, slug: [], status: {}, query: null, projects: 'x', version: 5, config: 'x', teams: 5, email: {}, role: [] }),
  JSON.stringify({ status: 'resolved', statusDetails: { inRelease: {} }, triggers: [{}], actions: 'x', conditions: [null], filters: 7 }),
];

describe('every route under hostile parameters and bodies', () => {
  let server: TestServer;
  let values: Record<string, string>;
  before(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
    const id = 'e'.repeat(32);
    const event = { event_id: id, message: 'seed', level: 'error', release: 'app@1.0.0', timestamp: Date.now() / 1000 };
    await post(server, `{"event_id":"${id}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`);
    await server.app.jobs.worker.drain();
    const issue = await server.store.db.selectFrom('issues').select('id').executeTakeFirstOrThrow();
    const w = server.workspace;
    values = { org: w.org, project: w.project, issueId: String(issue.id), id: String(issue.id), eventId: id, version: 'app@1.0.0' };
  });
  after(async () => server?.close());

  const pathOf = (route: string) => route.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x')).replace('*', 'x');

  it('answers each GET with repeated, hostile parameters with a 2xx or a 4xx that says why', async () => {
    const routes = routesOf(server.app.server.printRoutes({ commonPrefix: false }), 'GET');
    assert.ok(routes.length > 100, `found only ${routes.length} GET routes`);
    const failures: string[] = [];
    for (const [r, route] of routes.entries()) {
      const path = pathOf(route);
      // Four requests per route, each repeating four keys with two values; the keys rotate so every key meets every route family.
      for (let i = 0; i < 4; i++) {
        const params = new URLSearchParams();
        for (let k = 0; k < 4; k++) {
          const key = KEYS[(r * 7 + i * 4 + k) % KEYS.length] as string;
          params.append(key, VALUES[(r + i + k) % VALUES.length] as string);
          params.append(key, VALUES[(r * 3 + i * 5 + k + 1) % VALUES.length] as string);
        }
        const res = await fetch(`${server.url}${path}?${params}`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${res.status} ${path}?${params.toString().slice(0, 160)}: ${text.slice(0, 160)}`);
        else if (res.status >= 400 && res.headers.get('content-type')?.includes('json') && !/"(detail|[a-zA-Z_]+)":/.test(text)) {
          failures.push(`${res.status} ${path} says nothing: ${text.slice(0, 160)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('answers each write with a body of the wrong shape with a 2xx or a 4xx, never a 5xx (deletes last)', async () => {
    const tree = server.app.server.printRoutes({ commonPrefix: false });
    const writes = [
      ...routesOf(tree, 'POST').map((r) => ['POST', r] as const),
      ...routesOf(tree, 'PUT').map((r) => ['PUT', r] as const),
      ...routesOf(tree, 'DELETE').map((r) => ['DELETE', r] as const),
    ];
    assert.ok(writes.length > 60, `found only ${writes.length} write routes`);
    const failures: string[] = [];
    for (const [method, route] of writes) {
      for (const body of method === 'DELETE' ? ['{}'] : BODIES) {
        const res = await fetch(`${server.url}${pathOf(route)}`, {
          method,
          body,
          headers: { authorization: `Bearer ${server.workspace.token}`, 'content-type': 'application/json' },
        });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${res.status} ${method} ${route} ${body.slice(0, 60)}: ${text.slice(0, 160)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
