// Fuzzing the session parsers: any JSON yields a parsed update or a reason (never a throw), a
// parsed update always satisfies the invariants the counters rely on, and the deltas of any
// valid input stay non-negative and within their hour.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SessionDeltas } from './session-deltas.js';
import { parseSessionAggregates, parseSessionUpdate, SESSION_LIMITS, SESSION_STATUSES } from './session-parsers.js';

const NOW = Date.UTC(2026, 10, 21, 15, 0, 0);
const instant = fc.oneof(
  fc.integer({ min: NOW - 7 * 86_400_000, max: NOW + 3_600_000 }).map((ms) => new Date(ms).toISOString()),
  fc.double({ min: -1e12, max: 1e13, noNaN: false }),
  fc.string({ maxLength: 30 }),
  fc.constant(null),
);
const count = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), fc.string({ maxLength: 3 }), fc.constant(undefined));
const attrs = fc.oneof(
  fc.record(
    {
      release: fc.oneof(fc.string({ maxLength: 250 }), fc.constant('app@1.0'), fc.integer()),
      environment: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(undefined)),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const update = fc.record(
  {
    sid: fc.oneof(fc.uuid(), fc.string({ maxLength: 70 }), fc.integer()),
    did: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.constant('00000000-0000-0000-0000-000000000000')),
    init: fc.oneof(fc.boolean(), fc.string({ maxLength: 2 })),
    started: instant,
    timestamp: instant,
    status: fc.oneof(fc.constantFrom(...SESSION_STATUSES), fc.string({ maxLength: 10 })),
    errors: count,
    duration: fc.oneof(fc.double(), fc.constant(null)),
    attrs,
  },
  { requiredKeys: [] },
);
const aggregates = fc.record(
  {
    attrs,
    aggregates: fc.oneof(
      fc.array(
        fc.record(
          {
            started: instant,
            did: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(undefined)),
            exited: count,
            errored: count,
            crashed: count,
            abnormal: count,
            unhandled: count,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);

describe('session parsers (property)', () => {
  it('any update payload parses or fails with a reason; a parsed one is in range and its deltas are sane', () => {
    fc.assert(
      fc.property(fc.oneof(update, fc.jsonValue({ maxDepth: 3 })), (payload) => {
        const r = parseSessionUpdate(payload, NOW);
        if (!r.ok) {
          assert.match(r.reason, /^[a-z_]+$/);
          return;
        }
        const u = r.update;
        assert.ok((SESSION_STATUSES as readonly string[]).includes(u.status));
        assert.ok(Number.isSafeInteger(u.errors) && u.errors >= 0);
        assert.ok(u.release.length > 0 && u.release.length <= SESSION_LIMITS.maxReleaseLength);
        assert.ok(u.startedMs >= NOW - SESSION_LIMITS.maxAgeMs && u.startedMs <= NOW + SESSION_LIMITS.maxFutureMs);
        assert.ok(u.did === null || u.did.length <= SESSION_LIMITS.maxDistinctIdLength);
        const deltas = new SessionDeltas();
        deltas.addUpdate(1, u);
        const rows = deltas.rows();
        for (const c of rows.counters) {
          assert.ok(c.inits >= 0 && c.crashed >= 0 && c.unhandled >= 0 && c.abnormal >= 0 && c.durationCount >= 0);
          assert.equal(c.bucket % 3_600_000, 0);
          assert.ok(c.bucket <= u.startedMs && u.startedMs < c.bucket + 3_600_000);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('any aggregates payload parses or fails with a reason; parsed counters are non-negative integers', () => {
    fc.assert(
      fc.property(fc.oneof(aggregates, fc.jsonValue({ maxDepth: 3 })), (payload) => {
        const r = parseSessionAggregates(payload, NOW);
        if (!r.ok) {
          assert.match(r.reason, /^[a-z_]+$/);
          return;
        }
        const deltas = new SessionDeltas();
        for (const a of r.aggregates) {
          for (const n of [a.exited, a.errored, a.crashed, a.abnormal, a.unhandled]) assert.ok(Number.isSafeInteger(n) && n >= 0);
          deltas.addAggregate(1, a);
        }
        for (const c of deltas.rows().counters) assert.ok(c.erroredPreaggr <= c.inits && c.crashed <= c.erroredPreaggr);
      }),
      { numRuns: 2000 },
    );
  });
});
