// Stack trace rules ("grouping enhancements"; Sentry product docs, Issue Grouping › Stack Trace Rules), one per line:
//   [ caller matchers ] | frame matchers | [ callee matchers ]  actions…
// Actions: [^v]?[+-](app|group), max-frames=N, min-frames=N, invert-stacktrace=1, category=NAME.
// `^` applies a flag to the frames above the match and `v` to those below, the match itself
// excluded — "above" as Sentry's UI shows a stack, newest on top: toward the crash (callees);
// "below" toward the callers. (As Sentry's enhancer applies them; easily read the other way round.)
import { parseRuleLines, type RuleLine, type RulesParseResult } from './rule-line.js';
import { compileMatcher, type RuleMatcher } from './rule-matchers.js';

export type StackRuleAction =
  | { readonly kind: 'flag'; readonly flag: 'app' | 'group'; readonly value: boolean; readonly range: 'frame' | 'up' | 'down' }
  | { readonly kind: 'max-frames' | 'min-frames'; readonly value: number }
  | { readonly kind: 'invert-stacktrace'; readonly value: boolean }
  | { readonly kind: 'category'; readonly value: string };

export interface StackRule {
  readonly line: number;
  readonly text: string;
  /** Must hold for the previous (calling, older) frame. */
  readonly caller: readonly RuleMatcher[] | null;
  readonly matchers: readonly RuleMatcher[];
  /** Must hold for the next (called, newer) frame. */
  readonly callee: readonly RuleMatcher[] | null;
  readonly actions: readonly StackRuleAction[];
}

const FLAG = /^([v^]?)([+-])([A-Za-z]+)$/;
const VAR = /^([A-Za-z-]+)=(.*)$/;
const ACTION_START = /^(?:[v^]?[+-][A-Za-z]|[A-Za-z-]+=)/;

function matcher(line: RuleLine): RuleMatcher {
  const m = line.readMatcher();
  const compiled = compileMatcher('stack', m.key, m.value, m.negated);
  if ('error' in compiled) throw line.fail(compiled.error, m.column);
  return compiled;
}

function bracket(line: RuleLine, which: string): RuleMatcher[] {
  line.pos++;
  const out: RuleMatcher[] = [];
  for (;;) {
    line.skipSpaces();
    if (line.peek() === ']') {
      line.pos++;
      break;
    }
    if (line.atEnd()) throw line.fail(`expected ']' to close the ${which} matchers`);
    out.push(matcher(line));
  }
  if (out.length === 0) throw line.fail(`the ${which} brackets need at least one matcher`);
  return out;
}

function action(line: RuleLine): StackRuleAction {
  const column = line.pos + 1;
  const token = line.readBare();
  const flag = FLAG.exec(token);
  if (flag !== null) {
    const name = flag[3];
    if (name !== 'app' && name !== 'group') throw line.fail(`unknown action '${token}' (expected +app, -app, +group or -group)`, column);
    const range = flag[1] === '^' ? 'up' : flag[1] === 'v' ? 'down' : 'frame';
    return { kind: 'flag', flag: name, value: flag[2] === '+', range };
  }
  const v = VAR.exec(token);
  if (v === null) {
    const hint = token.includes(':') ? ' (matchers must come before actions)' : '';
    throw line.fail(`unknown action '${token}'${hint}`, column);
  }
  const [, name = '', value = ''] = v;
  if (name === 'max-frames' || name === 'min-frames') {
    if (!/^\d{1,4}$/.test(value)) throw line.fail(`${name} expects a whole number, got '${value}'`, column);
    return { kind: name, value: Number(value) };
  }
  if (name === 'invert-stacktrace') {
    if (!['0', '1', 'true', 'false'].includes(value)) throw line.fail(`invert-stacktrace expects 1 or 0, got '${value}'`, column);
    return { kind: name, value: value === '1' || value === 'true' };
  }
  if (name === 'category') {
    if (value === '') throw line.fail('category needs a name', column);
    return { kind: name, value };
  }
  throw line.fail(`unknown action '${name}=' (expected max-frames, min-frames, invert-stacktrace or category)`, column);
}

function parseRule(line: RuleLine): StackRule {
  line.skipSpaces();
  let caller: RuleMatcher[] | null = null;
  if (line.peek() === '[') {
    caller = bracket(line, 'caller');
    line.skipSpaces();
    if (line.peek() !== '|') throw line.fail("expected '|' after the caller matchers");
    line.pos++;
  }
  const matchers: RuleMatcher[] = [];
  while (!line.atEnd() && line.peek() !== '|' && !ACTION_START.test(line.text.slice(line.pos))) matchers.push(matcher(line));
  if (matchers.length === 0) throw line.fail('expected a frame matcher such as stack.function:name');
  let callee: RuleMatcher[] | null = null;
  if (!line.atEnd() && line.peek() === '|') {
    line.pos++;
    line.skipSpaces();
    if (line.peek() !== '[') throw line.fail("expected '[' with the callee matchers after '|'");
    callee = bracket(line, 'callee');
  }
  const actions: StackRuleAction[] = [];
  while (!line.atEnd()) actions.push(action(line));
  if (actions.length === 0) throw line.fail('expected an action such as +app, -app, +group or -group');
  return { line: line.line, text: line.text.trim(), caller, matchers, callee, actions };
}

/** Parses a project's stack trace rules; on failure, every line's first error with its position. */
export function parseStackRules(text: string): RulesParseResult<StackRule> {
  return parseRuleLines(text, parseRule);
}
