import { describe, expect, it } from 'vitest';
import { describeVersion, formatVersion, releaseHref, searchValue } from './version.js';

const SHA = '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

describe('formatVersion', () => {
  it('shows package@version as the version, the package only when asked', () => {
    expect(formatVersion('checkout@2.4.1')).toBe('2.4.1');
    expect(formatVersion('checkout@2.4.1', true)).toBe('2.4.1, checkout');
    expect(describeVersion('checkout@2.4.1')).toEqual({ short: '2.4.1', pkg: 'checkout', full: 'checkout@2.4.1' });
  });

  it('puts a build after the version in parentheses, shortening a SHA build', () => {
    expect(formatVersion('checkout@2.4.1+403')).toBe('2.4.1 (403)');
    expect(formatVersion(`checkout@2.4.1+${SHA}`)).toBe('2.4.1 (2f4a1b3c4d5e)');
  });

  it('shortens a bare or packaged git SHA to 12 characters', () => {
    expect(formatVersion(SHA)).toBe('2f4a1b3c4d5e');
    expect(formatVersion(`api@${SHA}`, true)).toBe('2f4a1b3c4d5e, api');
    expect(formatVersion(`${SHA}0`)).toBe(`${SHA}0`);
  });

  it('leaves other versions as they are', () => {
    expect(formatVersion('1.0')).toBe('1.0');
    expect(formatVersion('@foo')).toBe('@foo');
    expect(formatVersion('foo@')).toBe('foo@');
    expect(formatVersion('nightly+')).toBe('nightly+');
    expect(describeVersion('nightly').pkg).toBeNull();
  });
});

describe('searchValue and releaseHref', () => {
  it('quotes a version the search would read differently', () => {
    expect(searchValue('shop@1.0.0+build-7')).toBe('shop@1.0.0+build-7');
    expect(searchValue('latest')).toBe('"latest"');
    expect(searchValue('v 1 "beta" *')).toBe('"v 1 \\"beta\\" \\*"');
  });

  it('keeps @ readable and encodes the rest of the version in the path', () => {
    expect(releaseHref('acme', 'shop@1.0.0+b')).toBe('/organizations/acme/releases/shop@1.0.0%2Bb/');
    expect(releaseHref('acme', 'a b', '?project=1')).toBe('/organizations/acme/releases/a%20b/?project=1');
  });
});
