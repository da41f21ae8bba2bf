// Fuzzing the log parser: any JSON yields lines or a reason, never a throw; every line it
// returns satisfies what storage and queries rely on; and valid lines survive a round trip
// through the compressed block unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LOG_LEVELS } from './log-line.js';
import { parseLogContainer } from './log-parser.js';
import { decodeLogBlock, encodeLogBlock } from './store/log-block.js';

const RECEIVED = Date.UTC(2026, 10, 21, 15, 0, 0);
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });

const attribute = fc.oneof(
  fc.record({ type: fc.constant('string'), value: fc.string({ maxLength: 40 }) }),
  fc.record({ type: fc.constant('integer'), value: fc.oneof(fc.integer(), fc.string({ maxLength: 22 }), fc.double()) }),
  fc.record({ type: fc.constant('double'), value: fc.oneof(fc.double(), fc.constant(null)) }),
  fc.record({ type: fc.constant('boolean'), value: fc.oneof(fc.boolean(), fc.string({ maxLength: 4 })) }),
  fc.record({ type: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 1 }),
);
const line = fc.record(
  {
    timestamp: fc.oneof(fc.double({ min: 0, max: 4e9 }), fc.constant(RECEIVED / 1000), fc.string({ maxLength: 5 }), fc.constant(null)),
    level: fc.oneof(fc.constantFrom(...LOG_LEVELS, 'warning', 'critical', 'WARN'), fc.string({ maxLength: 6 }), fc.integer()),
    body: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)),
    trace_id: fc.oneof(hex(32), fc.uuid(), fc.string({ maxLength: 40 })),
    span_id: fc.oneof(hex(16), fc.string({ maxLength: 20 })),
    severity_number: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double(), fc.string({ maxLength: 2 })),
    attributes: fc.oneof(
      fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'sentry.release')), attribute, { maxKeys: 8 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const container = fc.oneof(
  fc.record(
    {
      version: fc.oneof(fc.constant(2), fc.constant(undefined), fc.integer(), fc.string({ maxLength: 3 })),
      items: fc.oneof(fc.array(line, { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: ['items'] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('log parser over arbitrary input', () => {
  it('never throws; every outcome is lines or a reason, and lines keep the invariants', () => {
    fc.assert(
      fc.property(container, (value) => {
        const parsed = parseLogContainer(value, { receivedAt: RECEIVED, sdk: { name: 'sentry.javascript.node', version: '11.12.0' } });
        if (!parsed.ok) {
          assert.ok(['payload_not_object', 'unsupported_log_version', 'invalid_log_container'].includes(parsed.reason));
          return;
        }
        const items = (value as { items: unknown[] }).items;
        assert.equal(parsed.lines.length + parsed.invalidLines, items.length);
        for (const l of parsed.lines) {
          assert.match(l.itemId, /^[0-9a-f]{32}$/);
          assert.ok(Number.isFinite(l.timestamp) && l.timestamp > 0 && l.timestamp * 1000 <= RECEIVED + 3_600_000);
          assert.ok((LOG_LEVELS as readonly string[]).includes(l.level));
          assert.ok(Number.isInteger(l.severityNumber) && l.severityNumber >= 1 && l.severityNumber <= 24);
          assert.equal(typeof l.body, 'string');
          assert.ok(l.traceId === null || /^[0-9a-f]{32}$/.test(l.traceId));
          assert.ok(l.spanId === null || /^[0-9a-f]{16}$/.test(l.spanId));
          for (const a of Object.values(l.attributes)) {
            if (a.type === 'string') assert.equal(typeof a.value, 'string');
            else if (a.type === 'boolean') assert.equal(typeof a.value, 'boolean');
            else assert.ok(typeof a.value === 'number' && Number.isFinite(a.value));
          }
        }
        assert.deepEqual(decodeLogBlock(encodeLogBlock(parsed.lines)), parsed.lines);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the real @sentry/node 11 capture: levels, template, typed attributes, SDK', () => {
    const parsed = parseLogContainer(CAPTURED, { receivedAt: RECEIVED });
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.lines.map((l) => [l.level, l.severityNumber]),
      [
        ['info', 9],
        ['warn', 13],
        ['error', 17],
      ],
    );
    assert.deepEqual(parsed.lines[0]?.attributes.userId, { type: 'integer', value: 42 });
    assert.deepEqual(parsed.lines[1]?.attributes['sentry.message.parameter.0'], { type: 'double', value: 12.5 });
    assert.equal(parsed.lines[1]?.attributes['sentry.message.template']?.value, 'Cart total %s exceeds %s');
    assert.equal(parsed.lines[2]?.traceId, '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49');
  });
});

// The payload of a `log` item @sentry/node 11.12.0 sent (Logs › Sentry.logger.info/warn(fmt)/error), trimmed to the fields asserted.
const CAPTURED = {
  version: 2,
  items: [
    {
      timestamp: 1795275059.5763965,
      level: 'info',
      body: 'User logged in',
      trace_id: '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49',
      severity_number: 9,
      attributes: { userId: { value: 42, type: 'integer' }, plan: { value: 'pro', type: 'string' } },
    },
    {
      timestamp: 1795275059.5776393,
      level: 'warn',
      body: 'Cart total 12.5 exceeds 10',
      trace_id: '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49',
      severity_number: 13,
      attributes: {
        'sentry.message.template': { value: 'Cart total %s exceeds %s', type: 'string' },
        'sentry.message.parameter.0': { value: 12.5, type: 'double' },
        'sentry.message.parameter.1': { value: 10, type: 'integer' },
      },
    },
    {
      timestamp: 1795275059.5779595,
      level: 'error',
      body: 'Payment failed',
      trace_id: '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49',
      severity_number: 17,
      attributes: { orderId: { value: 'ord_1', type: 'string' } },
    },
  ],
};
