import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeEventId } from './ids.js';

test('normalizeEventId: plain and hyphenated UUIDs → 32 lowercase hex', () => {
  assert.deepEqual(normalizeEventId('9EC79C33EC9942AB8353589FCB2E04DC'), { ok: true, id: '9ec79c33ec9942ab8353589fcb2e04dc' });
  // sentry-cli's envelope header form [cli2/015]
  assert.deepEqual(normalizeEventId('e43be000-4106-4ef4-987f-9131863c9b58'), { ok: true, id: 'e43be00041064ef4987f9131863c9b58' });
  assert.deepEqual(normalizeEventId('00000000-0000-0000-0000-000000000000'), { ok: true, id: '0'.repeat(32) });
});

test('normalizeEventId: rejects everything else with a reason', () => {
  for (const bad of [
    '',
    'abc',
    `${'a'.repeat(31)}g`,
    'a'.repeat(33),
    '{e43be000-4106-4ef4-987f-9131863c9b58}',
    'e43be0004106-4ef4-987f-9131863c9b58-',
    'e43be000-41064ef4-987f-9131863c9b58a',
  ]) {
    const r = normalizeEventId(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.match(r.reason, /must be a UUID/);
  }
  assert.deepEqual(normalizeEventId(42), { ok: false, reason: 'event id must be a string, got number' });
  assert.deepEqual(normalizeEventId(null), { ok: false, reason: 'event id must be a string, got null' });
});

test('normalizeEventId: property — any UUID in either form normalizes to the same id', () => {
  fc.assert(
    fc.property(fc.uuid(), (uuid) => {
      const a = normalizeEventId(uuid);
      const b = normalizeEventId(uuid.replaceAll('-', '').toUpperCase());
      assert.ok(a.ok && b.ok);
      assert.equal(a.id, b.id);
      assert.match(a.id, /^[0-9a-f]{32}$/);
    }),
  );
});
