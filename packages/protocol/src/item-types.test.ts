import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA_CATEGORIES, isDataCategory } from './data-categories.js';
import { dataCategoryOf, ITEM_TYPES, isKnownItemType, itemTypeInfo, quantitiesOf } from './item-types.js';

test("every item type of Sentry's envelope item list is known", () => {
  const named = [
    'event',
    'transaction',
    'span',
    'security',
    'raw_security',
    'nel',
    'attachment',
    'session',
    'sessions',
    'user_report',
    'feedback',
    'client_report',
    'check_in',
    'replay_event',
    'replay_recording',
    'replay_video',
    'profile',
    'profile_chunk',
    'profile_chunk_ui',
    'log',
    'trace_metric',
    'statsd',
    'metric_buckets',
    'otel_span',
    'otel_traces_data',
    'form_data',
    'unreal_report',
    'integration',
  ];
  assert.deepEqual(Object.keys(ITEM_TYPES).sort(), [...named].sort());
  for (const type of named) assert.equal(isKnownItemType(type), true, type);
  assert.equal(isKnownItemType('toString'), false, 'prototype keys are not item types');
  assert.equal(isKnownItemType('otel_log'), false, 'not an envelope item type');
});

test("data categories follow Sentry's item-to-category table", () => {
  const expected: Record<string, string> = {
    event: 'error',
    transaction: 'transaction',
    span: 'span',
    security: 'security',
    raw_security: 'security',
    nel: 'security',
    attachment: 'attachment',
    session: 'session',
    sessions: 'session',
    user_report: 'default',
    feedback: 'feedback',
    client_report: 'internal',
    check_in: 'monitor',
    replay_event: 'replay',
    replay_recording: 'replay',
    replay_video: 'replay',
    profile: 'profile',
    profile_chunk: 'profile_chunk',
    profile_chunk_ui: 'profile_chunk_ui',
    log: 'log_item',
    trace_metric: 'trace_metric',
    statsd: 'metric_bucket',
    metric_buckets: 'metric_bucket',
  };
  for (const [type, category] of Object.entries(expected)) assert.equal(dataCategoryOf(type), category, type);
  for (const info of Object.values(ITEM_TYPES)) assert.equal(isDataCategory(info.category), true);
});

test('deprecated and event-like flags', () => {
  const deprecated = Object.entries(ITEM_TYPES)
    .filter(([, i]) => i.deprecated)
    .map(([t]) => t);
  assert.deepEqual(deprecated.sort(), ['metric_buckets', 'statsd']);
  const eventLike = Object.entries(ITEM_TYPES)
    .filter(([, i]) => i.eventLike)
    .map(([t]) => t);
  assert.deepEqual(eventLike.sort(), ['event', 'feedback', 'form_data', 'nel', 'raw_security', 'replay_event', 'security', 'transaction']);
});

test('payload hints: security reports, transactions in event items, UI profile chunks', () => {
  assert.equal(dataCategoryOf('event', { eventType: 'csp' }), 'security');
  assert.equal(dataCategoryOf('event', { eventType: 'expectstaple' }), 'security');
  assert.equal(dataCategoryOf('event', { eventType: 'transaction' }), 'transaction');
  // Message-only events stay `error`, as the JS SDK files them (docs/wire-format.md › Item types and data categories).
  assert.equal(dataCategoryOf('event', { eventType: 'default' }), 'error');
  assert.equal(dataCategoryOf('profile_chunk', { platform: 'cocoa' }), 'profile_chunk_ui');
  assert.equal(dataCategoryOf('profile_chunk', { platform: 'python' }), 'profile_chunk');
  assert.equal(dataCategoryOf('session', { eventType: 'csp' }), 'session', 'hints only apply to their item type');
});

test('unknown item types are accepted with category unknown, never an error', () => {
  assert.equal(dataCategoryOf('brand_new_type'), 'unknown');
  assert.equal(dataCategoryOf('__proto__'), 'unknown');
  assert.equal(itemTypeInfo('x').deprecated, false);
  assert.ok(DATA_CATEGORIES.includes('unknown'));
});

test('quantitiesOf: items, bytes and container records', () => {
  const payload = new Uint8Array(1234);
  assert.deepEqual(quantitiesOf({ type: 'attachment', headers: {}, payload }), [
    { category: 'attachment', quantity: 1234 },
    { category: 'attachment_item', quantity: 1 },
  ]);
  assert.deepEqual(quantitiesOf({ type: 'log', headers: { item_count: 3 }, payload }), [
    { category: 'log_item', quantity: 3 },
    { category: 'log_byte', quantity: 1234 },
  ]);
  assert.deepEqual(quantitiesOf({ type: 'span', headers: { item_count: 12 }, payload }), [{ category: 'span', quantity: 12 }]);
  assert.deepEqual(quantitiesOf({ type: 'span', headers: {}, payload }), [{ category: 'span', quantity: 1 }]);
  assert.deepEqual(quantitiesOf({ type: 'event', headers: { item_count: 9 }, payload }, { eventType: 'csp' }), [{ category: 'security', quantity: 1 }]);
});
