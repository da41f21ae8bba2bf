import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PARAMETERIZED_MAX_LENGTH, parameterize } from './parameterize.js';

test("replaces the variable parts Sentry's grouping parameterizes", () => {
  const cases: [string, string][] = [
    ['Cannot read items of order 7', 'Cannot read items of order <int>'],
    ['order_17 failed for abc-42', 'order_<int> failed for abc-<int>'],
    ['balance -17 is below 3.14', 'balance <int> is below <float>'],
    ['Session 0f8fad5b-d9cb-469f-a165-70867728950e expired', 'Session <uuid> expired'],
    ['No account for alice.smith+x@example.com', 'No account for <email>'],
    ['see https://example.com/a?b=1 now', 'see <url> now'],
    ['host api.example.com is down', 'host <hostname> is down'],
    ['connect ECONNREFUSED 10.0.0.7:5432', 'connect ECONNREFUSED <ip>:<int>'],
    ['from [2001:db8::8a2e:370:7334]:443 and ::1 and fe80::1', 'from [<ip>]:<int> and <ip> and <ip>'],
    ['tp 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'tp <traceparent>'],
    ['sha 356a192b7913b04c54574d18c28d46e6395428ab md5 d41d8cd98f00b204e9800998ecf8427e', 'sha <sha1> md5 <md5>'],
    ['Report for 2026-11-21T15:32:51.606Z failed', 'Report for <date> failed'],
    ['on 2026-11-21 and 2026/11/21', 'on <date> and <date>'],
    ['Expires Sat, 21 Nov 2026 15:32:51 GMT ok', 'Expires <date> ok'],
    ['at Sat Nov 21 2026 15:32:51 GMT+0100 (Central European Standard Time)!', 'at <date>!'],
    ['at 10:30 and 12:34:56.789', 'at <date> and <date>'],
    ['took 150ms, 2.5s, 3 seconds, 10 min', 'took <duration>, <duration>, <duration>, <duration>'],
    ['pointer 0x7ffd1234 and deadbeef1', 'pointer <hex> and <hex>'],
    ['commit a1b2c3d', 'commit <git_sha>'],
    ['ids 1234567 and 12345678901 alike', 'ids <int> and <int> alike'],
    ['flag=true name="bob" other=\'x\'', 'flag=<bool> name=<quoted_str> other=<quoted_str>'],
  ];
  for (const [input, expected] of cases) assert.equal(parameterize(input), expected, input);
});

test('leaves words, versions, identifiers and code alone', () => {
  for (const s of [
    'user42 was 42nd',
    'v1.2.3 and 1.2.3',
    'defaced effaced',
    'std::vector::push_back',
    'Error::new',
    "KeyError 'items'",
    'Function.executeUserEntryPoint [as runMain]',
  ]) {
    assert.equal(parameterize(s), s);
  }
});

test('grouping sees at most 256 characters', () => {
  assert.equal(PARAMETERIZED_MAX_LENGTH, 256);
  assert.equal(parameterize(`${'a'.repeat(300)} 1`), 'a'.repeat(256));
  assert.equal(parameterize(`${'x '.repeat(100)}${'9'.repeat(2000)}`), `${'x '.repeat(100)}<int>`);
});

test('adversarial input (long runs each alternative could backtrack over) gets the right answer', () => {
  // Every alternative starts behind a look-behind or \b, so these cost linear time; the input is
  // also cut at 4,096 characters. Speed is measured in the bench, not here.
  const head = (s: string) => s.slice(0, PARAMETERIZED_MAX_LENGTH);
  const cases: [string, string][] = [
    ['a.'.repeat(5000), head('a.'.repeat(128))],
    ['aa-aa-aa.'.repeat(600), head('aa-aa-aa.'.repeat(29))],
    ['a'.repeat(10000), 'a'.repeat(256)],
    ['1'.repeat(10000), '<int>'],
    [`1${' '.repeat(5000)}`, head(`<int>${' '.repeat(300)}`)],
    ['1:'.repeat(5000), head('<int>:'.repeat(50))],
    ['0-'.repeat(5000), head('<int>-'.repeat(50))],
    ['="'.repeat(5000), head('=<quoted_str>'.repeat(20))],
    [`="${'x'.repeat(5000)}`, head(`="${'x'.repeat(300)}`)],
    ['Mon Jan 1 2020 00:00:00 ('.repeat(200), head('<date> ('.repeat(40))],
    ['a@'.repeat(5000), head('<email>@'.repeat(40))],
  ];
  for (const [input, expected] of cases) assert.equal(parameterize(input), expected, input.slice(0, 24));
});
