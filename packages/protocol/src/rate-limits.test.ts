import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DATA_CATEGORIES } from './data-categories.js';
import { formatRateLimits, parseRateLimits, type RateLimit, retryAfterSeconds, withLinkedCategories } from './rate-limits.js';

test('formats the captured header byte for byte [node8/036]', () => {
  assert.equal(
    formatRateLimits([{ retryAfterSeconds: 60, categories: withLinkedCategories(['error']), scope: 'organization', reasonCode: 'quota_exceeded' }]),
    '60:error;default:organization:quota_exceeded',
  );
});

test('multiple limits, all-categories, namespaces, rounding (Sentry developer docs, Rate Limiting)', () => {
  const limits: RateLimit[] = [
    { retryAfterSeconds: 59.2, categories: ['error', 'transaction'], scope: 'organization', reasonCode: 'quota_exceeded' },
    { retryAfterSeconds: 2700, categories: [], scope: 'project' },
    { retryAfterSeconds: 10, categories: ['metric_bucket'], scope: 'key', namespaces: ['custom'] },
    { retryAfterSeconds: 0, categories: ['span'] },
    { retryAfterSeconds: Number.NaN, categories: ['log_item'], scope: 'project', reasonCode: 'dis:abled;,' },
    { retryAfterSeconds: 1e30, categories: ['replay'] },
    { retryAfterSeconds: 5, categories: [' ; '] }, // cleans to nothing: must not become "all"
  ];
  assert.equal(
    formatRateLimits(limits),
    '60:error;transaction:organization:quota_exceeded, 2700::project, 10:metric_bucket:key::custom, 1:span:organization, 60:log_item:project:disabled, 2147483647:replay:organization',
  );
  assert.equal(formatRateLimits([]), '');
  assert.equal(retryAfterSeconds(limits), 2147483647);
  assert.equal(retryAfterSeconds([]), 60);
  assert.equal(retryAfterSeconds([{ retryAfterSeconds: 0.2, categories: [] }]), 1);
});

test('error and default are limited together', () => {
  assert.deepEqual(withLinkedCategories(['default']).sort(), ['default', 'error']);
  assert.deepEqual(withLinkedCategories(['transaction', 'span']), ['transaction', 'span']);
});

test('parses like the JS SDK: bad retry_after → 60, empty categories → all, empty entry → all', () => {
  assert.deepEqual(parseRateLimits('60:error;default:organization:quota_exceeded, 2700:default;error;security:project'), [
    { retryAfterSeconds: 60, categories: ['error', 'default'], scope: 'organization', reasonCode: 'quota_exceeded' },
    { retryAfterSeconds: 2700, categories: ['default', 'error', 'security'], scope: 'project' },
  ]);
  assert.deepEqual(parseRateLimits('soon:error'), [{ retryAfterSeconds: 60, categories: ['error'] }]);
  assert.deepEqual(parseRateLimits('60:error, '), [
    { retryAfterSeconds: 60, categories: ['error'] },
    { retryAfterSeconds: 60, categories: [] },
  ]);
  assert.deepEqual(parseRateLimits('10:metric_bucket:organization:quota_exceeded:custom;other')[0]?.namespaces, ['custom', 'other']);
  assert.deepEqual(parseRateLimits('   '), []);
});

test('property: parse(format(limits)) keeps every limit', () => {
  const limit = fc.record({
    retryAfterSeconds: fc.integer({ min: 1, max: 1e6 }),
    categories: fc.uniqueArray(fc.constantFrom(...DATA_CATEGORIES), { maxLength: 4 }),
    scope: fc.constantFrom('organization', 'project', 'key'),
    reasonCode: fc.option(fc.constantFrom('quota_exceeded', 'disabled'), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(limit, { maxLength: 5 }), (limits) => {
      const parsed = parseRateLimits(formatRateLimits(limits));
      // An absent reason code is not written, so it does not come back as a key either.
      const expected = limits.map(({ reasonCode, ...rest }) => ({ ...rest, ...(reasonCode === undefined ? {} : { reasonCode }) }));
      assert.deepEqual(parsed, expected);
    }),
  );
});
