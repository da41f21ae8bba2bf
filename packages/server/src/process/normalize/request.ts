import { copyBag, copyObjectBag } from './copy-bag.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { EventRequest, Pair } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readString, truncate } from './read-json.js';

/**
 * `request` (Sentry developer docs, Event Payloads › Request Interface): headers, cookies and query strings
 * arrive as objects, pair lists or strings and leave as pair lists (Relay's PairList), header names in
 * canonical case. As in Relay, a query or fragment inside `url` moves to `query_string`/`fragment` unless those
 * were sent separately, and a `Cookie` header fills `cookies` when none were sent.
 */
export function normalizeRequest(value: unknown, notes: Notes): EventRequest | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('request', `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const request: EventRequest = {};
  const rawUrl = readString(value.url, notes, 'request.url', STRING_LIMITS.url);
  const split = rawUrl === undefined ? undefined : splitUrl(rawUrl);
  put(request, 'url', split?.url);
  put(request, 'method', readString(value.method, notes, 'request.method', 32)?.toUpperCase());
  const query = readPairs(value.query_string, notes, 'request.query_string', parseQuery);
  put(request, 'query_string', query ?? (split?.query ? parseQuery(split.query) : undefined));
  put(request, 'fragment', readString(value.fragment, notes, 'request.fragment', STRING_LIMITS.url) ?? split?.fragment);
  const headers = readPairs(value.headers, notes, 'request.headers', undefined);
  if (headers !== undefined) for (const pair of headers) pair[0] = canonicalHeaderName(pair[0]);
  put(request, 'headers', headers);
  const cookieHeader = headers?.find(([name]) => name === 'Cookie')?.[1];
  const cookies = readPairs(value.cookies, notes, 'request.cookies', parseCookies);
  put(request, 'cookies', cookies ?? (cookieHeader === undefined ? undefined : parseCookies(cookieHeader)));
  put(request, 'data', readData(value.data, notes));
  put(request, 'env', copyObjectBag(value.env, BAG_LIMITS.requestEnv, notes, 'request.env'));
  return Object.keys(request).length === 0 ? undefined : request;
}

function splitUrl(raw: string): { url: string | undefined; query: string | undefined; fragment: string | undefined } {
  const hash = raw.indexOf('#');
  const beforeHash = hash === -1 ? raw : raw.slice(0, hash);
  const fragment = hash === -1 ? undefined : raw.slice(hash + 1) || undefined;
  const q = beforeHash.indexOf('?');
  const url = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? undefined : beforeHash.slice(q + 1) || undefined;
  return { url: url || undefined, query, fragment };
}

function readData(value: unknown, notes: Notes): EventRequest['data'] {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return readString(value, notes, 'request.data', BAG_LIMITS.requestData.maxString);
  return copyBag(value, BAG_LIMITS.requestData, notes, 'request.data');
}

/**
 * Pairs from an object (`{k: v}`, array values repeat the key), a list of `[k, v]`, or a
 * string handled by `parse`. Values become strings; malformed entries are counted in a note.
 */
function readPairs(value: unknown, notes: Notes, path: string, parse: ((text: string) => Pair[]) | undefined): Pair[] | undefined {
  if (value === undefined || value === null) return undefined;
  let pairs: Pair[];
  let bad = 0;
  if (typeof value === 'string' && parse !== undefined) pairs = parse(value);
  else if (Array.isArray(value)) {
    pairs = [];
    for (const entry of value) {
      const pair = Array.isArray(entry) && entry.length === 2 ? toPair(entry[0], entry[1]) : undefined;
      if (pair === undefined) bad++;
      else pairs.push(pair);
    }
  } else if (isRecord(value)) {
    pairs = [];
    for (const key of Object.keys(value)) {
      const item = value[key];
      for (const v of Array.isArray(item) ? item : [item]) {
        const pair = toPair(key, v);
        if (pair === undefined) bad++;
        else pairs.push(pair);
      }
    }
  } else {
    notes.invalid(path, `expected an object or a list of pairs, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  if (bad > 0) notes.invalid(path, `${bad} malformed entr${bad === 1 ? 'y' : 'ies'} removed`);
  if (pairs.length > COUNT_LIMITS.headers) {
    notes.trimmed(path, `kept the first ${COUNT_LIMITS.headers} of ${pairs.length} entries`);
    pairs.length = COUNT_LIMITS.headers;
  }
  return pairs.length === 0 ? undefined : pairs;
}

function toPair(key: unknown, value: unknown): Pair | undefined {
  if (typeof key !== 'string' || key === '') return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value === null) text = '';
  else return undefined;
  return [truncate(key, STRING_LIMITS.symbol), truncate(text, STRING_LIMITS.url)];
}

/** `a=1&b=x+y` → pairs, form-decoded; undecodable escapes stay as sent. */
export function parseQuery(text: string): Pair[] {
  const pairs: Pair[] = [];
  const body = text.startsWith('?') ? text.slice(1) : text;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeForm(eq === -1 ? part : part.slice(0, eq));
    if (key === '') continue;
    pairs.push([truncate(key, STRING_LIMITS.symbol), truncate(decodeForm(eq === -1 ? '' : part.slice(eq + 1)), STRING_LIMITS.url)]);
  }
  return pairs;
}

function decodeForm(text: string): string {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * `a=1; b=2` (a Cookie header) → pairs, values as sent. A part without `=` is a
 * value with an empty name (RFC 6265bis §5.6), so it is scrubbed as a value, never
 * kept as a name.
 */
export function parseCookies(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? '' : part.slice(0, eq).trim();
    const value = (eq === -1 ? part : part.slice(eq + 1)).trim();
    if (name === '' && value === '') continue;
    pairs.push([truncate(name, STRING_LIMITS.symbol), truncate(value, STRING_LIMITS.url)]);
  }
  return pairs;
}

/** `user-agent` → `User-Agent` (Relay normalizes header names the same way). */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0]?.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}
