import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_STACK_RULES_2026_11 } from './builtin-stack-rules.js';
import { computeGrouping } from './compute-grouping.js';
import type { GroupingEvent, GroupingFrame } from './grouping-input.js';
import { compileGroupingRules } from './grouping-rules.js';
import { parseStackRules } from './parse-stack-rules.js';

// A rule set using every action, a caller matcher and comments (syntax: Sentry product docs,
// Issue Grouping › Stack Trace Rules).
const RULES_EXAMPLE = `stack.abs_path:**/node_modules/**        -app
stack.module:@babel/**                   -app -group
family:javascript stack.function:__webpack_require__ -group
stack.function:assertion_failed          ^-group     # a trailing comment
stack.function:panic_handler             v-group
stack.module:myapp.**                    +app
error.type:ValidationError               max-frames=3
family:native                            min-frames=2 invert-stacktrace=1
[ stack.function:retry ] | stack.function:call   -group   # caller matcher
`;

test('parses a documented example into typed rules', () => {
  const parsed = parseStackRules(RULES_EXAMPLE);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const summary = parsed.rules.map((r) => ({
    caller: r.caller?.map((m) => `${m.key}=${m.pattern}`) ?? null,
    matchers: r.matchers.map((m) => `${m.key}=${m.pattern}`),
    actions: r.actions.map((a) => (a.kind === 'flag' ? `${a.range}:${a.value ? '+' : '-'}${a.flag}` : `${a.kind}=${a.value}`)),
  }));
  assert.deepEqual(summary, [
    { caller: null, matchers: ['stack.abs_path=**/node_modules/**'], actions: ['frame:-app'] },
    { caller: null, matchers: ['stack.module=@babel/**'], actions: ['frame:-app', 'frame:-group'] },
    { caller: null, matchers: ['family=javascript', 'stack.function=__webpack_require__'], actions: ['frame:-group'] },
    { caller: null, matchers: ['stack.function=assertion_failed'], actions: ['up:-group'] },
    { caller: null, matchers: ['stack.function=panic_handler'], actions: ['down:-group'] },
    { caller: null, matchers: ['stack.module=myapp.**'], actions: ['frame:+app'] },
    { caller: null, matchers: ['error.type=ValidationError'], actions: ['max-frames=3'] },
    { caller: null, matchers: ['family=native'], actions: ['min-frames=2', 'invert-stacktrace=true'] },
    { caller: ['stack.function=retry'], matchers: ['stack.function=call'], actions: ['frame:-group'] },
  ]);
});

test('callee brackets, aliases and the built-in rules parse', () => {
  const parsed = parseStackRules(
    'path:a/** function:f | [ module:m category:c ] +app category=helper\nmechanism:generic value:x type:E package:p app:no -group',
  );
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(
    parsed.rules[0]?.callee?.map((m) => m.key),
    ['stack.module', 'category'],
  );
  assert.deepEqual(
    parsed.rules[1]?.matchers.map((m) => m.key),
    ['error.mechanism', 'error.value', 'error.type', 'stack.package', 'app'],
  );
  assert.ok(BUILTIN_STACK_RULES_2026_11.length >= 10);
});

test('errors carry the line and column of the problem', () => {
  const cases: [string, number, RegExp][] = [
    ['stack.function:foo', 19, /expected an action/],
    ['stack.function:foo +bogus', 20, /unknown action '\+bogus'/],
    ['stack.function:foo max-frames=x', 20, /max-frames expects a whole number/],
    ['stack.function:foo invert-stacktrace=2', 20, /invert-stacktrace expects 1 or 0/],
    ['stack.function:foo colour=red', 20, /unknown action 'colour='/],
    ['stack.function:foo -app stack.module:x', 25, /matchers must come before actions/],
    ['[ stack.function:a stack.function:b', 36, /expected '\]'/],
    ['[ ] | stack.function:b -app', 4, /need at least one matcher/],
    ['[ stack.function:a ] stack.function:b -app', 22, /expected '\|'/],
    ['stack.function:a | stack.function:b -app', 20, /expected '\['/],
    ['tags.x:y -app', 1, /unknown matcher 'tags.x'/],
    ['message:x -app', 1, /unknown matcher 'message'/],
    ['+app', 1, /expected a frame matcher/],
    ['family:javascript,cobol -app', 1, /unknown family 'cobol'/],
    ['stack.function:"foo -app', 16, /unterminated quoted string/],
  ];
  for (const [text, column, message] of cases) {
    const parsed = parseStackRules(`\n\n${text}`);
    assert.ok(!parsed.ok, text);
    const [e] = parsed.errors;
    assert.equal(parsed.errors.length, 1, text);
    assert.equal(e?.line, 3, text);
    assert.equal(e?.column, column, `${text}: ${e?.message}`);
    assert.match(e?.message ?? '', message, text);
  }
});

