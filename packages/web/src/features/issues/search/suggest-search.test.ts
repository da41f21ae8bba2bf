import { describe, expect, it } from 'vitest';
import { filterValue, statusTabOf, withFilter, withStatusTab } from './query-edit.js';
import { applySuggestion, suggestSearch } from './suggest-search.js';
import { formatValue, tokenizeSearch } from './tokenize-search.js';

const tags = [
  { key: 'browser', topValues: ['Chrome 120', 'Firefox 121'] },
  { key: 'release', topValues: ['shop@2.0.0', 'shop@1.9.3'] },
  { key: 'environment', topValues: ['production', 'staging'] },
];

function labels(query: string, cursor = query.length) {
  return suggestSearch(query, cursor, tags).items.map((s) => s.label);
}

describe('tokenizeSearch', () => {
  it('splits filters, negation, quoted values, lists, operators and free text with their offsets', () => {
    const terms = tokenizeSearch('is:unresolved !browser.name:"Safari 11*" level:[error, fatal] timesSeen:>10 timed "out now"');
    expect(terms.map((t) => [t.key, t.negated, t.operator, t.values])).toEqual([
      ['is', false, '', ['unresolved']],
      ['browser.name', true, '', ['Safari 11*']],
      ['level', false, '', ['error', 'fatal']],
      ['timesSeen', false, '>', ['10']],
      [null, false, '', ['timed']],
      [null, false, '', ['out now']],
    ]);
    expect(terms[1]?.start).toBe(14);
    expect(terms[1]?.raw).toBe('!browser.name:"Safari 11*"');
  });

  it('reads unfinished input without throwing', () => {
    expect(tokenizeSearch('level: title:"time').map((t) => [t.key, t.values])).toEqual([
      ['level', []],
      ['title', ['time']],
    ]);
    expect(tokenizeSearch('tags[level]:x')[0]?.key).toBe('level');
  });

  it('quotes and escapes values only when needed', () => {
    expect(formatValue('production')).toBe('production');
    expect(formatValue('Chrome 120')).toBe('"Chrome 120"');
    expect(formatValue('a*b')).toBe('a\\*b');
    expect(formatValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(formatValue('>x')).toBe('">x"');
  });
});

describe('suggestSearch', () => {
  it('offers keys, built-in first then tags, for the typed prefix', () => {
    expect(labels('')).toContain('is:');
    expect(labels('lev')).toEqual(['level:']);
    // Prefix matches come before matches inside a word.
    expect(labels('le')).toEqual(['level:', 'release:', 'firstRelease:', 'title:']);
    expect(labels('bro')).toEqual(['browser:']);
    expect(labels('is:unresolved rel')).toEqual(['release:', 'firstRelease:']);
  });

  it('offers is: values, levels and fixed values after the colon, filtered by what is typed', () => {
    expect(labels('is:')).toEqual(['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'regressed', 'for_review']);
    expect(labels('is:re')).toEqual(['resolved', 'regressed', 'unresolved', 'ignored', 'for_review']);
    expect(labels('is:reg')).toEqual(['regressed']);
    expect(labels('level:f')).toEqual(['fatal']);
    expect(labels('!level:')).toContain('warning');
  });

  it('offers tag values, quoting them on insert, and has: offers tag keys', () => {
    const s = suggestSearch('browser:', 8, tags);
    expect(s.items.map((i) => i.label)).toEqual(['Chrome 120', 'Firefox 121']);
    expect(applySuggestion('browser:', s, s.items[0] as never).query).toBe('browser:"Chrome 120" ');
    expect(labels('release:')).toEqual(['latest', 'shop@2.0.0', 'shop@1.9.3']);
    expect(labels('environment:st')).toEqual(['staging']);
    expect(labels('has:')).toEqual(['browser', 'release', 'environment']);
  });

  it('offers operators and relative times for comparable keys', () => {
    expect(labels('firstSeen:')).toEqual(['>', '>=', '<', '<=', '-1h', '-24h', '-7d', '-30d', '+7d', '+30d']);
    expect(labels('timesSeen:')).toEqual(['>', '>=', '<', '<=']);
  });

  it('completes the list item under the cursor and skips items already chosen', () => {
    const q = 'level:[error, f] x';
    const s = suggestSearch(q, 15, tags);
    expect(s.items.map((i) => i.label)).toEqual(['fatal']);
    expect(applySuggestion(q, s, s.items[0] as never).query).toBe('level:[error, fatal] x');
    expect(labels('level:[error, ', 14)).not.toContain('error');
  });

  it('replaces only the term at the cursor in the middle of a query', () => {
    const q = 'is:unresolved lev browser:x';
    const s = suggestSearch(q, 17, tags);
    expect(s.items[0]?.label).toBe('level:');
    const applied = applySuggestion(q, s, s.items[0] as never);
    expect(applied.query).toBe('is:unresolved level: browser:x');
    expect(applied.cursor).toBe(20);
  });

  it('offers nothing inside free text that cannot be a key', () => {
    expect(labels('"timed out')).toEqual([]);
  });
});

describe('query edits for tabs and filters', () => {
  it('derives the status tab from the query', () => {
    expect(statusTabOf('is:unresolved level:error')).toBe('unresolved');
    expect(statusTabOf('is:unresolved is:for_review')).toBe('for_review');
    expect(statusTabOf('is:archived')).toBe('ignored');
    expect(statusTabOf('!is:resolved')).toBe('all');
    expect(statusTabOf('level:error')).toBe('all');
  });

  it('swaps status filters and keeps the rest', () => {
    expect(withStatusTab('is:unresolved level:error timeout', 'resolved')).toBe('is:resolved level:error timeout');
    expect(withStatusTab('is:unresolved is:for_review is:assigned', 'regressed')).toBe('is:regressed is:assigned');
    expect(withStatusTab('is:resolved x', 'all')).toBe('x');
  });

  it('reads and sets a plain filter', () => {
    expect(filterValue('is:unresolved release:"shop 2"', 'release')).toBe('shop 2');
    expect(withFilter('is:unresolved release:a', 'release', 'b')).toBe('is:unresolved release:b');
    expect(withFilter('is:unresolved release:a', 'release', null)).toBe('is:unresolved');
  });
});
