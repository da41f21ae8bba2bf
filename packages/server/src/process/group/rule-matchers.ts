// Matchers shared by fingerprint rules and stack trace rules (Sentry product docs, Issue Grouping): the key names and
// aliases each syntax accepts, how a value is compiled, and how a matcher tests a frame.
// Case sensitivity follows Sentry: paths, packages, releases, messages, values and levels
// ignore case; types, functions, modules, loggers and tags do not.
import { compileGlob, type Glob, type GlobOptions } from '../../kernel/index.js';
import type { ExceptionView, FrameView } from './event-view.js';

export type MatcherKey =
  | 'error.type'
  | 'error.value'
  | 'error.mechanism'
  | 'message'
  | 'logger'
  | 'level'
  | 'tags'
  | 'sdk'
  | 'release'
  | 'family'
  | 'app'
  | 'category'
  | 'stack.abs_path'
  | 'stack.module'
  | 'stack.function'
  | 'stack.package';

export interface RuleMatcher {
  readonly key: MatcherKey;
  /** The tag name of a `tags.<name>` matcher, else null. */
  readonly tag: string | null;
  readonly pattern: string;
  readonly negated: boolean;
  readonly glob: Glob;
}

const STACK_ALIASES: Readonly<Record<string, MatcherKey>> = {
  'stack.abs_path': 'stack.abs_path',
  path: 'stack.abs_path',
  'stack.module': 'stack.module',
  module: 'stack.module',
  'stack.function': 'stack.function',
  function: 'stack.function',
  'stack.package': 'stack.package',
  package: 'stack.package',
  family: 'family',
  app: 'app',
  'error.type': 'error.type',
  type: 'error.type',
  'error.value': 'error.value',
  value: 'error.value',
};

const FINGERPRINT_MATCHER_KEYS: Readonly<Record<string, MatcherKey>> = {
  ...STACK_ALIASES,
  message: 'message',
  logger: 'logger',
  level: 'level',
  sdk: 'sdk',
  release: 'release',
};

const STACK_RULE_MATCHER_KEYS: Readonly<Record<string, MatcherKey>> = {
  ...STACK_ALIASES,
  category: 'category',
  'error.mechanism': 'error.mechanism',
  mechanism: 'error.mechanism',
};

// Glob patterns of the rule syntaxes (Sentry product docs, "Fingerprint Rules" and "Stack Trace Rules"). Path globs: `*` and `?` stay inside
// one path segment, `**` crosses `/`, `**/` also matches no directory at all (so
// `**/node_modules/**` matches a relative `node_modules/x.js`), `\` counts as `/`. Other globs:
// `*` is any run of characters, `\` escapes. `[abc]`/`[!abc]` are classes everywhere. Letters
// compare lower-cased where Sentry ignores case; a reversed range matches nothing.
const glob = (path: boolean, ignoreCase: boolean): GlobOptions => ({ path, classes: true, caseFolding: ignoreCase ? 'lower' : 'none', reversedRange: 'empty' });
const PATH_I = glob(true, true);
const PATH = glob(true, false);
const TEXT_I = glob(false, true);
const TEXT = glob(false, false);

const FAMILIES = new Set(['javascript', 'native', 'other', 'all']);
const TRUE_WORDS = new Set(['yes', 'true', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'off']);

const oneOf = (pattern: string, values: readonly string[]): Glob => {
  const set = new Set(values);
  return { pattern, test: (v) => set.has('all') || set.has(v) };
};

/** Compiles one `key:value` matcher of a fingerprint or stack trace rule, or says why it is invalid. */
export function compileMatcher(syntax: 'fingerprint' | 'stack', rawKey: string, pattern: string, negated: boolean): RuleMatcher | { readonly error: string } {
  // Only fingerprint rules see tags: stack trace rules run per frame.
  const isTag = syntax === 'fingerprint' && rawKey.startsWith('tags.') && rawKey.length > 5;
  const key = isTag ? 'tags' : (syntax === 'fingerprint' ? FINGERPRINT_MATCHER_KEYS : STACK_RULE_MATCHER_KEYS)[rawKey];
  if (key === undefined) return { error: `unknown matcher '${rawKey}'` };
  if (pattern === '') return { error: `matcher '${rawKey}' needs a value` };
  const tag = isTag ? rawKey.slice(5) : null;
  const make = (glob: Glob): RuleMatcher => ({ key, tag, pattern, negated, glob });
  switch (key) {
    case 'family': {
      const families = pattern.toLowerCase().split(',');
      const bad = families.find((f) => !FAMILIES.has(f));
      if (bad !== undefined) return { error: `unknown family '${bad}' (expected javascript, native, other or all)` };
      return make(oneOf(pattern, families));
    }
    case 'app': {
      const word = pattern.toLowerCase();
      if (!TRUE_WORDS.has(word) && !FALSE_WORDS.has(word)) return { error: `app expects yes or no, got '${pattern}'` };
      return make(oneOf(pattern, [String(TRUE_WORDS.has(word))]));
    }
    case 'sdk': {
      const globs = pattern.split(',').map((p) => compileGlob(p, TEXT_I));
      return make({ pattern, test: (v) => globs.some((g) => g.test(v)) });
    }
    case 'stack.abs_path':
    case 'stack.package':
    case 'release':
      return make(compileGlob(pattern, PATH_I));
    case 'stack.module':
      return make(compileGlob(pattern, PATH));
    case 'error.value':
    case 'message':
    case 'level':
      return make(compileGlob(pattern, TEXT_I));
    default:
      return make(compileGlob(pattern, TEXT));
  }
}

/** A positive match needs one present value to match; a negated matcher holds when none does. */
export function testValues(m: RuleMatcher, values: readonly (string | undefined)[]): boolean {
  let hit = false;
  for (const v of values) {
    if (v !== undefined && m.glob.test(v)) {
      hit = true;
      break;
    }
  }
  return hit !== m.negated;
}

/** What stack rules know about a frame beyond its payload: rules may already have changed it. */
export interface FrameFacts {
  readonly inApp: boolean;
  readonly category: string | undefined;
}

export function frameMatcherValues(m: RuleMatcher, frame: FrameView, facts: FrameFacts, exception: ExceptionView | null): readonly (string | undefined)[] {
  switch (m.key) {
    case 'stack.abs_path':
      return frame.paths;
    case 'stack.module':
      return [frame.module];
    case 'stack.function':
      // Raw and normalized, so `function:getUser` matches V8's `Object.getUser` too.
      return [frame.function, frame.normalizedFunction];
    case 'stack.package':
      return frame.package === undefined || frame.package.startsWith('/') ? [frame.package] : [frame.package, `/${frame.package}`];
    case 'family':
      return [frame.family];
    case 'app':
      return [String(facts.inApp)];
    case 'category':
      return [facts.category];
    case 'error.type':
      return [exception?.type];
    case 'error.value':
      return [exception?.value];
    case 'error.mechanism':
      return [exception?.mechanismType];
    default:
      return [];
  }
}
