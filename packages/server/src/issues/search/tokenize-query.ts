// Query text → terms, in one left-to-right pass (linear time: the text is user input).
// A term is `[!]key:[op]value`, `[!]key:[a, b]`, `[!]tags[key]:value`, a bare word or a
// "quoted phrase", separated by whitespace. In values `\"`, `\\` and `\*` are escapes and an
// unescaped `*` is a wildcard; phrases only know `\"` and `\\`.
import type { ComparisonOp, QueryError, Span } from './issue-query.js';

/** Thrown inside the parser only; parseIssueQuery turns it into `{ ok: false, error }`. */
export class QueryFault extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

export function fail(message: string, position: number, length: number): never {
  throw new QueryFault({ message, position, length: Math.max(length, 0) });
}

export interface RawValue {
  /** Literal text split at unescaped `*`; one part means no wildcard. */
  readonly parts: readonly string[];
  readonly quoted: boolean;
  readonly span: Span;
}

export interface FilterTerm {
  readonly type: 'filter';
  readonly negated: boolean;
  readonly key: string;
  readonly explicitTag: boolean;
  readonly keySpan: Span;
  readonly op: ComparisonOp | null;
  readonly opSpan: Span | null;
  readonly isList: boolean;
  readonly values: readonly RawValue[];
  readonly span: Span;
}

export interface TextTerm {
  readonly type: 'text';
  readonly text: string;
  readonly span: Span;
}

export type Term = FilterTerm | TextTerm;

const SPACE = /\s/;
const KEY_CHAR = /[A-Za-z0-9_.-]/;
const OPS: readonly ComparisonOp[] = ['>=', '<=', '>', '<', '='];

export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);

const span = (from: number, to: number): Span => ({ position: from, length: to - from });

/** Throws QueryFault on a syntax error. */
export function tokenizeQuery(text: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const read = text[i] === '"' ? readPhrase(text, i) : (readFilter(text, i) ?? readWord(text, i));
    if (read.term) terms.push(read.term);
    i = read.end;
  }
  return terms;
}

interface Read {
  readonly term: Term | null;
  readonly end: number;
}

function readPhrase(text: string, start: number): Read {
  const body = readBody(text, start + 1, { quoted: true, wildcards: false, stop: () => false });
  expectBoundary(text, body.end);
  const phrase = body.parts.join('');
  // An empty "" asks for nothing; dropping it keeps `text` free of no-op terms.
  return { term: phrase === '' ? null : { type: 'text', text: phrase, span: span(start, body.end) }, end: body.end };
}

function readWord(text: string, start: number): Read {
  let end = start;
  while (end < text.length && !isSpace(text[end])) end++;
  const word = text.slice(start, end);
  if (word === 'OR' || word === 'AND') {
    fail(`${word} is not supported in issue search: all terms must match; quote it to search for the word`, start, end - start);
  }
  if (word.startsWith('!')) fail(`! negates key:value filters only; to search for the text, quote it: "${word}"`, start, end - start);
  return { term: { type: 'text', text: word, span: span(start, end) }, end };
}

function readFilter(text: string, start: number): Read | null {
  const negated = text[start] === '!';
  const keyStart = negated ? start + 1 : start;
  let key: string;
  let colon: number;
  let explicitTag = false;
  if (text.startsWith('tags[', keyStart)) {
    let close = keyStart + 5;
    while (close < text.length && text[close] !== ']' && !isSpace(text[close])) close++;
    if (text[close] !== ']' || text[close + 1] !== ':') return null;
    key = text.slice(keyStart + 5, close);
    if (key === '') fail('tags[] needs a tag key: tags[key]:value', keyStart, close + 2 - keyStart);
    colon = close + 1;
    explicitTag = true;
  } else {
    colon = keyStart;
    while (colon < text.length && KEY_CHAR.test(text[colon] as string)) colon++;
    if (colon === keyStart || text[colon] !== ':') return null;
    key = text.slice(keyStart, colon);
  }
  let v = colon + 1;
  const keySpan = span(keyStart, colon + 1);
  const label = text.slice(keyStart, colon + 1);
  if (v >= text.length || isSpace(text[v])) {
    fail(`${label} needs a value; to search for the text "${label}", put it in quotes`, start, v - start);
  }
  const op = OPS.find((o) => text.startsWith(o, v)) ?? null;
  const opSpan = op ? span(v, v + op.length) : null;
  if (op) {
    v += op.length;
    if (v >= text.length || isSpace(text[v])) fail(`${label}${op} needs a value after ${op}`, start, v - start);
  }
  const values: RawValue[] = [];
  let end: number;
  const isList = op === null && text[v] === '[';
  if (isList) end = readList(text, v, values);
  else {
    const value = readValue(text, v, (c) => isSpace(c));
    values.push(value);
    end = value.span.position + value.span.length;
  }
  expectBoundary(text, end);
  return { term: { type: 'filter', negated, key, explicitTag, keySpan, op, opSpan, isList, values, span: span(start, end) }, end };
}

function readList(text: string, open: number, into: RawValue[]): number {
  let i = open + 1;
  for (;;) {
    while (isSpace(text[i])) i++;
    if (i >= text.length) fail('unterminated list: missing ]', open, text.length - open);
    if (text[i] === ']' && into.length === 0) fail('empty list: put values between [ and ], separated by commas', open, i + 1 - open);
    const value = readValue(text, i, (c) => isSpace(c) || c === ',' || c === ']');
    if (value.span.length === 0) fail('empty value in list', i, 1);
    into.push(value);
    i = value.span.position + value.span.length;
    while (isSpace(text[i])) i++;
    if (i >= text.length) fail('unterminated list: missing ]', open, text.length - open);
    if (text[i] === ']') return i + 1;
    if (text[i] !== ',') fail('expected , or ] in list', i, 1);
    i++;
  }
}

function readValue(text: string, start: number, stop: (c: string) => boolean): RawValue {
  const quoted = text[start] === '"';
  const body = readBody(text, quoted ? start + 1 : start, { quoted, wildcards: true, stop });
  return { parts: body.parts, quoted, span: span(start, body.end) };
}

interface BodyOptions {
  readonly quoted: boolean;
  readonly wildcards: boolean;
  readonly stop: (c: string) => boolean;
}

function readBody(text: string, from: number, o: BodyOptions): { parts: string[]; end: number } {
  const parts: string[] = [];
  let current = '';
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (o.quoted ? c === '"' : o.stop(c)) break;
    const next = text[i + 1];
    if (c === '\\' && (next === '"' || next === '\\' || (o.wildcards && next === '*'))) {
      current += next;
      i++;
    } else if (c === '*' && o.wildcards) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  if (!o.quoted) return { parts, end: i };
  if (i >= text.length) fail('unterminated quote: missing closing "', from - 1, text.length - from + 1);
  return { parts, end: i + 1 };
}

function expectBoundary(text: string, end: number): void {
  if (end < text.length && !isSpace(text[end])) fail('expected a space after the closing quote or bracket', end, 1);
}
