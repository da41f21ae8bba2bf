import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FaultlineError } from '../../kernel/index.js';
import { parseDurationMs, parseSearchFilters } from './search-filters.js';

describe('event search filters', () => {
  it('reads keys, negation, quotes, lists, has, comparisons and free text', () => {
    assert.deepEqual(parseSearchFilters('transaction:"GET /users/:id" !http.method:[POST, PUT] has:user.email span.duration:>=1.5s Connection refused'), [
      { key: 'transaction', negated: false, op: 'eq', values: ['GET /users/:id'] },
      { key: 'http.method', negated: true, op: 'eq', values: ['POST', 'PUT'] },
      { key: 'user.email', negated: false, op: 'has', values: [] },
      { key: 'span.duration', negated: false, op: 'gte', values: ['1.5s'] },
      { key: 'message', negated: false, op: 'eq', values: ['*Connection refused*'] },
    ]);
    assert.deepEqual(parseSearchFilters('tags[Batch Size,number]:>5 AND release:a@1'), [
      { key: 'tags[Batch Size,number]', negated: false, op: 'gt', values: ['5'] },
      { key: 'release', negated: false, op: 'eq', values: ['a@1'] },
    ]);
    assert.equal(parseDurationMs('1.5s'), 1500);
    assert.equal(parseDurationMs('250'), 250);
    assert.equal(parseDurationMs('soon'), null);
  });

  it('answers any input with filters or a validation error, never anything else (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: fc.constantFrom('a', ':', '"', '!', '[', ']', ',', ' ', '(', ')', '>', '=', '\\', '*', 'O', 'R') }),
        (query) => {
          try {
            const filters = parseSearchFilters(query);
            for (const f of filters) assert.equal(typeof f.key, 'string');
          } catch (error) {
            assert.ok(error instanceof FaultlineError, String(error));
            assert.equal(error.status, 400);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses an over-long query and too many terms', () => {
    assert.throws(() => parseSearchFilters('a'.repeat(2001)), /longer than/);
    assert.throws(() => parseSearchFilters(Array.from({ length: 60 }, (_, i) => `k${i}:v`).join(' ')), /at most 50 filters/);
  });
});
