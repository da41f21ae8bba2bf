import { type Failure, fail } from './result.js';

/**
 * Credentials from `X-Sentry-Auth`, `Authorization` or the query string (Sentry developer docs, SDK Overview ›
 * Authentication).
 */
export interface SentryAuth {
  /** `sentry_key`: the DSN public key. */
  readonly publicKey: string;
  /** `sentry_version`, currently 7; undefined when absent or not an integer. Policy (reject > 8 or not) is the caller's. */
  readonly version?: number;
  /** `sentry_client`, free text `name/version`; for logging only. */
  readonly client?: string;
  /** `sentry_timestamp` (unix seconds, sentry-cli); informational. */
  readonly timestamp?: number;
  /** `sentry_secret`: legacy, ignore. */
  readonly secretKey?: string;
}

export type SentryAuthResult = { readonly ok: true; readonly auth: SentryAuth } | Failure;

const PREFIX = /^\s*sentry(?:\s+|$)/i;

/**
 * Parses an `X-Sentry-Auth` value, e.g. `Sentry sentry_key=abc, sentry_version=7,
 * sentry_client=sentry.python/1.9.10`. Like Relay: the `Sentry` prefix is matched
 * case-insensitively (and is optional here), pairs are split on `,` and on the first `=`,
 * keys and values trimmed, unknown keys ignored. Fails only without a `sentry_key`.
 */
export function parseSentryAuthHeader(value: string): SentryAuthResult {
  if (typeof value !== 'string') return fail('auth header must be a string');
  const params = new Map<string, string>();
  for (const pair of value.replace(PREFIX, '').split(',')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const key = pair.slice(0, eq).trim();
    if (!params.has(key)) params.set(key, pair.slice(eq + 1).trim());
  }
  return fromParams((key) => params.get(key));
}

/**
 * Parses an `Authorization` value. Only the `Sentry …` scheme (same syntax as
 * `X-Sentry-Auth`) and `Basic base64(key:…)` carry a DSN key (docs/ingest.md › Authentication); anything else, such
 * as `Bearer`, is not ingest auth and fails with a reason.
 */
export function parseAuthorizationHeader(value: string): SentryAuthResult {
  if (typeof value !== 'string') return fail('auth header must be a string');
  if (PREFIX.test(value)) return parseSentryAuthHeader(value);
  const basic = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
  if (basic?.[1] === undefined) return fail('Authorization header does not use the Sentry or Basic scheme');
  let decoded: string;
  try {
    decoded = atob(basic[1].replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return fail('Authorization Basic credentials are not valid base64');
  }
  const key = decoded.split(':', 1)[0]?.trim() ?? '';
  return key === '' ? fail('missing sentry_key') : { ok: true, auth: { publicKey: key } };
}

/** A parsed query string: `URLSearchParams` or a framework's `{ key: value | value[] }` object. */
export type QueryParams = URLSearchParams | { readonly [key: string]: string | readonly string[] | undefined };

/**
 * Reads `sentry_key`, `sentry_version`, … from the query string, as all JS SDKs send them
 * (docs/ingest.md › Authentication). For a repeated parameter the first value wins.
 */
export function parseSentryAuthQuery(query: QueryParams): SentryAuthResult {
  if (query instanceof URLSearchParams) return fromParams((key) => query.get(key) ?? undefined);
  return fromParams((key) => {
    const v = Object.hasOwn(query, key) ? query[key] : undefined;
    return typeof v === 'string' ? v : v?.[0];
  });
}

function fromParams(get: (key: string) => string | undefined): SentryAuthResult {
  const publicKey = get('sentry_key')?.trim();
  if (publicKey === undefined || publicKey === '') return fail('missing sentry_key');
  const auth: {
    publicKey: string;
    version?: number;
    client?: string;
    timestamp?: number;
    secretKey?: string;
  } = { publicKey };
  const version = get('sentry_version')?.trim();
  if (version !== undefined && /^\d{1,9}$/.test(version)) auth.version = Number(version);
  const client = get('sentry_client')?.trim();
  if (client) auth.client = client;
  const timestamp = get('sentry_timestamp')?.trim();
  if (timestamp && Number.isFinite(Number(timestamp))) auth.timestamp = Number(timestamp);
  const secret = get('sentry_secret')?.trim();
  if (secret) auth.secretKey = secret;
  return { ok: true, auth };
}
