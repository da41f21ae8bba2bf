import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEvent } from './index.js';
import { CLIENT_IP, capturedEvent, loadCapturedEvents, normalizeCaptured, normalizeCapturedWithNotes, payloadCopy } from './sdk-events.test-support.js';

const SDK_DIRS = ['sentry-node-8.55.2', 'sentry-node-11.12.0', 'sentry-browser-11.12.0', 'sentry-python-1.9.10', 'sentry-cli-2.58.6', 'sentry-cli-3.8.0'];

/** [capture, type, level, title, culprit] for one event per interesting shape. */
const EXPECTED: readonly [string, NormalizedEvent['type'], NormalizedEvent['level'], string, string][] = [
  ['sentry-node-8.55.2/002-errors--envelope-event.txt', 'default', 'warning', 'Payment provider returned 503', ''],
  ['sentry-node-8.55.2/006-errors--envelope-event.txt', 'error', 'error', 'TypeError: Cannot read items of order 7', 'processOrder(scenario)'],
  ['sentry-node-8.55.2/012-express--envelope-event.txt', 'error', 'error', 'Error: user lookup failed for 17', '?(scenario)'],
  ['sentry-node-8.55.2/029-crash--envelope-event.txt', 'error', 'fatal', 'RangeError: fatal crash in timer', 'Timeout._onTimeout(scenario)'],
  ['sentry-node-8.55.2/010-express--envelope-transaction.txt', 'transaction', 'info', 'GET /users/:id', 'GET /users/:id'],
  ['sentry-node-11.12.0/003-errors--envelope-event.txt', 'error', 'warning', 'Payment provider returned 503', ''],
  ['sentry-node-11.12.0/006-express--envelope-event.txt', 'error', 'error', 'Error: user lookup failed for 17', '?(scenario)'],
  ['sentry-node-11.12.0/011-express-static--envelope-transaction.txt', 'transaction', 'info', 'GET /users/:id', 'GET /users/:id'],
  [
    'sentry-browser-11.12.0/004-default--envelope-event.txt',
    'error',
    'error',
    "TypeError: Cannot read properties of undefined (reading 'length')",
    'kR(http://localhost:8080/dist/bundle.min.js)',
  ],
  ['sentry-browser-11.12.0/005-default--envelope-event.txt', 'error', 'info', 'Hello from the browser', '/'],
  ['sentry-browser-11.12.0/016-tunnel-static--tunnel-envelope-transaction.txt', 'transaction', 'info', '/', '/'],
  ['sentry-python-1.9.10/001-errors--store.txt', 'error', 'error', "KeyError: 'items'", '__main__ in process_order'],
  ['sentry-python-1.9.10/002-errors--store.txt', 'default', 'warning', 'Payment provider returned 503', ''],
  ['sentry-python-1.9.10/008-wsgi--store.txt', 'error', 'error', 'ValueError: boom in request', '__main__ in app'],
  ['sentry-python-1.9.10/006-wsgi--envelope-transaction.txt', 'transaction', 'info', 'generic WSGI request', 'generic WSGI request'],
  ['sentry-cli-2.58.6/015-send-event--envelope-event.txt', 'default', 'error', 'Hello from sentry-cli', ''],
  ['sentry-cli-3.8.0/015-send-event--envelope-event.txt', 'default', 'error', 'Hello from sentry-cli', ''],
];

