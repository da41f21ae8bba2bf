import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type NormalizedEvent, normalizeEvent } from './index.js';
import { loadCapturedEvents } from './sdk-events.test-support.js';

const LEVELS = new Set(['fatal', 'error', 'warning', 'info', 'debug']);
const RECEIVED = Date.UTC(2026, 10, 21, 15, 31);

function assertInvariants(event: NormalizedEvent): void {
  assert.match(event.event_id, /^[0-9a-f]{32}$/);
  assert.ok(Number.isFinite(event.timestamp));
  assert.ok(LEVELS.has(event.level));
  assert.ok(event.platform.length > 0);
  assert.ok(typeof event.title === 'string' && event.title.length > 0);
  assert.equal(typeof event.culprit, 'string');
  assert.ok(event.tags.every((t) => t.length === 2 && typeof t[0] === 'string' && typeof t[1] === 'string'));
  for (const v of event.exception?.values ?? []) for (const f of v.stacktrace?.frames ?? []) assert.equal(typeof f.in_app, 'boolean');
  // Plain JSON: no undefined members, NaN, functions or shared prototypes to lose on storage.
  assert.deepStrictEqual(JSON.parse(JSON.stringify(event)), event);
}

/** Replaces the value found by walking `choices` (child index modulo size) with `replacement`. */
function mutate(root: unknown, choices: readonly number[], replacement: unknown): unknown {
  if (choices.length === 0 || typeof root !== 'object' || root === null) return replacement;
  const keys = Array.isArray(root) ? root.map((_, i) => i) : Object.keys(root);
  if (keys.length === 0) return replacement;
  const key = keys[(choices[0] as number) % keys.length] as string | number;
  const container = root as Record<string | number, unknown>;
  container[key] = mutate(container[key], choices.slice(1), replacement);
  return root;
}

describe('normalizeEvent properties', () => {
  it('never throws on arbitrary JSON; objects always normalize with the invariants', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom<'event' | 'transaction'>('event', 'transaction'), (raw, itemType) => {
        const result = normalizeEvent(raw, { receivedAt: RECEIVED, projectId: 1, itemType, clientIp: '192.0.2.1' });
        const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
        assert.equal(result.ok, isObject);
        if (result.ok) assertInvariants(result.event);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on objects whose known fields hold arbitrary JSON', () => {
    const field = fc.constantFrom(
      'event_id',
      'timestamp',
      'level',
      'platform',
      'message',
      'logentry',
      'exception',
      'threads',
      'stacktrace',
      'breadcrumbs',
      'user',
      'request',
      'contexts',
      'tags',
      'extra',
      'modules',
      'sdk',
      'fingerprint',
      'debug_meta',
      'spans',
      'measurements',
      'release',
      'environment',
      'transaction',
      'start_timestamp',
      'csp',
      '_meta',
      'transaction_info',
      'dist',
      'logger',
    );
    fc.assert(
      fc.property(fc.dictionary(field, fc.jsonValue({ maxDepth: 4 })), fc.boolean(), (raw, tx) => {
        const result = normalizeEvent(raw, { receivedAt: RECEIVED, projectId: 1, itemType: tx ? 'transaction' : 'event' });
        assert.ok(result.ok);
        if (result.ok) assertInvariants(result.event);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated real SDK events', () => {
    const captures = loadCapturedEvents();
    fc.assert(
      fc.property(
        fc.nat(captures.length - 1),
        fc.array(fc.array(fc.nat(50), { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 4, maxLength: 4 }),
        (index, paths, replacements) => {
          const capture = captures[index];
          assert.ok(capture !== undefined);
          let raw: unknown = structuredClone(capture.payload);
          paths.forEach((choices, i) => {
            raw = mutate(raw, choices, replacements[i]);
          });
          const result = normalizeEvent(raw, {
            receivedAt: capture.receivedAt,
            projectId: 1,
            itemType: capture.itemType,
            envelopeHeaders: capture.envelopeHeaders,
            clientIp: '192.0.2.1',
          });
          const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
          assert.equal(result.ok, isObject);
          if (result.ok) assertInvariants(result.event);
        },
      ),
      { numRuns: 400 },
    );
  });
});
