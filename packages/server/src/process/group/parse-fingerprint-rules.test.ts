import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFingerprintRules } from './parse-fingerprint-rules.js';

// A rule set using every matcher form, negation, variables and a title (syntax: Sentry product
// docs, Issue Grouping › Fingerprint Rules).
const RULES_EXAMPLE = `# comment
error.type:DatabaseUnavailable                         -> system-down
error.type:ConnectionError error.value:"*timeout*"      -> network-timeout, {{ transaction }}
stack.function:"handle_*" stack.module:"app.payments.*" -> payments-{{ function }} title="Payment failure"
message:"Failed to send *"                              -> email-failure
logger:"celery.*" level:error                           -> celery, {{ tags.queue }}
!tags.tenant:"internal" family:javascript               -> {{ default }}, external
`;

const rulesOf = (text: string) => {
  const parsed = parseFingerprintRules(text);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.rules;
};

test('parses a documented example into typed rules', () => {
  const rules = rulesOf(RULES_EXAMPLE);
  assert.equal(rules.length, 6);
  const summary = rules.map((r) => ({
    line: r.line,
    matchers: r.matchers.map((m) => `${m.negated ? '!' : ''}${m.key}${m.tag === null ? '' : `(${m.tag})`}=${m.pattern}`),
    fingerprint: r.fingerprint,
    title: r.title,
  }));
  assert.deepEqual(summary, [
    { line: 2, matchers: ['error.type=DatabaseUnavailable'], fingerprint: ['system-down'], title: null },
    { line: 3, matchers: ['error.type=ConnectionError', 'error.value=*timeout*'], fingerprint: ['network-timeout', '{{ transaction }}'], title: null },
    { line: 4, matchers: ['stack.function=handle_*', 'stack.module=app.payments.*'], fingerprint: ['payments-{{ function }}'], title: 'Payment failure' },
    { line: 5, matchers: ['message=Failed to send *'], fingerprint: ['email-failure'], title: null },
    { line: 6, matchers: ['logger=celery.*', 'level=error'], fingerprint: ['celery', '{{ tags.queue }}'], title: null },
    { line: 7, matchers: ['!tags(tenant)=internal', 'family=javascript'], fingerprint: ['{{ default }}', 'external'], title: null },
  ]);
  assert.equal(rules[0]?.text, 'error.type:DatabaseUnavailable                         -> system-down');
});

test('aliases, quoting, escapes, blank-separated values, trailing comments and CRLF', () => {
  const rules = rulesOf(
    'type:Foo value:"a \\"b\\"" path:**/x.js module:m function:f package:p -> "one two" three,four # why\r\n\r\n  sdk:sentry.python release:"1.*" app:yes ->x',
  );
  assert.deepEqual(
    rules[0]?.matchers.map((m) => [m.key, m.pattern]),
    [
      ['error.type', 'Foo'],
      ['error.value', 'a "b"'],
      ['stack.abs_path', '**/x.js'],
      ['stack.module', 'm'],
      ['stack.function', 'f'],
      ['stack.package', 'p'],
    ],
  );
  assert.deepEqual(rules[0]?.fingerprint, ['one two', 'three', 'four']);
  assert.deepEqual(
    rules[1]?.matchers.map((m) => m.key),
    ['sdk', 'release', 'app'],
  );
  assert.equal(rules[1]?.line, 3);
  assert.deepEqual(rules[1]?.fingerprint, ['x']);
});

test('empty text and comment-only text are no rules', () => {
  assert.deepEqual(rulesOf(''), []);
  assert.deepEqual(rulesOf('# nothing\n\n   # still nothing\n'), []);
});

test('errors carry the line and column of the problem', () => {
  const cases: [string, number, RegExp][] = [
    ['error.type:Foo', 15, /expected '->'/],
    ['-> foo', 1, /at least one matcher before '->'/],
    ['error.type:Foo ->', 18, /at least one fingerprint value/],
    ['error.type:Foo -> # only a comment', 19, /at least one fingerprint value/],
    ['bogus:x -> y', 1, /unknown matcher 'bogus'/],
    ['message:x  !stack.colour:red -> y', 12, /unknown matcher 'stack.colour'/],
    ['error.type:"Foo -> y', 12, /unterminated quoted string/],
    ['family:cobol -> y', 1, /unknown family 'cobol'/],
    ['app:maybe -> y', 1, /app expects yes or no/],
    ['error.type:Foo -> x color="red"', 21, /unknown attribute 'color'/],
    ['error.type:Foo -> x title="a" y', 31, /values must come before title/],
    ['error.type:Foo -> x title="a" title="b"', 31, /title is set twice/],
    ['error.type:Foo -> {{ transaction', 19, /unterminated '\{\{'/],
    ['error.type -> x', 11, /expected ':' after matcher 'error.type'/],
    ['error.type: -> x', 12, /needs a value/],
    ['"bad key!":x -> y', 1, /invalid matcher name/],
  ];
  for (const [text, column, message] of cases) {
    const parsed = parseFingerprintRules(`# header\n${text}`);
    assert.ok(!parsed.ok, text);
    assert.equal(parsed.errors.length, 1, text);
    const [e] = parsed.errors;
    assert.equal(e?.line, 2, text);
    assert.equal(e?.column, column, `${text}: ${e?.message}`);
    assert.match(e?.message ?? '', message, text);
  }
});

test('every bad line is reported, good lines do not hide them', () => {
  const parsed = parseFingerprintRules('error.type:A -> a\nerror.type:B\nerror.type:C -> c\nnope:1 -> d\n');
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.errors.map((e) => [e.line, e.column]),
    [
      [2, 13],
      [4, 1],
    ],
  );
});
