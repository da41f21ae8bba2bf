import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob } from '../../kernel/index.js';
import { DEFAULT_INBOUND_FILTER_SETTINGS, parseInboundFilterSettings } from './index.js';
import { INBOUND_FILTER_GLOB } from './pattern-filters.js';

describe('parseInboundFilterSettings', () => {
  it('missing input and missing keys take the defaults', () => {
    assert.deepEqual(parseInboundFilterSettings(undefined), { ok: true, settings: DEFAULT_INBOUND_FILTER_SETTINGS });
    assert.deepEqual(parseInboundFilterSettings({}), { ok: true, settings: DEFAULT_INBOUND_FILTER_SETTINGS });
    assert.deepEqual(DEFAULT_INBOUND_FILTER_SETTINGS, {
      browserExtensions: true,
      localhost: false,
      legacyBrowsers: true,
      webCrawlers: true,
      healthChecks: true,
      errorMessages: [],
      releases: [],
    });
  });

  it('accepts partial settings, trims and deduplicates patterns', () => {
    const result = parseInboundFilterSettings({ localhost: true, errorMessages: [' ResizeObserver loop* ', 'ResizeObserver loop*', ''] });
    assert.ok(result.ok);
    if (result.ok) {
      assert.equal(result.settings.localhost, true);
      assert.equal(result.settings.webCrawlers, true);
      assert.deepEqual(result.settings.errorMessages, ['ResizeObserver loop*']);
      assert.ok(Object.isFrozen(result.settings));
    }
  });

  it('reports every problem at once', () => {
    const result = parseInboundFilterSettings({ localhost: 'yes', releases: [1], nope: true, errorMessages: ['[z-a]', 'x'.repeat(201)] });
    assert.deepEqual(result, {
      ok: false,
      reason:
        'unknown setting "nope"; localhost must be true or false; errorMessages patterns must be at most 200 characters; ' +
        'errorMessages has 1 pattern(s) with an invalid [...] class; releases must be a list of strings',
    });
    assert.deepEqual(parseInboundFilterSettings([]), { ok: false, reason: 'inbound filter settings must be an object' });
    const many = parseInboundFilterSettings({ releases: Array.from({ length: 101 }, (_, i) => `r${i}`) });
    assert.deepEqual(many, { ok: false, reason: 'releases allows at most 100 patterns' });
  });
});

describe('inbound filter globs', () => {
  const cases: readonly [string, string, boolean][] = [
    ['ResizeObserver loop*', 'resizeobserver loop limit exceeded', true],
    ['*/health', 'GET /health', true],
    ['*/health', 'GET /health/db', false],
    ['live[z/-]*', 'livez', true],
    ['live[z/-]*', 'lively', false],
    ['[!a]bc', 'xbc', true],
    ['[!a]bc', 'abc', false],
    ['a?c', 'abc', true],
    ['a.c', 'abc', false],
    ['1.2.*', '1.2.3', true],
    ['\\*lit', '*lit', true],
    ['\\*lit', 'xlit', false],
    ['multi*', 'multi\nline', true],
    ['[z-a]x', '[z-a]x', true],
    ['(a|b)+$', '(a|b)+$', true],
    ['unclosed[', 'unclosed[', true],
  ];
  for (const [glob, text, expected] of cases) {
    it(`${JSON.stringify(glob)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      assert.equal(compileGlob(glob, INBOUND_FILTER_GLOB).test(text), expected);
    });
  }
});
