import { describe, expect, it } from 'vitest';
import { valueContext } from './search/suggest-search.js';
import { mergeTags } from './use-project-tags.js';

describe('project-wide tag suggestions', () => {
  it('knows which tag value is being typed', () => {
    expect(valueContext('is:unresolved browser.name:Chr', 30)).toEqual({ key: 'browser.name', typed: 'Chr' });
    expect(valueContext('tags[my-key]:"a b', 17)).toEqual({ key: 'my-key', typed: 'a b' });
    expect(valueContext('environment:[prod,sta', 21)).toEqual({ key: 'environment', typed: 'sta' });
    expect(valueContext('release:', 8)).toEqual({ key: 'release', typed: '' });
    expect(valueContext('is:unres', 8)).toBeNull();
    expect(valueContext('browser', 7)).toBeNull();
  });

  it('puts the server’s values for the typed prefix first, keeps the page’s as fallback, adds project keys', () => {
    const values = new Map([
      ['browser.name\u0000', ['Chrome', 'Firefox']],
      ['browser.name\u0000Sa', ['Safari']],
    ]);
    const merged = mergeTags(['browser.name', 'device'], values, { key: 'browser.name', typed: 'Sa' }, [{ key: 'browser.name', topValues: ['Edge'] }]);
    expect(merged).toEqual([
      { key: 'browser.name', topValues: ['Safari', 'Edge', 'Chrome', 'Firefox'] },
      { key: 'device', topValues: [] },
    ]);
    // Before the server answers, the page's tags are all there is.
    expect(mergeTags(null, new Map(), null, [{ key: 'level', topValues: ['error'] }])).toEqual([{ key: 'level', topValues: ['error'] }]);
  });
});
