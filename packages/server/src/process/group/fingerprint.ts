// Fingerprints (Sentry product docs, SDK Fingerprinting; Issue Grouping › Fingerprint Rules): which fingerprint
// applies to an event — the first matching server-side rule, else the SDK's, else none — and the resolution of
// `{{ … }}` variables.
import type { FrameState } from './apply-stack-rules.js';
import type { PreparedEvent } from './default-grouping.js';
import type { ExceptionView, FrameView } from './event-view.js';
import type { FingerprintRule } from './parse-fingerprint-rules.js';
import { frameMatcherValues, type MatcherKey, type RuleMatcher, testValues } from './rule-matchers.js';

export type FingerprintSource = 'default' | 'sdk' | 'rule';

export interface FingerprintDecision {
  readonly source: FingerprintSource;
  /** Raw values (variables unresolved); null = the default algorithm alone. */
  readonly values: readonly string[] | null;
  readonly rule: FingerprintRule | null;
}

const WHOLE_VARIABLE = /^\{\{\s*(\S+?)\s*\}\}$/;
const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function isDefaultVariable(value: string): boolean {
  return WHOLE_VARIABLE.exec(value)?.[1]?.toLowerCase() === 'default';
}

interface StackFrame {
  readonly frame: FrameView;
  readonly state: FrameState;
}

function allFrames(event: PreparedEvent): StackFrame[] {
  const out: StackFrame[] = [];
  const add = (stack: PreparedEvent['stacktrace']): void => {
    if (stack === null) return;
    for (let i = 0; i < stack.frames.length; i++) out.push({ frame: stack.frames[i] as FrameView, state: stack.outcome.frames[i] as FrameState });
  };
  for (const e of event.exceptions) add(e?.stack ?? null);
  add(event.stacktrace);
  for (const t of event.threads) add(t);
  return out;
}

const FRAME_KEYS = new Set<MatcherKey>(['stack.abs_path', 'stack.module', 'stack.function', 'stack.package', 'app']);
const EXCEPTION_KEYS = new Set<MatcherKey>(['error.type', 'error.value']);

function eventValues(m: RuleMatcher, event: PreparedEvent): (string | undefined)[] {
  const { view } = event;
  switch (m.key) {
    case 'message':
      // As in Sentry: users expect `message:` to see exception messages too.
      return [view.messageFormatted ?? view.messageTemplate, ...event.exceptions.map((e) => e?.view.value)];
    case 'logger':
      return [view.logger];
    case 'level':
      return [view.level];
    case 'tags':
      return [view.tags.get(m.tag ?? '')];
    case 'sdk':
      return [view.sdkName];
    case 'release':
      return [view.release];
    case 'family':
      return [view.family];
    default:
      return [];
  }
}

/** Matchers about frames must all hold for one frame, matchers about exceptions for one exception. */
function ruleMatches(rule: FingerprintRule, event: PreparedEvent, frames: () => StackFrame[]): boolean {
  const frameMatchers = rule.matchers.filter((m) => FRAME_KEYS.has(m.key));
  const exceptionMatchers = rule.matchers.filter((m) => EXCEPTION_KEYS.has(m.key));
  for (const m of rule.matchers) {
    if (!FRAME_KEYS.has(m.key) && !EXCEPTION_KEYS.has(m.key) && !testValues(m, eventValues(m, event))) return false;
  }
  if (exceptionMatchers.length > 0) {
    const exceptions = event.exceptions.filter((e) => e !== null).map((e) => e.view);
    const one = (e: ExceptionView): boolean => exceptionMatchers.every((m) => testValues(m, [m.key === 'error.type' ? e.type : e.value]));
    if (!exceptions.some(one)) return false;
  }
  if (frameMatchers.length > 0) {
    const one = ({ frame, state }: StackFrame): boolean => frameMatchers.every((m) => testValues(m, frameMatcherValues(m, frame, state, null)));
    if (!frames().some(one)) return false;
  }
  return true;
}

export function decideFingerprint(event: PreparedEvent, rules: readonly FingerprintRule[]): FingerprintDecision {
  let frames: StackFrame[] | null = null;
  const lazyFrames = (): StackFrame[] => {
    frames ??= allFrames(event);
    return frames;
  };
  for (const rule of rules) {
    if (ruleMatches(rule, event, lazyFrames)) return { source: 'rule', values: rule.fingerprint, rule };
  }
  const sdk = event.view.fingerprint;
  if (sdk === null || (sdk.length === 1 && isDefaultVariable(sdk[0] as string))) return { source: 'default', values: null, rule: null };
  return { source: 'sdk', values: sdk, rule: null };
}

/** The frame `{{ function }}` and friends refer to: the newest in-app frame of the thrown exception, else its newest frame. */
function crashFrame(event: PreparedEvent): FrameView | undefined {
  const main = event.exceptions.findLast((e) => e !== null && e.stack.frames.length > 0)?.stack;
  const stack = main ?? event.stacktrace ?? event.threads.find((t) => t !== null && t.frames.length > 0) ?? null;
  if (stack === null || stack.frames.length === 0) return undefined;
  for (let i = stack.frames.length - 1; i >= 0; i--) if (stack.outcome.frames[i]?.inApp === true) return stack.frames[i];
  return stack.frames[stack.frames.length - 1];
}

function variable(name: string, event: PreparedEvent): string | undefined {
  const { view } = event;
  const lower = name.toLowerCase();
  if (lower.startsWith('tags.')) return view.tags.get(name.slice(5)) ?? `<no-value-for-tag-${name.slice(5)}>`;
  const main = event.exceptions.findLast((e) => e !== null)?.view;
  switch (lower) {
    case 'transaction':
      return view.transaction ?? '<no-transaction>';
    case 'message':
      return view.messageFormatted ?? view.messageTemplate ?? main?.value ?? '<no-message>';
    case 'type':
    case 'error.type':
      return main?.type ?? '<no-type>';
    case 'value':
    case 'error.value':
      return main?.value ?? '<no-value>';
    case 'function':
    case 'stack.function':
      return crashFrame(event)?.function ?? '<no-function>';
    case 'module':
    case 'stack.module':
      return crashFrame(event)?.module ?? '<no-module>';
    case 'package':
    case 'stack.package':
      return crashFrame(event)?.package?.split(/[/\\]/).pop() ?? '<no-package>';
    case 'path':
    case 'stack.abs_path': {
      const f = crashFrame(event);
      return f?.absPath ?? f?.filename ?? '<no-path>';
    }
    case 'level':
      return view.level ?? '<no-level>';
    case 'logger':
      return view.logger ?? '<no-logger>';
    default:
      return undefined;
  }
}

/** Substitutes known variables anywhere in the value; unknown ones stay as written. */
export function resolveVariables(value: string, event: PreparedEvent): string {
  if (!value.includes('{{')) return value;
  return value.replace(VARIABLE, (whole, name: string) => variable(name, event) ?? whole);
}
