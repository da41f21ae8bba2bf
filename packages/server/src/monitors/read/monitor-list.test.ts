import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MonitorView } from './monitor-json.js';
import { parseListRequest, parseQuery, selectMonitors } from './monitor-list.js';

const monitor = (slug: string, name: string, envs: [string, 'active' | 'ok' | 'error'][], extra: Partial<MonitorView> = {}): MonitorView => ({
  guid: slug.padEnd(32, '0').slice(0, 32),
  slug,
  name,
  status: 'active',
  isMuted: false,
  createdAt: 0,
  config: {},
  owner: null,
  project: { id: 1, slug: 'web', name: 'web', platform: null, createdAt: 0 },
  environments: envs.map(([n, status]) => ({
    name: n,
    status,
    isMuted: false,
    createdAt: 0,
    lastCheckIn: null,
    nextCheckIn: null,
    nextCheckInLatest: null,
    activeIncident: null,
  })),
  ...extra,
});

const ALL = [
  monitor('billing', 'Billing Sync', [['production', 'ok']]),
  monitor('cleanup', 'Cleanup', [['production', 'error']]),
  monitor('reports', 'Nightly Reports', [], { isMuted: true }),
  monitor('archive', 'Archive', [['staging', 'active']], { status: 'disabled' }),
];
const slugs = (q: Record<string, string | string[]>) => selectMonitors(ALL, parseListRequest(q)).map((m) => m.slug);

describe('the monitor list query (Sentry crons list filters)', () => {
  it('splits tokens on spaces, keeps quoted spaces, reads negation and [a,b] lists', () => {
    assert.deepEqual(parseQuery('name:"nightly reports" !status:[ok,error] sync'), [
      { key: 'name', values: ['nightly reports'], negated: false },
      { key: 'status', values: ['ok', 'error'], negated: true },
      { key: 'text', values: ['sync'], negated: false },
    ]);
    assert.deepEqual(parseQuery('unknown:key'), [{ key: 'text', values: ['unknown:key'], negated: false }], 'an unknown key is free text');
  });

  it('refuses unknown statuses and types, empty values and huge queries', () => {
    for (const bad of ['status:sleepy', 'type:uptime', 'status:', 'x'.repeat(501)]) assert.throws(() => parseQuery(bad), /query/, bad);
  });

  it('filters by free text, status (object or environment) and its negation', () => {
    assert.deepEqual(slugs({ query: 'sync' }), ['billing']);
    assert.deepEqual(slugs({ query: 'status:error' }), ['cleanup']);
    assert.deepEqual(slugs({ query: 'status:disabled' }), ['archive']);
    assert.deepEqual(slugs({ query: '!status:[ok,error] !status:disabled' }), ['reports']);
    assert.deepEqual(slugs({ query: `id:${ALL[1]?.guid}` }), ['cleanup']);
  });

  it('orders by status (failing, ok, new, disabled; muted last) or name, either way', () => {
    assert.deepEqual(slugs({}), ['cleanup', 'billing', 'archive', 'reports']);
    assert.deepEqual(slugs({ sort: 'name' }), ['archive', 'billing', 'cleanup', 'reports']);
    assert.deepEqual(slugs({ sort: 'name', asc: '0' }), ['reports', 'cleanup', 'billing', 'archive']);
    assert.deepEqual(slugs({ sort: 'muted' }), ['archive', 'billing', 'cleanup', 'reports']);
  });

  it('environment filters monitors and their environments; includeNew keeps those that never checked in', () => {
    const picked = selectMonitors(ALL, parseListRequest({ environment: 'production' }));
    assert.deepEqual(
      picked.map((m) => [m.slug, m.environments.map((e) => e.name)]),
      [
        ['cleanup', ['production']],
        ['billing', ['production']],
      ],
    );
    assert.deepEqual(slugs({ environment: 'production', includeNew: '1' }), ['cleanup', 'billing', 'reports']);
  });

  it('refuses a bad sort, asc or owner', () => {
    assert.throws(() => parseListRequest({ sort: 'colour' }), /sort/);
    assert.throws(() => parseListRequest({ asc: 'yes' }), /asc/);
    assert.throws(() => parseListRequest({ owner: 'everyone' }), /owner/);
  });
});