describe('normalizeEvent on real SDK captures', () => {
  it('has captures from every SDK', () => {
    const dirs = new Set(loadCapturedEvents().map((c) => c.name.split('/')[0]));
    for (const dir of SDK_DIRS) assert.ok(dirs.has(dir), `no captures for ${dir}`);
  });

  it('normalizes every captured event and transaction without notes except for oversized data', () => {
    const all = loadCapturedEvents();
    assert.ok(all.length >= 45, `only ${all.length} captured events`);
    for (const capture of all) {
      const { event, notes } = normalizeCapturedWithNotes(capture.name);
      if (!capture.name.includes('big-gzip')) assert.deepEqual(notes, [], capture.name);
      assert.match(event.event_id, /^[0-9a-f]{32}$/, capture.name);
      assert.equal(event.event_id, String(capture.payload.event_id).replaceAll('-', ''), capture.name);
      assert.equal(event.type === 'transaction', capture.itemType === 'transaction', capture.name);
      assert.equal(event.release, 'myapp@1.2.3', capture.name);
      assert.equal(event.environment, 'production', capture.name);
      assert.ok(event.title.length > 0 && event.title !== '<unknown>', capture.name);
      assert.ok(Math.abs(event.timestamp * 1000 - capture.receivedAt) < 60_000, `${capture.name}: timestamp kept`);
      assert.deepEqual(JSON.parse(JSON.stringify(event)), event, `${capture.name}: plain JSON`);
    }
  });

  for (const [name, type, level, title, culprit] of EXPECTED) {
    it(`${name}: ${type} "${title}"`, () => {
      const event = normalizeCaptured(name);
      assert.deepEqual([event.type, event.level, event.title, event.culprit], [type, level, title, culprit]);
    });
  }

  it('node 8: message string → logentry, {{auto}} → client IP, tags/contexts/breadcrumbs kept', () => {
    const event = normalizeCaptured('sentry-node-8.55.2/002-errors--envelope-event.txt');
    assert.deepEqual(event.logentry, { formatted: 'Payment provider returned 503' });
    assert.deepEqual(event.user, { id: '42', email: 'jane@example.com', username: 'jane', ip_address: CLIENT_IP });
    assert.deepEqual(event.tags, [['feature', 'checkout']]);
    assert.deepEqual(event.extra, { cart_items: 3 });
    assert.equal(event.contexts?.os?.version, '12.11', 'stray newline trimmed');
    assert.deepEqual(event.contexts?.order, { id: 'ord_1', total: 12.5, type: 'order' });
    assert.equal(event.contexts?.runtime?.type, 'runtime');
    assert.deepEqual(event.breadcrumbs?.values[1], {
      type: 'http',
      timestamp: 1795275023.381,
      category: 'http',
      data: { method: 'GET', url: 'http://example.com/api', status_code: 200 },
    });
    assert.equal(event.breadcrumbs?.values[0]?.type, 'default');
    assert.equal(event.server_name, 'web-1');
    assert.equal(event.modules?.semver, '7.8.6');
  });

  it('node 11 synthetic message exception: no metadata type, no culprit, message title', () => {
    const event = normalizeCaptured('sentry-node-11.12.0/003-errors--envelope-event.txt');
    assert.equal(event.exception?.values[0]?.mechanism?.synthetic, true);
    assert.deepEqual(event.metadata, { value: 'Payment provider returned 503', filename: '/app/scenario.js', function: 'main' });
    assert.equal(event.logentry?.formatted, 'Payment provider returned 503');
  });

  it('node express error: query moved out of the URL, cookies and headers as canonical pairs', () => {
    const event = normalizeCaptured('sentry-node-8.55.2/012-express--envelope-event.txt');
    const req = event.request;
    assert.equal(req?.url, 'http://127.0.0.1:43019/users/17');
    assert.equal(req?.method, 'GET');
    assert.deepEqual(req?.query_string, [['verbose', '1']]);
    assert.deepEqual(req?.cookies, [['sid', 'abc']]);
    assert.deepEqual(
      req?.headers?.map(([name]) => name),
      ['User-Agent', 'Cookie', 'Sentry-Trace', 'Baggage', 'Host', 'Connection'],
    );
    assert.equal(event.transaction, 'GET /users/:id');
    assert.deepEqual(event.exception?.values[0]?.mechanism, { type: 'middleware', handled: false });
    const frames = event.exception?.values[0]?.stacktrace?.frames ?? [];
    assert.equal(frames.length, 10);
    assert.equal(frames.at(-1)?.in_app, true);
    assert.equal(frames.filter((f) => f.in_app).length, 1);
    assert.equal(frames[0]?.pre_context?.length, 7);
  });

  it('node 11 keeps an SDK-filtered cookie and a real (IPv4-mapped) user IP as sent', () => {
    const event = normalizeCaptured('sentry-node-11.12.0/006-express--envelope-event.txt');
    assert.deepEqual(event.request?.cookies, [['sid', '[Filtered]']]);
    assert.equal(event.user?.ip_address, '::ffff:127.0.0.1');
  });

  it('browser: UA-derived browser/os contexts, inferred IP (infer_ip auto), debug_meta kept', () => {
    const event = normalizeCaptured('sentry-browser-11.12.0/004-default--envelope-event.txt');
    assert.deepEqual(event.contexts?.browser, { type: 'browser', name: 'Chrome Headless', version: '156.0.0.0' });
    assert.deepEqual(event.contexts?.os, { type: 'os', name: 'Linux' });
    assert.deepEqual(event.user, { id: '42', email: 'jane@example.com', ip_address: CLIENT_IP });
    assert.equal(event.dist, 'web');
    assert.deepEqual(event.debug_meta, capturedEvent('sentry-browser-11.12.0/004-default--envelope-event.txt').payload.debug_meta);
    assert.deepEqual(event.metadata, {
      type: 'TypeError',
      value: "Cannot read properties of undefined (reading 'length')",
      filename: 'http://localhost:8080/dist/bundle.min.js',
      function: 'kR',
    });
    assert.deepEqual(event.tags, [['replayId', '99c65bb420fc4ed7a5b59c3915a4df7f']]);
  });

  it('python: RFC 3339 timestamps, {values} breadcrumbs, vars and _meta kept', () => {
    const event = normalizeCaptured('sentry-python-1.9.10/001-errors--store.txt');
    assertNear(event.timestamp, Date.parse('2026-11-21T15:32:51.606Z') / 1000 + 0.000552);
    assert.equal(event.breadcrumbs?.values.length, 1);
    assertNear(event.breadcrumbs?.values[0]?.timestamp, Date.parse('2026-11-21T15:32:51.606Z') / 1000 + 0.000382);
    const frames = event.exception?.values[0]?.stacktrace?.frames ?? [];
    assert.deepEqual(frames[1]?.vars, { order: { id: '7' } });
    assert.equal(frames[1]?.abs_path, '/app/scenario.py');
    assert.deepEqual(event.metadata, { value: "'items'", type: 'KeyError', filename: 'scenario.py', function: 'process_order' });
    assert.ok(event._meta !== undefined);
    assert.equal(event.exception?.values[0]?.mechanism, undefined, 'null mechanism is absent');
  });

  it('python transaction: ISO start/end timestamps become ordered floats', () => {
    const event = normalizeCaptured('sentry-python-1.9.10/006-wsgi--envelope-transaction.txt');
    assertNear(event.start_timestamp, Date.parse('2026-11-21T15:32:55.454Z') / 1000 + 0.000356);
    assert.ok((event.start_timestamp ?? Infinity) <= event.timestamp);
    assert.deepEqual(event.spans, []);
    assert.deepEqual(event.tags, [['http.status_code', '200']]);
    assert.equal(event.contexts?.trace?.op, 'http.server');
  });

  it('transactions keep spans and measurements', () => {
    const node = normalizeCaptured('sentry-node-11.12.0/011-express-static--envelope-transaction.txt');
    assert.equal(node.spans?.length, 3);
    assert.equal(node.spans?.[2]?.status, 'internal_error');
    assert.equal(node.spans?.[2]?.start_timestamp, 1795275046.5994105);
    assert.deepEqual(node.transaction_info, { source: 'route' });
    const browser = normalizeCaptured('sentry-browser-11.12.0/016-tunnel-static--tunnel-envelope-transaction.txt');
    assert.equal(browser.measurements?.lcp?.unit, 'millisecond');
    assert.equal(typeof browser.measurements?.lcp?.value, 'number');
  });

  it('sentry-cli: logentry.message, native platform, hyphenated header id, contexts with explicit types', () => {
    const event = normalizeCaptured('sentry-cli-2.58.6/015-send-event--envelope-event.txt');
    assert.equal(event.event_id, 'e43be00041064ef4987f9131863c9b58');
    assert.equal(event.platform, 'native');
    assert.deepEqual(event.logentry, { formatted: 'Hello from sentry-cli' });
    assert.equal(event.contexts?.rust?.type, 'runtime');
    assert.deepEqual(event.user, { username: 'root', ip_address: CLIENT_IP });
    assert.deepEqual(event.extra, capturedEvent('sentry-cli-2.58.6/015-send-event--envelope-event.txt').payload.extra);
    assert.deepEqual(event.tags, [['env', 'ci']]);
  });

  it('big extra values are cut with a processing note', () => {
    const { event, notes } = normalizeCapturedWithNotes('sentry-node-8.55.2/032-big-gzip--envelope-event.txt');
    assert.deepEqual(notes, [{ type: 'trimmed', path: 'extra', detail: '1 string(s) cut to 8192 characters' }]);
    const blob = event.extra?.blob;
    assert.equal(typeof blob, 'string');
    assert.equal((blob as string).length, 8192);
    assert.ok((blob as string).endsWith('...'));
  });

  it('never shares structure with the raw payload', () => {
    for (const capture of loadCapturedEvents()) {
      const raw = payloadCopy(capture.name);
      const event = normalizeCaptured(capture.name, raw);
      const before = JSON.stringify(event);
      scribble(raw);
      assert.equal(JSON.stringify(event), before, capture.name);
    }
  });
});

function assertNear(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-6, `${actual} ≉ ${expected}`);
}

/** Overwrites every string and number inside a value, in place. */
function scribble(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'object' && value[i] !== null) scribble(value[i]);
      else value[i] = 'x';
    }
  } else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (typeof obj[key] === 'object' && obj[key] !== null) scribble(obj[key]);
      else obj[key] = 'x';
    }
  }
}
