// Table-driven grouping semantics: each case is a list of events and the issues they must end
// up in ('AAB' = first two together, third apart), through the issue lookup of index.ts.
// Events come from real SDK captures (test-fixtures/) and are varied the way code changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeGrouping, type GroupingResult } from './compute-grouping.js';
import {
  assignIssues,
  browser,
  cli2,
  error,
  frame,
  mapFrames,
  message,
  node8,
  node11,
  partitionShape,
  python,
  shiftLines,
  withFrames,
  withMain,
  withTopFrame,
  withValue,
} from './grouping-fixtures.test-support.js';
import type { GroupingEvent, GroupingException, GroupingFrame } from './grouping-input.js';
import { compileGroupingRules, type GroupingRulesText, NO_GROUPING_RULES } from './grouping-rules.js';

const N8 = node8('006-errors--envelope-event.txt'); // TypeError thrown in processOrder()
// The throw line of N8, as captured: `if (!order.items) throw new TypeError(…${order.id}…);`
const THROW_LINE = N8.exception?.values?.at(-1)?.stacktrace?.frames?.at(-1)?.context_line ?? '';
const N11 = node11('004-errors--envelope-event.txt');
const N8_MSG = node8('002-errors--envelope-event.txt'); // captureMessage('Payment provider returned 503')
const N11_MSG = node11('003-errors--envelope-event.txt'); // same call, synthetic exception + stack
const N8_INFO = node8('004-errors--envelope-event.txt');
const N11_INFO = node11('005-errors--envelope-event.txt');
const N8_FP = node8('008-errors--envelope-event.txt'); // fingerprint ['{{ default }}', 'tenant-a']
const N11_FP = node11('002-errors--envelope-event.txt');
const N8_EXPRESS = node8('012-express--envelope-event.txt');
const N11_EXPRESS = node11('006-express--envelope-event.txt');
const N8_CRASH = node8('029-crash--envelope-event.txt');
const N11_CRASH = node11('032-crash--envelope-event.txt');
const BROWSER_ERR = browser('004-default--envelope-event.txt'); // minified bundle, no source maps
const PY_ERR = python('001-errors--store.txt'); // KeyError in process_order()
const PY_MSG = python('002-errors--store.txt');
const PY_WSGI = python('008-wsgi--store.txt');

const fn = (module: string, name: string, context: string, extra: Partial<GroupingFrame> = {}): GroupingFrame =>
  frame({ filename: `/app/${module}.js`, module, function: name, context_line: context, lineno: 10, colno: 5, ...extra });
const exc = (type: string, value: string, frames: readonly GroupingFrame[], extra: Partial<GroupingException> = {}): GroupingException => ({
  type,
  value,
  stacktrace: { frames },
  ...extra,
});
const chain = (...values: GroupingException[]): GroupingEvent => ({ platform: 'node', exception: { values } });
const withFingerprint = (e: GroupingEvent, fingerprint: GroupingEvent['fingerprint']): GroupingEvent => ({ ...e, fingerprint });
const sourceMapped = (name: string): GroupingFrame =>
  frame({
    filename: 'webpack:///src/cart.js',
    abs_path: 'webpack:///src/cart.js',
    function: name,
    context_line: '  return items.length;',
    lineno: 12,
    colno: 10,
    data: { sourcemap: 'http://localhost:8080/dist/bundle.min.js.map' },
  });

const DB = exc('TypeError', "Cannot read properties of undefined (reading 'query')", [fn('db', 'runQuery', 'return conn.query(sql);')]);
const MAIN = fn('server', 'handle', 'await saveOrder(order);');

interface Case {
  readonly name: string;
  readonly events: readonly GroupingEvent[];
  readonly expect: string;
  readonly rules?: GroupingRulesText;
  readonly check?: (results: readonly GroupingResult[]) => void;
}

