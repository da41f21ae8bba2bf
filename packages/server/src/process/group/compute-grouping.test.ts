import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeGrouping, GROUPING_MECHANISM_IDS, groupingMechanisms, isGroupingMechanismId, latestMechanism } from './compute-grouping.js';
import { browser, cli2, node8, python } from './grouping-fixtures.test-support.js';
import type { GroupingEvent } from './grouping-input.js';
import { compileGroupingRules, NO_GROUPING_RULES } from './grouping-rules.js';

const N8 = node8('006-errors--envelope-event.txt');

// A released mechanism is frozen: these hashes are persisted with its id. If this test fails,
// the change belongs in a new mechanism (see index.ts), not in 'faultline:2026-11'.
test('faultline:2026-11 hashes of real captures never change', () => {
  const golden: [GroupingEvent, string[]][] = [
    [N8, ['fb4597579d096bb70a1d52444dae832e', 'a442154cf07ba7a892b9ee550ef71db4']],
    [node8('002-errors--envelope-event.txt'), ['bdc2bf66c691c45b39d81e2aea31d97d']],
    [node8('008-errors--envelope-event.txt'), ['b35065d9840d81fe6a67969e93048e5f', '55b699ca3ac2505fa149c56f77efd6e3']],
    [browser('004-default--envelope-event.txt'), ['8b01219154d298a3e917f9446304ba35']],
    [python('001-errors--store.txt'), ['52ac6143380d4c13f8f9b831cc841884']],
    [cli2('015-send-event--envelope-event.txt'), ['31db1cee41e754586eb0403b3b5c837f']],
  ];
  for (const [event, hashes] of golden) assert.deepEqual(computeGrouping(event, NO_GROUPING_RULES, 'faultline:2026-11').hashes, hashes);
});

test('the registry holds every mechanism id; latestMechanism is one of them and the default', () => {
  assert.deepEqual(Object.keys(groupingMechanisms), [...GROUPING_MECHANISM_IDS]);
  assert.ok(isGroupingMechanismId(latestMechanism));
  assert.equal(isGroupingMechanismId('newstyle:2023-01-11'), false);
  const viaRegistry = groupingMechanisms[latestMechanism](N8, NO_GROUPING_RULES);
  assert.deepEqual(computeGrouping(N8), viaRegistry);
  assert.equal(viaRegistry.mechanism, latestMechanism);
});

test('the result explains itself: strategy, variant, components, description', () => {
  const r = computeGrouping(N8);
  assert.equal(r.strategy, 'exception');
  assert.equal(r.variant, 'app');
  assert.equal(r.fingerprintSource, 'default');
  assert.equal(r.fingerprint, null);
  assert.deepEqual(r.components, [
    'exception',
    'frame',
    'module=scenario',
    'context=main().catch((e) => { console.error(e); process.exit(1); });',
    'frame',
    'module=scenario',
    'function=main',
    'context=try { processOrder({ id: 7 }); } catch (e) { Sentry.captureException(e); }',
    'frame',
    'module=scenario',
    'function=processOrder',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a captured line of JavaScript source
    'context=if (!order.items) throw new TypeError(`Cannot read items of order ${order.id}`);',
    'type=TypeError',
  ]);
  assert.equal(r.description, 'app: TypeError; frames: scenario «main().catch((e) => { console.error(e); …», scenario main, scenario processOrder');
  assert.equal(r.title, null);
  assert.equal(r.matchedRule, null);
});

test('effective in_app is aligned with the payload arrays, malformed entries included', () => {
  const event = {
    platform: 'node',
    exception: {
      values: [
        null,
        { type: 'E', stacktrace: { frames: [{ filename: '/app/node_modules/x/i.js', in_app: true }, 7, { filename: '/app/a.js', in_app: true }] } },
      ],
    },
    threads: { values: [{ stacktrace: { frames: [{ filename: '/app/b.js' }] } }, { id: 2 }] },
    stacktrace: { frames: [{ filename: '/app/c.js', in_app: true }] },
  } as unknown as GroupingEvent;
  assert.deepEqual(computeGrouping(event).effectiveInApp, { exception: [null, [false, false, true]], threads: [[false], null], stacktrace: [true] });
});

test('a custom fingerprint replaces the default; variables resolve, unknown ones stay', () => {
  const r = computeGrouping({ ...N8, fingerprint: ['orders', '{{ function }}', '{{ Level }}', '{{ nope }}', 'x-{{ error.value }}'] });
  assert.equal(r.variant, 'custom');
  assert.equal(r.hashes.length, 1);
  assert.deepEqual(r.fingerprint, ['orders', 'processOrder', 'error', '{{ nope }}', 'x-Cannot read items of order 7']);
  const missing = computeGrouping({ fingerprint: ['{{ transaction }}', '{{ tags.tenant }}', '{{ function }}'] });
  assert.deepEqual(missing.fingerprint, ['<no-transaction>', '<no-value-for-tag-tenant>', '<no-function>']);
});

test('a rule title resolves variables; an SDK fingerprint is kept apart from a rule', () => {
  const compiled = compileGroupingRules({ fingerprintRules: 'stack.function:processOrder -> orders title="Order failure in {{ function }}"' });
  assert.ok(compiled.ok);
  const r = computeGrouping({ ...N8, fingerprint: ['sdk-value'] }, compiled.rules);
  assert.equal(r.fingerprintSource, 'rule');
  assert.deepEqual(r.fingerprint, ['orders']);
  assert.equal(r.title, 'Order failure in processOrder');
});

test('invalid rule texts are reported for both syntaxes at once', () => {
  const r = compileGroupingRules({ fingerprintRules: 'error.type:A', stackRules: 'ok:1 +app' });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.fingerprintErrors.map((e) => e.line),
    [1],
  );
  assert.deepEqual(
    r.stackErrors.map((e) => [e.line, e.column]),
    [[1, 1]],
  );
});
