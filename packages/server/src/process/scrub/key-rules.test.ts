import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { keyRulesFor } from './key-rules.js';
import { DEFAULT_SCRUB_SETTINGS } from './scrub-settings.js';

const rulesWith = (sensitiveFields: string[]) => keyRulesFor({ ...DEFAULT_SCRUB_SETTINGS, enabled: true, sensitiveFields });

test('a custom field mentioned in text: `_` stands for any run of `-`, `_` or spaces, at least as long', () => {
  const rules = rulesWith(['order__ref']);
  assert.equal(rules.mentionsSensitiveKey('ORDER - REF=7'), true);
  assert.equal(rules.mentionsSensitiveKey('order_ref=7'), false, 'two separators are needed');
  assert.equal(rules.mentionsSensitiveKey('orderref=7'), false);
});

test('fields of separators cannot make the pre-check backtrack on long runs of spaces', () => {
  const spaces = ' '.repeat(8192);
  const rules = rulesWith(['a____b', '_key', 'x__']);
  assert.equal(rules.mentionsSensitiveKey(`a${spaces}`), false);
  assert.equal(rules.mentionsSensitiveKey(`a${spaces}b`), true);
  assert.equal(rules.mentionsSensitiveKey('_'.repeat(20000)), false);
  assert.equal(rules.mentionsSensitiveKey(`${'_'.repeat(20000)}KEY`), true);
  assert.equal(rules.mentionsSensitiveKey(`${'a_'.repeat(8192)}`), false);
  assert.equal(rules.mentionsSensitiveKey(`x${spaces}`), true);
});

/** The pre-check as first written: every `_` one `[-_\s]+`. Exponential, so tiny inputs only. */
function naive(fragment: string, text: string): boolean {
  const source = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('_', '[-_\\s]+');
  return new RegExp(source, 'i').test(text);
}

test('the pre-check finds exactly what one `[-_\\s]+` per `_` finds', () => {
  const char = fc.constantFrom('a', 'b', 'B', '_', '-', ' ', '.', '*');
  fc.assert(
    fc.property(fc.array(char, { minLength: 1, maxLength: 6 }), fc.array(char, { maxLength: 14 }), (f, t) => {
      const field = f.join('');
      const text = t.join('');
      const rules = rulesWith([field]);
      // Settings hold fields as given; the rules search for their normalized form.
      const normalized = field.toLowerCase().replace(/[\s-]+/g, '_');
      assert.equal(rules.mentionsSensitiveKey(text), naive(normalized, text), `${JSON.stringify(field)} in ${JSON.stringify(text)}`);
    }),
    { numRuns: 3000 },
  );
});