// Applying rules: observed through the effective in_app flags grouping returns.
const names = ['a', 'b', 'c', 'd'];
const event = (frames: readonly Partial<GroupingFrame>[] = names.map((n) => ({ function: n }))): GroupingEvent => ({
  platform: 'python',
  exception: { values: [{ type: 'ValueError', value: 'x', stacktrace: { frames: frames.map((f) => ({ module: 'app', in_app: false, ...f })) } }] },
});

function inApp(stackRules: string, e: GroupingEvent = event()): readonly boolean[] | null | undefined {
  const compiled = compileGroupingRules({ stackRules });
  assert.ok(compiled.ok, JSON.stringify(compiled));
  return computeGrouping(e, compiled.rules).effectiveInApp.exception[0];
}

test('flags apply to the match, or with ^ to the newer frames and with v to the older ones', () => {
  assert.deepEqual(inApp('stack.function:b +app'), [false, true, false, false]);
  assert.deepEqual(inApp('stack.function:b ^+app'), [false, false, true, true]);
  assert.deepEqual(inApp('stack.function:b v+app'), [true, false, false, false]);
  assert.deepEqual(inApp('stack.function:b v+app ^+app +app'), [true, true, true, true]);
});

test('later rules override earlier ones; app: sees what earlier rules decided', () => {
  assert.deepEqual(inApp('stack.function:* +app\nstack.function:c -app'), [true, true, false, true]);
  assert.deepEqual(inApp('stack.function:[ab] +app\napp:yes stack.function:b -app'), [true, false, false, false]);
  assert.deepEqual(inApp('stack.function:c category=helper\ncategory:helper +app'), [false, false, true, false]);
});

test('caller and callee matchers look at the neighbouring frames', () => {
  assert.deepEqual(inApp('[ stack.function:a ] | stack.function:* +app'), [false, true, false, false]);
  assert.deepEqual(inApp('stack.function:* | [ stack.function:d ] +app'), [false, false, true, false]);
  assert.deepEqual(inApp('[ stack.function:x ] | stack.function:b +app'), [false, false, false, false]);
});

test('exception matchers, negation and paths (relative ones too)', () => {
  assert.deepEqual(inApp('error.type:ValueError stack.function:d +app'), [false, false, false, true]);
  assert.deepEqual(inApp('error.type:TypeError stack.function:d +app'), [false, false, false, false]);
  assert.deepEqual(inApp('!stack.function:a +app'), [false, true, true, true]);
  const paths = event([{ abs_path: '/srv/app/x.py' }, { filename: 'lib/y.py' }, { abs_path: 'C:\\proj\\lib\\z.py' }]);
  assert.deepEqual(inApp('stack.abs_path:**/lib/** +app', paths), [false, true, true]);
  assert.deepEqual(inApp('path:/srv/** +app', paths), [true, false, false]);
});

test('built-in rules take node_modules, node: internals and site-packages out of the app; project rules come after', () => {
  const js: GroupingEvent = {
    platform: 'node',
    exception: {
      values: [
        {
          type: 'Error',
          stacktrace: {
            frames: [
              { filename: 'node:internal/timers', in_app: true },
              { filename: '/app/node_modules/my-lib/index.js', in_app: true },
              { filename: '/app/node_modules/other/index.js', in_app: true },
              { filename: '/app/src/x.js', in_app: true },
            ],
          },
        },
      ],
    },
  };
  assert.deepEqual(inApp('', js), [false, false, false, true]);
  assert.deepEqual(inApp('stack.abs_path:**/node_modules/my-lib/** +app', js), [false, true, false, true]);
  const py = event([
    { abs_path: '/usr/lib/python3/dist-packages/x.py', in_app: true },
    { abs_path: '/app/y.py', in_app: true },
  ]);
  assert.deepEqual(inApp('', py), [false, true]);
});