const cases: readonly Case[] = [
  // ---- JavaScript / Node, default algorithm
  {
    name: 'same throw site, different messages → one issue',
    events: [N8, withValue(N8, 'Cannot read items of order 8'), withValue(N8, 'something else entirely')],
    expect: 'AAA',
  },
  { name: 'same error after every line shifted → one issue', events: [N8, shiftLines(N8, 12)], expect: 'AA' },
  { name: 'same throw site sent by @sentry/node 8 and 11 → one issue', events: [N8, N11], expect: 'AA' },
  {
    name: 'same captureMessage from node 8 (message only) and node 11 (synthetic exception + stack) → one issue',
    events: [N8_MSG, N11_MSG],
    expect: 'AA',
    check: (r) =>
      assert.deepEqual(
        r.map((x) => x.strategy),
        ['message', 'message'],
      ),
  },
  { name: 'node 8/11 captureMessage: other text → other issue', events: [N8_INFO, N11_INFO, N8_MSG], expect: 'AAB' },
  {
    name: 'two functions throwing the same type → two issues',
    events: [N8, withTopFrame(N8, { function: 'cancelOrder', context_line: THROW_LINE.replace('read items of', 'cancel') })],
    expect: 'AB',
  },
  { name: 'two functions with a copy-pasted throw line → two issues', events: [N8, withTopFrame(N8, { function: 'refundOrder' })], expect: 'AB' },
  {
    name: 'one function, two throw statements → two issues',
    events: [N8, withTopFrame(N8, { context_line: "throw new TypeError('no items');", lineno: 40 })],
    expect: 'AB',
  },
  { name: 'uncaught crash from node 8 and 11 (mechanism types differ) → one issue', events: [N8_CRASH, N11_CRASH], expect: 'AA' },
  { name: 'express error: node 8 and 11 have different framework frames, same route handler → one issue', events: [N8_EXPRESS, N11_EXPRESS], expect: 'AA' },
  {
    name: 'adding or removing non-in-app frames → one issue',
    events: [
      N8,
      withFrames(N8, (fs) => fs.filter((f) => f.in_app === true)),
      withFrames(N8, (fs) => [frame({ filename: '/app/node_modules/lib/index.js', module: 'lib:index', function: 'wrap', in_app: false }), ...fs]),
    ],
    expect: 'AAA',
  },
  {
    name: 'file name forms of different setups (/app/x.js, app:///x.js) without module → one issue',
    events: [mapFrames(N8, (f) => ({ ...f, module: null })), mapFrames(N8, (f) => ({ ...f, module: null, filename: f.filename?.replace('/app/', 'app:///') }))],
    expect: 'AA',
  },
  {
    name: 'query strings and build hashes in file names do not split; another file does',
    events: ['app:///static/main.3f2a9c1b.js?v=1', 'app:///static/main.77aa00ff.js?v=2', 'app:///static/vendor.3f2a9c1b.js'].map((filename) =>
      error('TypeError', 'x is undefined', [frame({ filename, function: 'render', lineno: 3 })], 'javascript'),
    ),
    expect: 'AAB',
  },
  {
    name: 'anonymous function spellings are ignored alike → one issue',
    events: ['Object.<anonymous>', '<anonymous>', '?', 'Anonymous function'].map((name) => error('Error', 'boom', [fn('jobs', name, 'queue.run();')])),
    expect: 'AAAA',
  },
  {
    name: 'receiver prefixes, async/bound and V8 [as alias] do not split; another name does',
    events: ['getUser', 'Object.getUser', 'async UserService.getUser', 'UserService.getUser [as get]', 'getUsers'].map((name) =>
      error('Error', 'boom', [fn('users', name, 'return db.find(id);')]),
    ),
    expect: 'AAAAB',
  },
  {
    name: 'direct recursion depth does not split',
    events: [3, 1].map((depth) => {
      const rec = fn('tree', 'walk', 'return walk(node.left);', { lineno: 7 });
      return error('RangeError', 'Maximum call stack size exceeded', [fn('tree', 'main', 'walk(root);'), ...Array<GroupingFrame>(depth).fill(rec)]);
    }),
    expect: 'AA',
  },
  {
    name: 'context lines longer than 120 characters (minified) are ignored',
    events: ['x', 'y'].map((c) => error('Error', 'boom', [fn('bundle', 'init', c.repeat(130))])),
    expect: 'AA',
  },
  {
    name: 're-indenting the throw line does not split',
    events: [N8, withTopFrame(N8, { context_line: `\t${THROW_LINE.trim().replace(' throw', '   throw')}` })],
    expect: 'AA',
  },
  {
    name: 'level and handled flag do not split',
    events: [N8, withMain({ ...N8, level: 'fatal' }, (x) => ({ ...x, mechanism: { type: 'onuncaughtexception', handled: false } }))],
    expect: 'AA',
  },

  // ---- Browser
  { name: 'minified browser error, same build, other line/column → one issue', events: [BROWSER_ERR, shiftLines(BROWSER_ERR, 3)], expect: 'AA' },
  {
    name: 'minified function names differ between builds → two issues (no source maps)',
    events: [BROWSER_ERR, mapFrames(BROWSER_ERR, (f) => (f.function === 'kR' ? { ...f, function: 'qT' } : f))],
    expect: 'AB',
  },
  {
    name: 'minified and source-mapped frames of one error group apart (different components)',
    events: [BROWSER_ERR, withFrames(BROWSER_ERR, () => [sourceMapped('handleClick')])],
    expect: 'AB',
  },
  {
    name: 'source-mapped frames group by context line, not by the unreliable function name',
    events: [withFrames(BROWSER_ERR, () => [sourceMapped('handleClick')]), withFrames(BROWSER_ERR, () => [sourceMapped('t')])],
    expect: 'AA',
  },
  {
    name: 'browser captureMessage from three page loads → one issue',
    events: ['005-default--envelope-event.txt', '012-custom-header--envelope-event.txt', '018-tunnel-static--tunnel-envelope-event.txt'].map(browser),
    expect: 'AAA',
  },

  // ---- Python
  { name: 'python: other KeyError value and shifted lines → one issue', events: [PY_ERR, shiftLines(withValue(PY_ERR, "'total'"), 4)], expect: 'AA' },
  {
    name: 'python: site-packages frames in the middle (not in-app) → one issue',
    events: [
      PY_ERR,
      withFrames(PY_ERR, (fs) => [
        ...fs.slice(0, 1),
        frame({
          filename: 'requests/api.py',
          abs_path: '/usr/lib/python3/site-packages/requests/api.py',
          module: 'requests.api',
          function: 'get',
          in_app: false,
        }),
        ...fs.slice(1),
      ]),
    ],
    expect: 'AA',
  },
  {
    name: 'python: a site-packages frame the SDK marked in-app is corrected by the built-in rule → one issue',
    events: [
      PY_ERR,
      withFrames(PY_ERR, (fs) => [...fs, frame({ abs_path: '/venv/lib/python3.11/site-packages/lib/x.py', module: 'lib.x', function: 'get', in_app: true })]),
    ],
    expect: 'AA',
    check: (r) => assert.deepEqual(r[1]?.effectiveInApp.exception[0], [true, true, false]),
  },
  {
    name: 'python: same type from another function → two issues',
    events: [PY_ERR, withTopFrame(PY_ERR, { function: 'ship_order', context_line: '    return order["address"]' })],
    expect: 'AB',
  },
  { name: 'python: wsgi request error with another message → one issue', events: [PY_WSGI, withValue(PY_WSGI, 'boom in request 2')], expect: 'AA' },

  // ---- No stack trace: type + parameterized value
  {
    name: 'no frames: same type, value differing by a number → one issue',
    events: [error('TypeError', 'Cannot read items of order 7'), error('TypeError', 'Cannot read items of order 8123')],
    expect: 'AA',
  },
  { name: 'no frames: same value, other type → two issues', events: [error('TypeError', 'bad input'), error('RangeError', 'bad input')], expect: 'AB' },
  { name: 'no frames: other words → two issues', events: [error('Error', 'connection refused'), error('Error', 'connection reset')], expect: 'AB' },

  // ---- Messages and parameterization
  { name: 'message ids and numbers', events: [message('Order 17 failed'), message('Order 904512 failed'), message('Order 17 shipped')], expect: 'AAB' },
  {
    name: 'message UUIDs',
    events: [message('Session 0f8fad5b-d9cb-469f-a165-70867728950e expired'), message('Session 7C9E6679-7425-40DE-944B-E07FC1F90AE7 expired')],
    expect: 'AA',
  },
  {
    name: 'message e-mail addresses',
    events: [message('No account for alice@example.com'), message('No account for bob.smith+test@corp.example.org')],
    expect: 'AA',
  },
  {
    name: 'message IPv4 and IPv6 addresses',
    events: ['10.0.0.7', '192.168.1.20', '2001:db8::1', 'fe80::1ff:fe23:4567:890a'].map((ip, i) =>
      message(`connect ECONNREFUSED ${ip}${i < 2 ? ':5432' : ''}`),
    ),
    expect: 'AABB',
  },
  {
    name: 'message dates and timestamps (ISO, RFC 1123, JS Date)',
    events: ['2026-11-21T15:32:51Z', '2025-01-02T03:04:05.123+01:00', 'Sat, 21 Nov 2026 15:32:51 GMT', 'Sat Nov 21 2026 15:32:51 GMT+0100 (CET)'].map((d) =>
      message(`Report for ${d} failed`),
    ),
    expect: 'AAAA',
  },
  { name: 'message durations', events: [message('Query took 150ms'), message('Query took 2.5s'), message('Query took 3 seconds')], expect: 'AAA' },
  {
    name: 'message hex values and hashes',
    events: [message('bad pointer 0x7ffd1234 at a1b2c3d4e5'), message('bad pointer 0xdeadbeef at 99aa88bb77')],
    expect: 'AA',
  },
  {
    name: 'logging template with other parameters → one issue; other template → other issue',
    events: [
      ['User %s logged in from %s', ['alice', 'x']],
      ['User %s logged in from %s', ['bob', 'y']],
      ['User %s logged out', ['alice']],
    ].map(([template, params]) => ({
      platform: 'python',
      logger: 'auth',
      logentry: { message: template as string, params: params as string[], formatted: `${template} ${String(params)}` },
    })),
    expect: 'AAB',
  },
  { name: 'message text is SDK-independent: python and node captureMessage → one issue', events: [N8_MSG, PY_MSG], expect: 'AA' },
  {
    name: 'sentry-cli send-event (logentry, native) groups by its message',
    events: [cli2('015-send-event--envelope-event.txt'), message('Hello from sentry-cli', 'native')],
    expect: 'AA',
  },
  {
    name: 'messages differing only after 256 characters → one issue',
    events: [message(`${'a'.repeat(260)} one`), message(`${'a'.repeat(260)} two`)],
    expect: 'AA',
  },
  {
    name: 'message with an attached stack (threads) groups by the message',
    events: ['main', 'worker'].map((where) => ({
      ...message('cache miss storm', 'python'),
      threads: { values: [{ stacktrace: { frames: [fn(where, 'run', 'go()')] } }] },
    })),
    expect: 'AA',
  },
  {
    name: 'synthetic exception without a message (native signal): its type is ignored',
    events: [
      withMain(error('SIGSEGV', 'segfault', [fn('app', 'crash', 'p->x = 1;')]), (x) => ({ ...x, mechanism: { type: 'signalhandler', synthetic: true } })),
      withMain(error('SIGBUS', 'bus error', [fn('app', 'crash', 'p->x = 1;')]), (x) => ({ ...x, mechanism: { type: 'signalhandler', synthetic: true } })),
      error('SIGSEGV', 'segfault', [fn('app', 'crash', 'p->x = 1;')]),
    ],
    expect: 'AAB',
  },

  // ---- Chained exceptions (all exceptions contribute; Sentry developer docs, Grouping)
  {
    name: 'chained: same cause, different wrapper → two issues',
    events: [chain(DB, exc('DbError', 'save failed', [MAIN])), chain(DB, exc('HttpError', 'save failed', [MAIN]))],
    expect: 'AB',
  },
  {
    name: 'chained: same chain, other messages → one issue',
    events: [chain(DB, exc('DbError', 'save failed', [MAIN])), chain({ ...DB, value: 'other' }, exc('DbError', 'save of 7 failed', [MAIN]))],
    expect: 'AA',
  },
  { name: 'chained: the chain vs its cause alone → two issues', events: [chain(DB, exc('DbError', 'save failed', [MAIN])), chain(DB)], expect: 'AB' },
  {
    name: 'exception group of identical children groups like one child',
    events: [
      chain(exc('AggregateError', '2 errors', [MAIN], { mechanism: { type: 'generic', is_exception_group: true, exception_id: 0 } }), DB, DB),
      chain(exc('AggregateError', '1 error', [MAIN], { mechanism: { type: 'generic', is_exception_group: true, exception_id: 0 } }), DB),
      chain(DB),
    ],
    expect: 'AAA',
  },

  // ---- Other strategies and fallbacks
  {
    name: 'top-level stacktrace without exception or message groups by frames',
    events: [
      { platform: 'node', stacktrace: { frames: [MAIN] } },
      { platform: 'node', stacktrace: { frames: [{ ...MAIN, lineno: 99 }] } },
      { platform: 'node', stacktrace: { frames: [fn('other', 'x', 'y();')] } },
    ],
    expect: 'AAB',
  },
  {
    name: 'a single thread with a stack trace groups by its frames',
    events: [MAIN, { ...MAIN, lineno: 50 }, fn('other', 'x', 'y();')].map((f) => ({
      platform: 'node',
      threads: { values: [{ crashed: true, stacktrace: { frames: [f] } }] },
    })),
    expect: 'AAB',
  },
  { name: 'events without anything usable share one fallback issue', events: [{}, { platform: 'node', level: 'error' }, message('x')], expect: 'AAB' },

  // ---- SDK fingerprints (Sentry product docs, SDK Fingerprinting)
  {
    name: 'custom SDK fingerprint from two different sites → one issue',
    events: [withFingerprint(N8, ['database-unavailable']), withFingerprint(N8_CRASH, ['database-unavailable']), N8],
    expect: 'AAB',
    check: (r) =>
      assert.deepEqual(
        r.map((x) => x.fingerprintSource),
        ['sdk', 'sdk', 'default'],
      ),
  },
  { name: '`{{ default }}` + tenant from node 8 and node 11 → one issue', events: [N8_FP, N11_FP], expect: 'AA' },
  { name: '`{{ default }}` + other tenant → split', events: [N8_FP, withFingerprint(N8_FP, ['{{ default }}', 'tenant-b'])], expect: 'AB' },
  { name: '`{{ default }}` + extra value vs no fingerprint → two issues', events: [N8_FP, withFingerprint(N8_FP, null)], expect: 'AB' },
  { name: '`["{{default}}"]` alone is the default', events: [N8, withFingerprint(N8, ['{{default}}'])], expect: 'AA' },
  {
    name: 'fingerprint variables {{ transaction }} and {{ error.type }}',
    events: [
      withFingerprint(N8_EXPRESS, ['{{ transaction }}', '{{ error.type }}']),
      withFingerprint({ ...N8, transaction: 'GET /users/:id', exception: { values: [{ type: 'Error', value: 'x' }] } }, [
        '{{ transaction }}',
        '{{ error.type }}',
      ]),
      withFingerprint({ ...N8_EXPRESS, transaction: 'GET /orders/:id' }, ['{{ transaction }}', '{{ error.type }}']),
    ],
    expect: 'AAB',
    check: (r) => assert.deepEqual(r[0]?.fingerprint, ['GET /users/:id', 'Error']),
  },
  {
    name: 'fingerprint numbers are coerced and nulls dropped',
    events: [withFingerprint(N8, ['http', 503]), withFingerprint(N8_CRASH, ['http', '503', null])],
    expect: 'AA',
  },
  {
    name: 'fingerprint {{ tags.feature }}',
    events: [
      withFingerprint(N8, ['{{ tags.feature }}']),
      withFingerprint({ ...N8_CRASH, tags: [['feature', 'checkout']] }, ['{{ tags.feature }}']),
      withFingerprint({ ...N8, tags: { feature: 'search' } }, ['{{ tags.feature }}']),
    ],
    expect: 'AAB',
  },

  // ---- Server-side fingerprint rules (Sentry product docs, Issue Grouping › Fingerprint Rules)
  {
    name: 'rule on error.type merges two sites and wins over the SDK fingerprint',
    rules: { fingerprintRules: '# all type errors together\nerror.type:TypeError -> type-errors title="Type errors"' },
    events: [N8, withTopFrame(N8, { function: 'cancelOrder' }), withFingerprint(N11, ['mine']), N8_CRASH],
    expect: 'AAAB',
    check: (r) => {
      assert.deepEqual(
        r.map((x) => x.fingerprintSource),
        ['rule', 'rule', 'rule', 'default'],
      );
      assert.equal(r[0]?.title, 'Type errors');
      assert.deepEqual(r[0]?.matchedRule, { line: 2, text: 'error.type:TypeError -> type-errors title="Type errors"' });
    },
  },
  {
    name: 'rule with a message glob (matches messages and synthetic exception values)',
    rules: { fingerprintRules: 'message:"payment provider*" -> payments' },
    events: [N8_MSG, N11_MSG, message('Payment provider timed out'), N8_INFO],
    expect: 'AAAB',
  },
  {
    name: 'rule stack matchers must hold for one frame',
    rules: { fingerprintRules: 'stack.function:processOrder stack.module:scenario -> orders' },
    events: [N8, withTopFrame(N8, { module: 'billing' }), N11],
    expect: 'ABA',
    check: (r) =>
      assert.deepEqual(
        r.map((x) => x.fingerprintSource),
        ['rule', 'default', 'rule'],
      ),
  },
  {
    name: 'rule with negated tag, family and {{ default }} salts only matching events',
    rules: { fingerprintRules: '!tags.tenant:"internal" family:javascript -> {{ default }}, external' },
    events: [N8, { ...N8, tags: { tenant: 'internal' } }, N11],
    expect: 'ABA',
    check: (r) =>
      assert.deepEqual(
        r.map((x) => x.fingerprintSource),
        ['rule', 'default', 'rule'],
      ),
  },

  // ---- Stack trace rules (Sentry product docs, Issue Grouping › Stack Trace Rules)
  {
    name: 'stack rule +app on framework frames splits events the route handler merged',
    rules: { stackRules: 'stack.module:express.** +app' },
    events: [N8_EXPRESS, N11_EXPRESS],
    expect: 'AB',
    check: (r) => assert.equal(r[0]?.effectiveInApp.exception[0]?.[0], true),
  },
  ...[
    ['without a rule, an edited helper frame splits', undefined, 'AB'],
    ['stack rule -group on a helper: editing the helper does not split', 'stack.function:reportError -group', 'AA'],
  ].map(
    ([name, stackRules, expect]): Case => ({
      name: name as string,
      events: ["throw new Error('x');", "throw new AppError('x');"].map((line) => error('Error', 'x', [MAIN, fn('errors', 'reportError', line)])),
      expect: expect as string,
      ...(stackRules === undefined ? {} : { rules: { stackRules } }),
    }),
  ),
  ...[
    ['without a rule, other frames under an assertion helper split', undefined, 'AB', 'inner'],
    ['stack rule ^-group ignores the frames toward the crash (callees) after a match', 'stack.function:assertOk ^-group', 'AA', 'inner'],
    ['without a rule, other callers of an assertion helper split', undefined, 'AB', 'caller'],
    ['stack rule v-group ignores the frames toward the callers before a match', 'stack.function:assertOk v-group', 'AA', 'caller'],
    ['stack rule ^-group keeps the callers', 'stack.function:assertOk ^-group', 'AB', 'caller'],
  ].map(
    ([name, stackRules, expect, differs]): Case => ({
      name: name as string,
      events: ['a', 'b'].map((x) =>
        error('AssertionError', 'x', [
          fn('api', differs === 'caller' ? `create_${x}` : 'create', 'check(body);'),
          fn('check', 'assertOk', 'fail();'),
          fn('check', differs === 'inner' ? `fail_${x}` : 'fail', 'throw e;'),
        ]),
      ),
      expect: expect as string,
      ...(stackRules === undefined ? {} : { rules: { stackRules } }),
    }),
  ),
  ...[
    ['without max-frames, different callers split', undefined, 'AB'],
    ['stack rule max-frames=1: only the newest contributing frame counts', 'error.type:ValidationError max-frames=1', 'AA'],
  ].map(
    ([name, stackRules, expect]): Case => ({
      name: name as string,
      events: ['createUser', 'updateUser'].map((caller) =>
        error('ValidationError', 'bad', [fn('api', caller, 'validate(body);'), fn('validate', 'validate', 'throw new ValidationError();')]),
      ),
      expect: expect as string,
      ...(stackRules === undefined ? {} : { rules: { stackRules } }),
    }),
  ),
];

test('the table has at least 40 cases', () => {
  assert.ok(cases.length >= 40, `only ${cases.length} cases`);
});

for (const c of cases) {
  test(c.name, () => {
    let rules = NO_GROUPING_RULES;
    if (c.rules !== undefined) {
      const compiled = compileGroupingRules(c.rules);
      assert.ok(compiled.ok, JSON.stringify(compiled));
      rules = compiled.rules;
    }
    const results = c.events.map((e) => computeGrouping(e, rules));
    const shape = partitionShape(assignIssues(results));
    assert.equal(shape, c.expect, results.map((r) => r.description).join('\n'));
    for (const r of results) {
      assert.ok(r.hashes.length >= 1 && r.hashes.every((h) => /^[0-9a-f]{32}$/.test(h)));
      assert.equal(new Set(r.hashes).size, r.hashes.length);
    }
    c.check?.(results);
  });
}
