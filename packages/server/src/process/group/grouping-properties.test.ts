// Properties over arbitrary input: grouping runs on every payload anyone with a DSN can send.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeGrouping } from './compute-grouping.js';
import type { GroupingEvent } from './grouping-input.js';
import { compileGroupingRules } from './grouping-rules.js';
import { parseFingerprintRules } from './parse-fingerprint-rules.js';
import { parseStackRules } from './parse-stack-rules.js';

const HASH = /^[0-9a-f]{32}$/;

const compiled = compileGroupingRules({
  fingerprintRules: 'error.type:*Error* stack.function:?* -> {{ default }}, {{ function }}, {{ tags.x }}\nmessage:"*a*b*c*" !level:debug -> m',
  stackRules: 'stack.abs_path:**/a/** ^+app v-group\n[ app:yes ] | function:* | [ family:all ] -app max-frames=2 min-frames=1 invert-stacktrace=1',
});
assert.ok(compiled.ok);
const rules = compiled.rules;

// Event-shaped values whose fields are sometimes right and sometimes anything at all.
const anything = fc.anything({ maxDepth: 2 });
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof(arb, anything);
const frameArb = fc.record(
  {
    filename: maybe(fc.constantFrom('/app/a.js', 'app:///a/b.js', 'http://x/y.min.js', 'a.py', '<anonymous>', '')),
    abs_path: maybe(fc.string()),
    module: maybe(fc.constantFrom('a', 'x/y', 'app.payments', '')),
    function: maybe(fc.constantFrom('f', 'Object.<anonymous>', '?', 'eval', 'a.b [as c]', 'int f(int) const')),
    lineno: maybe(fc.integer()),
    context_line: maybe(fc.string({ maxLength: 150 })),
    in_app: maybe(fc.boolean()),
    platform: maybe(fc.constantFrom('node', 'python', 'native', 'java', 'ruby', 'php')),
  },
  { requiredKeys: [] },
);
const exceptionArb = fc.record(
  {
    type: maybe(fc.string()),
    value: maybe(fc.string()),
    mechanism: maybe(fc.record({ synthetic: maybe(fc.boolean()), is_exception_group: maybe(fc.boolean()) }, { requiredKeys: [] })),
    stacktrace: maybe(fc.record({ frames: maybe(fc.array(frameArb, { maxLength: 6 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const eventArb = fc.record(
  {
    platform: maybe(fc.constantFrom('node', 'javascript', 'python', 'native', 'other')),
    message: maybe(fc.oneof(fc.string(), fc.record({ message: fc.string(), formatted: fc.string() }))),
    logentry: maybe(fc.record({ message: maybe(fc.string()), params: anything }, { requiredKeys: [] })),
    exception: maybe(fc.oneof(fc.record({ values: maybe(fc.array(maybe(exceptionArb), { maxLength: 3 })) }), fc.array(exceptionArb, { maxLength: 2 }))),
    threads: maybe(fc.record({ values: fc.array(fc.record({ stacktrace: fc.record({ frames: fc.array(frameArb, { maxLength: 3 }) }) }), { maxLength: 2 }) })),
    stacktrace: maybe(fc.record({ frames: fc.array(frameArb, { maxLength: 3 }) })),
    fingerprint: maybe(
      fc.array(fc.oneof(fc.constantFrom('{{ default }}', '{{function}}', '{{ tags.x }}', '{{'), fc.string(), fc.integer(), anything), { maxLength: 4 }),
    ),
    tags: maybe(fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.array(fc.tuple(fc.string(), anything)))),
    level: maybe(fc.constantFrom('error', 'debug')),
    csp: maybe(fc.record({ effective_directive: maybe(fc.string()), blocked_uri: maybe(fc.string()) }, { requiredKeys: [] })),
    template: maybe(fc.record({ filename: maybe(fc.string()), context_line: maybe(fc.string()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

function wellFormed(event: unknown): void {
  const r = computeGrouping(event as GroupingEvent, rules);
  assert.ok(r.hashes.length >= 1);
  for (const h of r.hashes) assert.match(h, HASH);
  assert.equal(typeof r.description, 'string');
}

test('never throws on arbitrary JSON-ish input and always returns at least one hash', () => {
  fc.assert(fc.property(anything, wellFormed), { numRuns: 500 });
  fc.assert(fc.property(eventArb, wellFormed), { numRuns: 1500 });
});

test('is deterministic and ignores line and column numbers', () => {
  fc.assert(
    fc.property(eventArb, fc.integer({ min: 1, max: 1000 }), (generated, shift) => {
      // Events arrive as JSON, so compare JSON-round-tripped events (the arbitrary can produce Infinity or -0).
      const event: unknown = JSON.parse(JSON.stringify(generated));
      const shifted = JSON.parse(JSON.stringify(event), (key, v) => ((key === 'lineno' || key === 'colno') && typeof v === 'number' ? v + shift : v));
      const a = computeGrouping(event as GroupingEvent, rules);
      assert.deepEqual(computeGrouping(event as GroupingEvent, rules).hashes, a.hashes);
      assert.deepEqual(computeGrouping(shifted as GroupingEvent, rules).hashes, a.hashes);
    }),
    { numRuns: 500 },
  );
});

test('numbers in a message never split its issue', () => {
  fc.assert(
    fc.property(fc.integer(), fc.integer(), (a, b) => {
      assert.deepEqual(
        computeGrouping({ message: `Order ${a} failed after ${b} retries` }).hashes,
        computeGrouping({ message: 'Order 1 failed after 2 retries' }).hashes,
      );
    }),
  );
});

test('the rule parsers never throw, whatever the text', () => {
  const tokens = fc.constantFrom(
    'error.type:',
    'stack.function:',
    '!',
    '"',
    '\\"',
    '->',
    ',',
    ' ',
    '\n',
    '#',
    '[',
    ']',
    '|',
    '+app',
    '^-group',
    'max-frames=',
    'title="',
    '{{',
    '}}',
    'x',
    '*',
  );
  const text = fc.oneof(
    fc.string(),
    fc.array(tokens, { maxLength: 20 }).map((t) => t.join('')),
  );
  fc.assert(
    fc.property(text, (t) => {
      const fp = parseFingerprintRules(t);
      const st = parseStackRules(t);
      for (const r of [fp, st]) if (!r.ok) for (const e of r.errors) assert.ok(e.line >= 1 && e.column >= 1 && e.message.length > 0);
    }),
    { numRuns: 2000 },
  );
});
