import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseUserAgent } from './user-agent.js';

const CASES: readonly [string, string | undefined, string | undefined, string | undefined][] = [
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome Headless', '156.0.0.0', 'Linux'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome', '120.0.0.0', 'Windows'],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
    'Edge',
    '120.0.2210.91',
    'Windows',
  ],
  ['Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko', 'IE', '11.0', 'Windows'],
  ['Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1)', 'IE', '8.0', 'Windows'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari', '17.1', 'Mac OS X'],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
    'Mobile Safari',
    '16.6',
    'iOS',
  ],
  ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox', '121.0', 'Linux'],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0',
    'Opera',
    '105.0.0.0',
    'Windows',
  ],
  ['Opera/9.80 (J2ME/MIDP; Opera Mini/7.1.32052/29.3417; U; en) Presto/2.8.119 Version/11.10', 'Opera Mini', '7.1.32052', undefined],
  [
    'Mozilla/5.0 (Linux; U; Android 2.3.6; en-us; Nexus S Build/GRK39F) AppleWebKit/533.1 (KHTML, like Gecko) Version/4.0 Mobile Safari/533.1',
    'Android',
    '2.3.6',
    'Android',
  ],
  ['fixture-client/1.0', undefined, undefined, undefined],
  ['Python-urllib/3.11', undefined, undefined, undefined],
];

describe('parseUserAgent', () => {
  for (const [ua, browser, version, os] of CASES) {
    it(`${browser ?? 'nothing'} ${version ?? ''} on ${os ?? 'unknown'}: ${ua.slice(0, 50)}…`, () => {
      const info = parseUserAgent(ua);
      assert.deepEqual([info.browser?.name, info.browser?.version, info.os?.name], [browser, version, os]);
    });
  }
});

describe('parseUserAgent on crafted headers', () => {
  // The Android and Mobile Safari rules as single expressions, as first written (cubic backtracking).
  const reference: readonly (readonly [string, RegExp])[] = [
    ['Android', /\bAndroid (\d+(?:\.\d+)*).*\bVersion\/\d+(?:\.\d+)*.*\bSafari\//],
    ['Mobile Safari', /\bVersion\/(\d+(?:\.\d+)*).*\bMobile\/\S+.*\bSafari\//],
    ['Safari', /\bVersion\/(\d+(?:\.\d+)*).*\bSafari\//],
  ];
  const referenceBrowser = (ua: string) => {
    for (const [name, re] of reference) {
      const m = re.exec(ua);
      if (m !== null) return { name, version: m[1] as string };
    }
    return undefined;
  };

  it('keyword chains find what the single expressions found', () => {
    const token = fc.constantFrom('Android 4.4', 'Android ', 'Version/4.0', 'Version/', 'Mobile/', 'Mobile/1', 'Safari/', ' ', '\n', 'x', '1', '.');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const ua = tokens.join('');
        assert.deepEqual(parseUserAgent(ua).browser, referenceBrowser(ua), JSON.stringify(ua));
      }),
      { numRuns: 4000 },
    );
  });

  it('a 1 KiB header of repeated keywords gets the right answer', () => {
    assert.deepEqual(parseUserAgent('Version/1 Mobile/'.repeat(60)).browser, undefined);
    assert.deepEqual(parseUserAgent(`${'Version/1 Mobile/'.repeat(58)}x Safari/`).browser, { name: 'Mobile Safari', version: '1' });
    assert.deepEqual(parseUserAgent('Android 1 Version/1 '.repeat(51)).browser, undefined);
    assert.deepEqual(parseUserAgent(`${'Android 1 Version/1 '.repeat(50)}Safari/`).browser, { name: 'Android', version: '1' });
  });
});
