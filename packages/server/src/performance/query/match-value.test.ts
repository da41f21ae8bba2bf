import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { matchesWildcard } from './match-value.js';

/** An obviously correct (exponential, tiny inputs only) reference. */
function reference(p: string, t: string): boolean {
  if (p === '') return t === '';
  if (p[0] === '*') return reference(p.slice(1), t) || (t !== '' && reference(p, t.slice(1)));
  return t !== '' && p[0] === t[0] && reference(p.slice(1), t.slice(1));
}

describe('wildcard values', () => {
  it('matches prefix, suffix, infix and exact values, ignoring case', () => {
    assert.ok(matchesWildcard('GET /api/*', 'get /api/users'));
    assert.ok(matchesWildcard('*timeout*', 'Connection timeout after 3s'));
    assert.ok(!matchesWildcard('*timeout', 'timeout after'));
    assert.ok(matchesWildcard('a*b*a', 'aba'));
    assert.ok(!matchesWildcard('ab*ba', 'aba'), 'the ends must not overlap');
    assert.ok(matchesWildcard('exact', 'EXACT'));
  });

  it('agrees with a reference matcher (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*]{0,6}$/), fc.stringMatching(/^[ab]{0,8}$/), (p, t) => {
        assert.equal(matchesWildcard(p, t), reference(p, t), `${p} vs ${t}`);
      }),
    );
  });

  it('stays linear on a hostile pattern against a long text', () => {
    assert.equal(matchesWildcard(`${'*a'.repeat(10)}*b`, 'a'.repeat(8192)), false);
  });
});
