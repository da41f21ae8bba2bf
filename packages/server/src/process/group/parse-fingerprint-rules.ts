// Server-side fingerprint rules (Sentry product docs, Issue Grouping › Fingerprint Rules), one per line:
//   matcher:value [!matcher:"quoted value"]… -> value, {{ variable }}, prefix-{{ variable }} [title="…"]
// Fingerprint values are separated by commas and/or blanks; a `{{ … }}` variable may contain
// blanks and may sit inside a larger value. `title` is the only attribute.
import { parseRuleLines, type RuleLine, type RulesParseResult } from './rule-line.js';
import { compileMatcher, type RuleMatcher } from './rule-matchers.js';

export interface FingerprintRule {
  readonly line: number;
  /** The rule as written (trimmed), to show which rule grouped an event. */
  readonly text: string;
  readonly matchers: readonly RuleMatcher[];
  readonly fingerprint: readonly string[];
  readonly title: string | null;
}

const ATTRIBUTE = /^([A-Za-z0-9_.-]+)="/;

function readFingerprintValue(line: RuleLine): string {
  const start = line.pos;
  const text = line.text;
  while (line.pos < text.length) {
    const c = text[line.pos];
    if (c === ' ' || c === '\t' || c === ',') break;
    if (c === '{' && text[line.pos + 1] === '{') {
      const close = text.indexOf('}}', line.pos + 2);
      if (close < 0) throw line.fail("unterminated '{{' variable", line.pos + 1);
      line.pos = close + 2;
    } else line.pos++;
  }
  return text.slice(start, line.pos);
}

function parseFingerprint(line: RuleLine): { fingerprint: string[]; title: string | null } {
  const fingerprint: string[] = [];
  let title: string | null = null;
  while (!line.atEnd()) {
    if (line.peek() === ',') {
      line.pos++;
      continue;
    }
    const column = line.pos + 1;
    const attribute = ATTRIBUTE.exec(line.text.slice(line.pos));
    if (attribute !== null) {
      const name = attribute[1] as string;
      if (name !== 'title') throw line.fail(`unknown attribute '${name}' (only title="…" is supported)`, column);
      if (title !== null) throw line.fail('title is set twice', column);
      line.pos += name.length + 1;
      title = line.readQuoted();
    } else if (title !== null) {
      throw line.fail('fingerprint values must come before title="…"', column);
    } else {
      fingerprint.push(line.peek() === '"' ? line.readQuoted() : readFingerprintValue(line));
    }
  }
  if (fingerprint.length === 0) throw line.fail("expected at least one fingerprint value after '->'");
  return { fingerprint, title };
}

function parseRule(line: RuleLine): FingerprintRule {
  const matchers: RuleMatcher[] = [];
  for (;;) {
    if (line.atEnd()) {
      throw line.fail(matchers.length === 0 ? 'expected a matcher such as error.type:Value' : "expected '->' followed by the fingerprint");
    }
    if (line.peek(2) === '->') break;
    const m = line.readMatcher();
    const compiled = compileMatcher('fingerprint', m.key, m.value, m.negated);
    if ('error' in compiled) throw line.fail(compiled.error, m.column);
    matchers.push(compiled);
  }
  if (matchers.length === 0) throw line.fail("expected at least one matcher before '->'");
  line.pos += 2;
  const { fingerprint, title } = parseFingerprint(line);
  return { line: line.line, text: line.text.trim(), matchers, fingerprint, title };
}

/** Parses a project's fingerprint rules; on failure, every line's first error with its position. */
export function parseFingerprintRules(text: string): RulesParseResult<FingerprintRule> {
  return parseRuleLines(text, parseRule);
}
