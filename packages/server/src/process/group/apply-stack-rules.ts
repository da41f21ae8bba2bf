// Applies stack trace rules to one stack before grouping (Sentry product docs, Issue Grouping › Stack Trace
// Rules). Like Sentry's enhancer: rules run top to bottom, each over every frame, later rules overriding
// earlier ones. First pass: in-app flags and categories (they change what `app:`/`category:` see); second pass,
// with the final in-app values: group flags and the stack-level settings.
import type { ExceptionView, FrameView } from './event-view.js';
import type { StackRule, StackRuleAction } from './parse-stack-rules.js';
import { frameMatcherValues, type RuleMatcher, testValues } from './rule-matchers.js';

export interface FrameState {
  inApp: boolean;
  /** False when a rule says the frame must not contribute to grouping. */
  group: boolean;
  category: string | undefined;
}

export interface StackOutcome {
  readonly frames: readonly FrameState[];
  /** Only the N newest contributing frames count. */
  readonly maxFrames: number | null;
  /** The stack contributes only with at least N contributing frames. */
  readonly minFrames: number | null;
  readonly invert: boolean;
}

const isFirstPass = (a: StackRuleAction): boolean => (a.kind === 'flag' && a.flag === 'app') || a.kind === 'category';

export function applyStackRules(frames: readonly FrameView[], exception: ExceptionView | null, rules: readonly StackRule[]): StackOutcome {
  const states: FrameState[] = frames.map((f) => ({ inApp: f.inAppHint, group: true, category: undefined }));
  const n = frames.length;
  const hold = (matchers: readonly RuleMatcher[], i: number): boolean =>
    matchers.every((m) => testValues(m, frameMatcherValues(m, frames[i] as FrameView, states[i] as FrameState, exception)));
  const matches = (rule: StackRule, i: number): boolean =>
    hold(rule.matchers, i) &&
    (rule.caller === null || (i > 0 && hold(rule.caller, i - 1))) &&
    (rule.callee === null || (i + 1 < n && hold(rule.callee, i + 1)));
  const range = (r: 'frame' | 'up' | 'down', i: number): FrameState[] =>
    r === 'frame' ? [states[i] as FrameState] : r === 'up' ? states.slice(i + 1) : states.slice(0, i);

  for (const rule of rules) {
    if (!rule.actions.some(isFirstPass)) continue;
    for (let i = 0; i < n; i++) {
      if (!matches(rule, i)) continue;
      for (const a of rule.actions) {
        if (a.kind === 'flag' && a.flag === 'app') for (const s of range(a.range, i)) s.inApp = a.value;
        else if (a.kind === 'category') (states[i] as FrameState).category = a.value;
      }
    }
  }

  let maxFrames: number | null = null;
  let minFrames: number | null = null;
  let invert = false;
  for (const rule of rules) {
    if (rule.actions.every(isFirstPass)) continue;
    for (let i = 0; i < n; i++) {
      if (!matches(rule, i)) continue;
      for (const a of rule.actions) {
        if (a.kind === 'flag' && a.flag === 'group') for (const s of range(a.range, i)) s.group = a.value;
        else if (a.kind === 'max-frames') maxFrames = a.value;
        else if (a.kind === 'min-frames') minFrames = a.value;
        else if (a.kind === 'invert-stacktrace') invert = a.value;
      }
    }
  }
  return { frames: states, maxFrames, minFrames, invert };
}
