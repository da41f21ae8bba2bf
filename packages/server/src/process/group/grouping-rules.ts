// A project's grouping rules in their compiled form. The pipeline parses the project's rule
// texts once (when they change) and passes the result to every computeGrouping call.
import type { FingerprintRule } from './parse-fingerprint-rules.js';
import { parseFingerprintRules } from './parse-fingerprint-rules.js';
import type { StackRule } from './parse-stack-rules.js';
import { parseStackRules } from './parse-stack-rules.js';
import type { RuleSyntaxError } from './rule-line.js';

export interface GroupingRules {
  readonly fingerprintRules: readonly FingerprintRule[];
  /** Applied after the mechanism's built-in rules, so a project can override those. */
  readonly stackRules: readonly StackRule[];
}

export const NO_GROUPING_RULES: GroupingRules = Object.freeze({ fingerprintRules: [], stackRules: [] });

export interface GroupingRulesText {
  readonly fingerprintRules?: string;
  readonly stackRules?: string;
}

export type GroupingRulesResult =
  | { readonly ok: true; readonly rules: GroupingRules }
  | { readonly ok: false; readonly fingerprintErrors: readonly RuleSyntaxError[]; readonly stackErrors: readonly RuleSyntaxError[] };

/** Parses both rule texts of a project; on failure, the errors of both, each with line and column. */
export function compileGroupingRules(text: GroupingRulesText): GroupingRulesResult {
  const fp = parseFingerprintRules(text.fingerprintRules ?? '');
  const st = parseStackRules(text.stackRules ?? '');
  if (fp.ok && st.ok) return { ok: true, rules: { fingerprintRules: fp.rules, stackRules: st.rules } };
  return { ok: false, fingerprintErrors: fp.ok ? [] : fp.errors, stackErrors: st.ok ? [] : st.errors };
}
