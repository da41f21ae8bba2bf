import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseClientReport } from './outcomes.js';
import { parseEnvelope } from './parse-envelope.js';
import { parseJsonPayload } from './parse-json-payload.js';
import { findCapture, loadEnvelopeCaptures } from './sdk-captures.test-support.js';

function reportFromCapture(name: string) {
  const env = parseEnvelope(findCapture(loadEnvelopeCaptures(), name).body);
  assert.ok(env.ok);
  // Client-report-only envelopes have the header {} (docs/wire-format.md › Client reports).
  assert.deepEqual(env.envelope.headers, {});
  const item = env.envelope.items.find((i) => i.type === 'client_report');
  assert.ok(item !== undefined);
  const json = parseJsonPayload(item.payload);
  assert.ok(json.ok);
  const report = parseClientReport(json.value);
  assert.ok(report.ok, report.ok ? '' : report.reason);
  return report.report;
}

test('client report after a rate limit [node8/039]: header {}, ratelimit_backoff × 2', () => {
  assert.deepEqual(reportFromCapture('sentry-node-8.55.2/039-ratelimit--envelope-client_report.txt'), {
    entries: [{ outcome: 'client_discard', reason: 'ratelimit_backoff', category: 'error', quantity: 2 }],
    skipped: 0,
    timestampMs: 1795275037.638 * 1000,
  });
});

test('client report for dropped spans [node11/008]', () => {
  assert.deepEqual(reportFromCapture('sentry-node-11.12.0/008-express--envelope-client_report.txt').entries, [
    { outcome: 'client_discard', reason: 'no_parent_span', category: 'span', quantity: 3 },
  ]);
});

test('legacy arrays map to rate_limited / filtered outcomes; malformed entries are skipped and counted', () => {
  const result = parseClientReport({
    timestamp: '2026-11-21T15:30:37Z',
    discarded_events: [
      { reason: 'sample_rate', category: 'transaction', quantity: 5 },
      { reason: 'before_send', category: 'error', quantity: 0 }, // counts nothing: dropped, not skipped
      { reason: 'x', category: 'error', quantity: -1 },
      { reason: 'x', category: 'error', quantity: 1.5 },
      { reason: 'x', category: 'error', quantity: 2 ** 32 },
      { reason: '', category: 'error', quantity: 1 },
      { reason: 'x', category: 'e'.repeat(65), quantity: 1 },
      { category: 'error', quantity: 1 },
      'nonsense',
      null,
    ],
    rate_limited_events: [{ reason: 'quota', category: 'attachment', quantity: 1000 }],
    filtered_events: [{ reason: 'release_version', category: 'error', quantity: 1 }],
    filtered_sampling_events: 'not a list',
  });
  assert.deepEqual(result, {
    ok: true,
    report: {
      timestampMs: Date.UTC(2026, 10, 21, 15, 30, 37),
      skipped: 9,
      entries: [
        { outcome: 'client_discard', reason: 'sample_rate', category: 'transaction', quantity: 5 },
        { outcome: 'rate_limited', reason: 'quota', category: 'attachment', quantity: 1000 },
        { outcome: 'filtered', reason: 'release_version', category: 'error', quantity: 1 },
      ],
    },
  });
});

test('non-objects fail; an object without known arrays is an empty report', () => {
  for (const bad of [null, [], 'x', 3]) assert.deepEqual(parseClientReport(bad), { ok: false, reason: 'client report must be a JSON object' });
  assert.deepEqual(parseClientReport({ timestamp: 'garbage' }), { ok: true, report: { entries: [], skipped: 0 } });
});

test('fuzz: arbitrary JSON never throws and only yields well-formed entries', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
      const wrapped = parseClientReport({ discarded_events: json });
      assert.ok(wrapped.ok);
      for (const e of wrapped.report.entries) {
        assert.ok(Number.isInteger(e.quantity) && e.quantity > 0);
        assert.ok(e.reason.length > 0 && e.category.length > 0);
      }
      parseClientReport(json);
    }),
  );
});
