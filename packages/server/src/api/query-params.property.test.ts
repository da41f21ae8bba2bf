// Hostile query strings against the read APIs that parse the most (Sentry's search syntax, field
// and function lists, time windows, cursors, per_page): whatever arrives, the answer is a 2xx, or a
// 4xx whose JSON body has a string `detail` — never a 5xx, never a hang. fast-check builds the
// inputs from the parameters and grammar pieces these endpoints read, plus arbitrary text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { apiFetch, post, startTestServer, type TestServer } from '../testing/index.js';
import { QUERY_KEYS as KEYS } from './query-keys.test-support.js';

const ENDPOINTS = [
  'events/',
  'events-stats/',
  'events/validate/',
  'issues/',
  'sessions/',
  'metrics/data/',
  'stats_v2/',
  'tags/',
  'trace-items/attributes/',
  'monitors/',
  'releases/',
];
const PIECES = [
  'count()',
  'count_unique(user)',
  'p95(transaction.duration)',
  'sum(session)',
  'crash_free_rate(user)',
  'nope(',
  'p95(',
  ')',
  'transaction',
  'span.op',
  'errors',
  'spans',
  'transactions',
  'logs',
  'replays',
  'discover',
  'is:unresolved',
  'semver',
  'crash_free_users',
  'release.version:>=1.2',
  'release.build:>',
  'release.package:*',
  'release:"a',
  'user.email:*@*',
  'duration:>3s',
  'level:[error,warning',
  '!has:',
  'timestamp:-24h',
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  '90d',
  '1m',
  '-5h',
  '10000w',
  '2026-13-45T99:99:99',
  '0:100:0',
  ':::',
  '%',
  '\u0000',
  '(((((((((((((',
  'a'.repeat(3_000),
];

describe('read APIs under hostile query strings', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
    const id = 'f'.repeat(32);
    await post(
      server,
      `{"event_id":"${id}"}\n{"type":"event"}\n${JSON.stringify({ event_id: id, message: 'seed', level: 'error', timestamp: Date.now() / 1000 })}\n`,
    );
    await server.app.jobs.worker.drain();
  });
  after(async () => server?.close());

  it('answer 2xx or a 4xx with a detail, never a 5xx', async () => {
    const value = fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')),
    );
    const params = fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), params, async (endpoint, pairs) => {
        const search = new URLSearchParams(pairs);
        const path = `/api/0/organizations/${server.workspace.org}/${endpoint}?${search}`;
        const res = await apiFetch<{ detail?: unknown }>(server.url, path, { as: { token: server.workspace.token } });
        assert.ok(res.status < 500, `${res.status} for ${path}: ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status >= 400) {
          const body = res.body as Record<string, unknown> | null;
          // Sentry's own shape for most errors; a few endpoints name the parameter as the key (as Sentry does).
          const hasMessage = body !== null && typeof body === 'object' && Object.values(body).some((v) => typeof v === 'string' || Array.isArray(v));
          assert.ok(hasMessage, `${res.status} for ${path} says nothing: ${JSON.stringify(body)}`);
        }
      }),
      // FAULTLINE_FUZZ_RUNS raises the count for a long hunt; CI runs the default.
      { numRuns: Number(process.env.FAULTLINE_FUZZ_RUNS ?? 300) },
    );
  });

  it('reads the first of a repeated cursor, per_page or limit (a list of values once answered 500)', async () => {
    for (const endpoint of ENDPOINTS) {
      const path = `/api/0/organizations/${server.workspace.org}/${endpoint}?cursor=&cursor=count()&per_page=5&per_page=x&limit=1&limit=2`;
      const res = await apiFetch<unknown>(server.url, path, { as: { token: server.workspace.token } });
      assert.ok(res.status < 500, `${res.status} for ${path}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  });
});
