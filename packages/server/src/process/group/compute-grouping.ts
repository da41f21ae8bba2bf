// Grouping mechanisms: versioned, frozen implementations of "event → hashes". A mechanism
// never changes behaviour once released (hashes are persisted with its id); a new behaviour
// is a new id registered next to the old ones, and `latestMechanism` moves to it.
import { applyStackRules } from './apply-stack-rules.js';
import { BUILTIN_STACK_RULES_2026_11 } from './builtin-stack-rules.js';
import { type DefaultGrouping, defaultGrouping, type GroupingStrategy, type PreparedEvent } from './default-grouping.js';
import { describeComponents } from './describe-components.js';
import { type ExceptionView, type FrameView, toEventView } from './event-view.js';
import { decideFingerprint, type FingerprintSource, isDefaultVariable, resolveVariables } from './fingerprint.js';
import type { GroupingEvent } from './grouping-input.js';
import { type GroupingRules, NO_GROUPING_RULES } from './grouping-rules.js';
import { hashComponents } from './hash.js';
import type { StackRule } from './parse-stack-rules.js';
import { frameParts, type PreparedStack } from './stack-component.js';

export const GROUPING_MECHANISM_IDS = ['faultline:2026-11'] as const;
export type GroupingMechanismId = (typeof GROUPING_MECHANISM_IDS)[number];

/** Frames' in_app after stack trace rules, aligned with the payload's arrays, for storage and display. */
export interface EffectiveInApp {
  readonly exception: readonly (readonly boolean[] | null)[];
  readonly threads: readonly (readonly boolean[] | null)[];
  readonly stacktrace: readonly boolean[] | null;
}

export interface GroupingResult {
  readonly mechanism: GroupingMechanismId;
  /** Distinct, primary first: the in-app variant's hash (when it contributes), then the system variant's. */
  readonly hashes: readonly string[];
  readonly fingerprintSource: FingerprintSource;
  /** The fingerprint after variable resolution (`{{ default }}` kept as written); null for the default. */
  readonly fingerprint: readonly string[] | null;
  readonly strategy: GroupingStrategy;
  /** Which components the primary hash covers. */
  readonly variant: 'app' | 'system' | 'custom';
  /** The primary hash's canonical input, `kind=value` strings. */
  readonly components: readonly string[];
  readonly description: string;
  /** A fingerprint rule's `title="…"`, variables resolved. */
  readonly title: string | null;
  readonly matchedRule: { readonly line: number; readonly text: string } | null;
  readonly effectiveInApp: EffectiveInApp;
}

export type GroupingMechanism = (event: GroupingEvent, rules: GroupingRules) => GroupingResult;

function prepare(event: GroupingEvent, stackRules: readonly StackRule[]): PreparedEvent {
  const view = toEventView(event);
  const stack = (frames: readonly FrameView[], exception: ExceptionView | null): PreparedStack => ({
    frames,
    outcome: applyStackRules(frames, exception, stackRules),
    parts: frames.map(frameParts),
  });
  return {
    view,
    exceptions: view.exceptions.map((e) => (e === null ? null : { view: e, stack: stack(e.frames, e) })),
    threads: view.threads.map((t) => (t === null ? null : stack(t, null))),
    stacktrace: view.stacktrace === null ? null : stack(view.stacktrace, null),
  };
}

function effectiveInApp(event: PreparedEvent): EffectiveInApp {
  const flags = (s: PreparedStack | null | undefined): boolean[] | null => (s == null ? null : s.outcome.frames.map((f) => f.inApp));
  return {
    exception: event.exceptions.map((e) => flags(e?.stack)),
    threads: event.threads.map(flags),
    stacktrace: flags(event.stacktrace),
  };
}

function faultline202611(input: GroupingEvent, rules: GroupingRules): GroupingResult {
  const event = prepare(input, [...BUILTIN_STACK_RULES_2026_11, ...rules.stackRules]);
  const defaults: DefaultGrouping = defaultGrouping(event);
  const decision = decideFingerprint(event, rules.fingerprintRules);
  const resolved = decision.values?.map((v) => (isDefaultVariable(v) ? v : resolveVariables(v, event))) ?? null;
  const extras = resolved?.filter((v) => !isDefaultVariable(v)) ?? [];
  const common = {
    mechanism: 'faultline:2026-11' as const,
    fingerprintSource: decision.source,
    fingerprint: resolved,
    strategy: defaults.strategy,
    title: decision.rule?.title == null ? null : resolveVariables(decision.rule.title, event),
    matchedRule: decision.rule === null ? null : { line: decision.rule.line, text: decision.rule.text },
    effectiveInApp: effectiveInApp(event),
  };
  if (resolved !== null && extras.length === resolved.length) {
    const components = extras.map((v) => `fingerprint=${v}`);
    const hash = hashComponents('custom', components);
    return { ...common, hashes: [hash], variant: 'custom', components, description: describeComponents('custom', components) };
  }
  // `{{ default }}` plus other values splits the default groups by those values ("salting").
  const salt = extras.map((v) => `salt=${v}`);
  const primary = defaults.app === null ? 'system' : 'app';
  const components = [...(defaults.app ?? defaults.system), ...salt];
  const hashes = [hashComponents('default', components)];
  if (defaults.app !== null) {
    const system = hashComponents('default', [...defaults.system, ...salt]);
    if (system !== hashes[0]) hashes.push(system);
  }
  return { ...common, hashes, variant: primary, components, description: describeComponents(primary, components) };
}

export const groupingMechanisms: Readonly<Record<GroupingMechanismId, GroupingMechanism>> = Object.freeze({
  'faultline:2026-11': faultline202611,
});

export const latestMechanism: GroupingMechanismId = 'faultline:2026-11';

export function isGroupingMechanismId(id: string): id is GroupingMechanismId {
  return (GROUPING_MECHANISM_IDS as readonly string[]).includes(id);
}

/** Groups one event. Pure: same event, rules and mechanism → same result. Never throws on a payload. */
export function computeGrouping(
  event: GroupingEvent,
  rules: GroupingRules = NO_GROUPING_RULES,
  mechanism: GroupingMechanismId = latestMechanism,
): GroupingResult {
  return groupingMechanisms[mechanism](event, rules);
}
