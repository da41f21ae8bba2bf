import { type FilterTerm, matchParts, QueryFault, type RawValue, type Term, tokenizeQuery } from '../../issues/index.js';
import { fail } from '../../kernel/index.js';
import type { ReplayJson } from './replay-json.js';

/**
 * The replay search (`query=` of the replay list; Sentry's replay search keys,
 * https://docs.sentry.io/product/explore/session-replay/web/replay-page-and-filters/):
 * whitespace-separated terms, all of which must match; `key:value`, `!key:value`,
 * `key:[a,b]`, `*` wildcards, `key:>n` on counts and durations (`30s`, `5m`, `1h`, `500ms`),
 * `has:key`, and free text (id, urls, user). Tokenized by the issue search's one-pass
 * tokenizer and matched without regular expressions built from the query: linear in the
 * query and the replay.
 */
export type ReplayPredicate = (replay: ReplayJson) => boolean;

export const MAX_REPLAY_QUERY_LENGTH = 2000;

const NUMERIC = new Set([
  'count_errors',
  'count_warnings',
  'count_infos',
  'count_urls',
  'count_segments',
  'count_dead_clicks',
  'count_rage_clicks',
  'activity',
  'duration',
]);

/** Search keys that name a list or nested value of the replay object. */
const ALIASES: Readonly<Record<string, string>> = {
  url: 'urls',
  error_id: 'error_ids',
  trace_id: 'trace_ids',
  trace: 'trace_ids',
  release: 'releases',
  'user.ip_address': 'user.ip',
};

/** Throws the catalogue's validation error (400 `{"detail"}`) on a query it cannot read. */
export function parseReplayQuery(text: string): ReplayPredicate {
  if (text.length > MAX_REPLAY_QUERY_LENGTH) fail('validation_failed', `query is longer than ${MAX_REPLAY_QUERY_LENGTH} characters`);
  let terms: Term[];
  try {
    terms = tokenizeQuery(text);
  } catch (err) {
    // The tokenizer is the issue search's: name the search the caller used.
    if (err instanceof QueryFault) fail('validation_failed', `Invalid query: ${err.error.message.replace('issue search', 'replay search')}`);
    throw err;
  }
  const predicates = terms.map(compileTerm);
  return (replay) => predicates.every((p) => p(replay));
}

function compileTerm(term: Term): ReplayPredicate {
  if (term.type === 'text') {
    const needle = term.text.toLowerCase();
    return (r) => textOf(r).some((v) => v.toLowerCase().includes(needle));
  }
  const match = compileFilter(term);
  return term.negated ? (r) => !match(r) : match;
}

function compileFilter(term: FilterTerm): ReplayPredicate {
  if (term.key === 'has') {
    const key = literal(term.values[0]);
    return (r) => valuesOf(r, key).length > 0;
  }
  const key = ALIASES[term.key] ?? term.key;
  if (NUMERIC.has(key)) {
    const op = term.op ?? '=';
    const targets = term.values.map((v) => numberOf(literal(v), key === 'duration'));
    return (r) => {
      const value = r[key];
      return typeof value === 'number' && targets.some((t) => compare(value, op, t));
    };
  }
  if (term.op !== null && term.op !== '=') fail('validation_failed', `Invalid query: ${term.key} does not take ${term.op}`);
  // Replay ids are shown without dashes; people paste them with.
  const patterns = term.values.map((v) => v.parts.map((p) => (key === 'id' ? p.replaceAll('-', '') : p).toLowerCase()));
  return (r) => valuesOf(r, key).some((value) => patterns.some((parts) => matchParts(parts, value.toLowerCase())));
}

function literal(value: RawValue | undefined): string {
  return value === undefined ? '' : value.parts.join('*');
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86_400, w: 604_800 };

/** Counts are plain numbers; durations are seconds, with an optional unit. */
function numberOf(text: string, duration: boolean): number {
  let i = 0;
  while (i < text.length && (((text[i] as string) >= '0' && (text[i] as string) <= '9') || text[i] === '.')) i++;
  const n = Number(text.slice(0, i));
  const unit = text.slice(i);
  if (i === 0 || !Number.isFinite(n)) fail('validation_failed', `Invalid query: ${text} is not a number`);
  if (unit === '') return n;
  const factor = duration ? DURATION_UNITS[unit] : undefined;
  if (factor === undefined) fail('validation_failed', `Invalid query: unknown unit ${unit}`);
  return n * factor;
}

function compare(value: number, op: string, target: number): boolean {
  switch (op) {
    case '>':
      return value > target;
    case '>=':
      return value >= target;
    case '<':
      return value < target;
    case '<=':
      return value <= target;
    default:
      return value === target;
  }
}

/** The strings a key names in a replay object: a top-level value, a nested one (`user.email`), a list, or a tag. */
export function valuesOf(r: ReplayJson, key: string): string[] {
  const dot = key.indexOf('.');
  let value: unknown = Object.hasOwn(r, key) ? r[key] : undefined;
  if (value === undefined && dot > 0) {
    const parent = r[key.slice(0, dot)];
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) value = (parent as Record<string, unknown>)[key.slice(dot + 1)];
  }
  if (value === undefined) {
    const tags = r.tags as Record<string, string[]> | undefined;
    value = tags !== undefined && Object.hasOwn(tags, key) ? tags[key] : undefined;
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

function textOf(r: ReplayJson): string[] {
  return [r.id, ...valuesOf(r, 'urls'), ...valuesOf(r, 'user.email'), ...valuesOf(r, 'user.username'), ...valuesOf(r, 'user.id')];
}
