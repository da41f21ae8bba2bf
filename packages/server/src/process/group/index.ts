/**
 * process/group — the grouping stage: turns one event into the hashes that decide its issue
 * (Sentry developer docs, Grouping; product docs, Issue Grouping: default algorithm, parameterization, SDK
 * fingerprints, server-side fingerprint rules, stack trace rules, chained exceptions), and parses the two
 * per-project rule syntaxes with line-level errors for the settings UI.
 *
 * Must not: do I/O, read config or the clock, touch the store, or throw on a payload. It is
 * pure and runs for every event: rules arrive compiled (`compileGroupingRules`, once per
 * change of a project's rule texts), nothing stringifies whole events.
 *
 * Versioning. `computeGrouping` runs a *grouping mechanism* (`latestMechanism`, today
 * 'faultline:2026-11'); a released mechanism is frozen, built-in stack rules included. The
 * persisted issue keeps every hash together with the id of the mechanism that produced it
 * (key: mechanism + hash). An event joins the issue that owns any of its hashes (primary
 * first) and the issue adopts the event's other, unowned hashes; otherwise a new issue owns
 * them all. When a new mechanism ships, the pipeline computes hashes with the new and with
 * the project's previous mechanism for a transition period and looks up both, then stores
 * the new mechanism's hashes on the issue found — so history is never regrouped.
 */

export { BUILTIN_STACK_RULES_TEXT_2026_11 } from './builtin-stack-rules.js';
export {
  computeGrouping,
  type EffectiveInApp,
  GROUPING_MECHANISM_IDS,
  type GroupingMechanism,
  type GroupingMechanismId,
  type GroupingResult,
  groupingMechanisms,
  isGroupingMechanismId,
  latestMechanism,
} from './compute-grouping.js';
export type { GroupingStrategy } from './default-grouping.js';
export type { FingerprintSource } from './fingerprint.js';
export type {
  ExceptionMechanism,
  GroupingEvent,
  GroupingException,
  GroupingFrame,
  GroupingLogEntry,
  GroupingSecurityReport,
  GroupingStacktrace,
  GroupingTemplate,
  GroupingThread,
} from './grouping-input.js';
export { compileGroupingRules, type GroupingRules, type GroupingRulesResult, type GroupingRulesText, NO_GROUPING_RULES } from './grouping-rules.js';
export { parameterize } from './parameterize.js';
export { type FingerprintRule, parseFingerprintRules } from './parse-fingerprint-rules.js';
export { parseStackRules, type StackRule, type StackRuleAction } from './parse-stack-rules.js';
export type { RuleSyntaxError, RulesParseResult } from './rule-line.js';
export type { MatcherKey, RuleMatcher } from './rule-matchers.js';
