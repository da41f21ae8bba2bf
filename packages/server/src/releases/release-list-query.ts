import { type FilterTerm, matchParts, QueryFault, type RawValue, type Term, tokenizeQuery } from '../issues/index.js';
import { fail } from '../kernel/index.js';
import { compareVersions, type ParsedRelease, parseRelease, parseVersionText } from './release-semver.js';

/**
 * The release list's `query=` as Sentry reads it (docs/releases.md › Sorting and filtering the
 * release list; https://docs.sentry.io/product/releases/usage/sorting-filtering/): free text is
 * a case-insensitive substring of the version; `release:` matches whole versions (`*`
 * wildcards, `[a, b]` lists, `!` negation); `release.version:` compares semantic versions
 * (`>=1.2`, `<2.0.0-rc.1`, `1.4.*`); `release.package:` and `release.build:` (a number
 * compared, or text with wildcards) read the parts of `package@version+build`; `release.stage:`
 * names an adoption stage, which release health knows (StageTerm, matched by the caller). Tokenized by
 * the issue search's one-pass tokenizer; nothing builds a regular expression from the query.
 */
export interface ReleaseListQuery {
  /** free text, matched in the database as a substring of the version */
  readonly text?: string;
  /** the structured terms; absent when there are none, so the list can stay in the database */
  readonly matches?: (version: string) => boolean;
  /** `release.stage:` terms, matched against the release's adoption stage in its projects */
  readonly stages?: readonly StageTerm[];
}

export const ADOPTION_STAGES = ['adopted', 'low_adoption', 'replaced'] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

/** `release.stage:adopted`, `!release.stage:replaced`, `release.stage:[adopted, low_adoption]` */
export interface StageTerm {
  readonly stages: readonly AdoptionStage[];
  readonly negated: boolean;
}

export const MAX_RELEASE_QUERY_LENGTH = 1000;

type VersionTest = (release: ParsedRelease) => boolean;

export function parseReleaseListQuery(input: string): ReleaseListQuery {
  const text = input.trim();
  if (text === '') return {};
  if (text.length > MAX_RELEASE_QUERY_LENGTH) fail('validation_failed', `query is longer than ${MAX_RELEASE_QUERY_LENGTH} characters`);
  let terms: Term[];
  try {
    terms = tokenizeQuery(text);
  } catch (err) {
    if (err instanceof QueryFault) fail('validation_failed', `Invalid query: ${err.error.message.replace('issue search', 'release search')}`);
    throw err;
  }
  const words = terms.flatMap((t) => (t.type === 'text' ? [t.text] : []));
  const stages = terms.flatMap((t) => (t.type === 'filter' && t.key === 'release.stage' ? [stageTerm(t)] : []));
  const tests = terms.flatMap((t) => (t.type === 'filter' && t.key !== 'release.stage' ? [compileFilter(t)] : []));
  return {
    ...(words.length > 0 ? { text: words.join(' ') } : {}),
    ...(stages.length > 0 ? { stages } : {}),
    ...(tests.length > 0
      ? {
          matches: (version: string) => {
            const parsed = parseRelease(version);
            return tests.every((test) => test(parsed));
          },
        }
      : {}),
  };
}

function compileFilter(term: FilterTerm): VersionTest {
  const test = filterTest(term);
  return term.negated ? (r) => !test(r) : test;
}

function filterTest(term: FilterTerm): VersionTest {
  const anyOf = (one: (value: RawValue) => VersionTest): VersionTest => {
    const tests = term.values.map(one);
    return (r) => tests.some((t) => t(r));
  };
  switch (term.key) {
    case 'release':
      noOperator(term);
      return anyOf((v) => (r) => matchParts(v.parts, fullName(r)));
    case 'release.package':
      noOperator(term);
      return anyOf((v) => (r) => r.package !== null && matchParts(v.parts, r.package));
    case 'release.version':
      return anyOf((v) => versionTest(term, v));
    case 'release.build':
      return anyOf((v) => buildTest(term, v));
    default:
      return fail(
        'validation_failed',
        `Invalid query: unknown key "${term.key.slice(0, 64)}" (release, release.version, release.package, release.build and release.stage are known)`,
      );
  }
}

function stageTerm(term: FilterTerm): StageTerm {
  noOperator(term);
  const stages = term.values.map((v) => {
    const text = v.parts.length === 1 ? (v.parts[0] ?? '') : '';
    const stage = ADOPTION_STAGES.find((s) => s === text);
    if (stage === undefined) fail('validation_failed', `Invalid query: release.stage is one of ${ADOPTION_STAGES.join(', ')}`);
    return stage;
  });
  return { stages, negated: term.negated };
}

const fullName = (r: ParsedRelease) => (r.package === null ? r.raw : `${r.package}@${r.raw}`);

function noOperator(term: FilterTerm): void {
  if (term.op !== null && term.op !== '=') fail('validation_failed', `Invalid query: ${term.key} does not take ${term.op}`);
}

/** A version with wildcards matches the version text; otherwise it is compared as a semantic version. */
function versionTest(term: FilterTerm, value: RawValue): VersionTest {
  if (value.parts.length > 1) {
    noOperator(term);
    return (r) => r.version !== null && matchParts(value.parts, r.versionText);
  }
  const wanted = parseVersionText(value.parts[0] ?? '');
  if (wanted === null) fail('validation_failed', `Invalid query: release.version: "${(value.parts[0] ?? '').slice(0, 64)}" is not a version such as 1.2.3`);
  const op = term.op ?? '=';
  return (r) => {
    if (r.version === null) return false;
    const order = compareVersions(r.version, wanted);
    return op === '>' ? order > 0 : op === '>=' ? order >= 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : order === 0;
  };
}

/** A number compares with the build number; text (with wildcards) matches the build code. */
function buildTest(term: FilterTerm, value: RawValue): VersionTest {
  const text = value.parts[0] ?? '';
  if (value.parts.length === 1 && /^\d{1,15}$/.test(text)) {
    const wanted = Number(text);
    const op = term.op ?? '=';
    return (r) => {
      const n = r.buildNumber;
      if (n === null) return false;
      return op === '>' ? n > wanted : op === '>=' ? n >= wanted : op === '<' ? n < wanted : op === '<=' ? n <= wanted : n === wanted;
    };
  }
  noOperator(term);
  return (r) => r.version?.buildCode != null && matchParts(value.parts, r.version.buildCode);
}
