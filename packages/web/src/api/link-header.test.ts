import { describe, expect, it } from 'vitest';
import { apiUrl } from './client.js';
import { parseLinkHeader } from './link-header.js';

describe('parseLinkHeader', () => {
  it('reads both cursors and whether each page has results, as the server sends them', () => {
    const header =
      '<http://x.test/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=1795276800000:0:1>; rel="previous"; results="false"; cursor="1795276800000:0:1", ' +
      '<http://x.test/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=1795190400000:42:0>; rel="next"; results="true"; cursor="1795190400000:42:0"';
    const links = parseLinkHeader(header);
    expect(links.previous).toEqual({
      url: 'http://x.test/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=1795276800000:0:1',
      results: false,
      cursor: '1795276800000:0:1',
    });
    expect(links.next?.results).toBe(true);
    expect(links.next?.cursor).toBe('1795190400000:42:0');
  });

  it('gives no pages for a missing or malformed header', () => {
    expect(parseLinkHeader(null)).toEqual({ previous: null, next: null });
    expect(parseLinkHeader('garbage; rel="next"')).toEqual({ previous: null, next: null });
    expect(parseLinkHeader('<u>; rel="self"; results="true"; cursor="x"')).toEqual({ previous: null, next: null });
  });
});

describe('apiUrl', () => {
  it('prefixes /api/0/, repeats list parameters, keeps empty strings and leaves out absent ones', () => {
    expect(apiUrl('projects/acme/shop/issues/', { id: ['1', '2'], query: 'is:unresolved', cursor: null, environment: undefined, limit: 25 })).toBe(
      '/api/0/projects/acme/shop/issues/?id=1&id=2&query=is%3Aunresolved&limit=25',
    );
    // `query=` lists every issue; without it the server applies its default `is:unresolved`.
    expect(apiUrl('organizations/acme/issues/', { query: '' })).toBe('/api/0/organizations/acme/issues/?query=');
    expect(apiUrl('/api/0/issues/1/', { statsPeriod: '24h' })).toBe('/api/0/issues/1/?statsPeriod=24h');
  });
});
