import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Notes } from './processing-notes.js';
import { canonicalHeaderName, normalizeRequest, parseCookies, parseQuery } from './request.js';

describe('request', () => {
  it('splits query and fragment out of the URL unless given separately', () => {
    const notes = new Notes();
    assert.deepEqual(normalizeRequest({ url: 'https://ex.com/p?a=1&b=two+words#frag', method: 'post' }, notes), {
      url: 'https://ex.com/p',
      method: 'POST',
      query_string: [
        ['a', '1'],
        ['b', 'two words'],
      ],
      fragment: 'frag',
    });
    assert.deepEqual(normalizeRequest({ url: 'https://ex.com/p?a=1', query_string: 'z=9' }, notes)?.query_string, [['z', '9']]);
  });

  it('query strings as string, object or pairs; headers as object or pairs, canonical names', () => {
    const notes = new Notes();
    const req = normalizeRequest(
      {
        query_string: { a: ['1', '2'], b: 3 },
        headers: [
          ['x-api-key', 'k'],
          ['content-type', 'text/plain'],
        ],
        cookies: 'a=1; b=2',
      },
      notes,
    );
    assert.deepEqual(req, {
      query_string: [
        ['a', '1'],
        ['a', '2'],
        ['b', '3'],
      ],
      headers: [
        ['X-Api-Key', 'k'],
        ['Content-Type', 'text/plain'],
      ],
      cookies: [
        ['a', '1'],
        ['b', '2'],
      ],
    });
    assert.deepEqual(notes.finish(), []);
  });

  it('cookies come from the Cookie header when not sent separately', () => {
    const req = normalizeRequest({ headers: { cookie: 'sid=abc; theme=dark' } }, new Notes());
    assert.deepEqual(req?.cookies, [
      ['sid', 'abc'],
      ['theme', 'dark'],
    ]);
  });

  it('malformed pairs are removed with a note; data may be a string or a bag', () => {
    const notes = new Notes();
    const req = normalizeRequest({ headers: [['ok', 'v'], ['bad'], [1, 2], ['o', {}]], data: 'a=1', env: { REMOTE_ADDR: '1.2.3.4' } }, notes);
    assert.deepEqual(req, { headers: [['Ok', 'v']], data: 'a=1', env: { REMOTE_ADDR: '1.2.3.4' } });
    assert.deepEqual(notes.finish(), [{ type: 'invalid', path: 'request.headers', detail: '3 malformed entries removed' }]);
  });

  it('parsers: undecodable escapes stay as sent', () => {
    assert.deepEqual(parseQuery('?a=%ZZ&&=x&b'), [
      ['a', '%ZZ'],
      ['b', ''],
    ]);
    // A part without `=` is a nameless value (RFC 6265bis), so the scrubber sees it as a value.
    assert.deepEqual(parseCookies(' a = 1 ;;b'), [
      ['a', '1'],
      ['', 'b'],
    ]);
    assert.equal(canonicalHeaderName('x-FORWARDED-for'), 'X-Forwarded-For');
  });
});
