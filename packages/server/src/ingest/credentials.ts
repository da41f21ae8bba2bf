import { parseAuthorizationHeader, parseDsn, parseSentryAuthHeader, parseSentryAuthQuery, type QueryParams } from '@faultline/protocol';
import { fail } from '../kernel/index.js';

/** A DSN public key and where it came from; a tunnelled DSN also names its project. */
export interface Credentials {
  readonly source: 'x-sentry-auth' | 'authorization' | 'query' | 'dsn';
  readonly publicKey: string;
  readonly dsnProjectId?: string;
}

type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Credentials carried by the request itself (docs/ingest.md › Authentication): `X-Sentry-Auth`, then an
 * `Authorization: Sentry …`/`Basic …` header, then the `sentry_key` query parameter.
 * Headers win over the query (lenient: Relay refuses a request carrying both). An Authorization
 * header in another scheme (`Bearer`) is not ingest auth and is ignored. Undefined
 * when none is present: a tunnelled envelope then authenticates with its `dsn` header.
 */
export function requestCredentials(headers: Record<string, HeaderValue>, query: QueryParams): Credentials | undefined {
  const xSentryAuth = first(headers['x-sentry-auth']);
  if (xSentryAuth !== undefined) {
    const parsed = parseSentryAuthHeader(xSentryAuth);
    if (!parsed.ok) fail('not_authenticated', `invalid X-Sentry-Auth header: ${parsed.reason}`);
    return { source: 'x-sentry-auth', publicKey: parsed.auth.publicKey };
  }
  const authorization = first(headers.authorization);
  if (authorization !== undefined && /^\s*(sentry|basic)\b/i.test(authorization)) {
    const parsed = parseAuthorizationHeader(authorization);
    if (!parsed.ok) fail('not_authenticated', `invalid Authorization header: ${parsed.reason}`);
    return { source: 'authorization', publicKey: parsed.auth.publicKey };
  }
  const fromQuery = parseSentryAuthQuery(query);
  if (fromQuery.ok) return { source: 'query', publicKey: fromQuery.auth.publicKey };
  return undefined;
}

/**
 * The `dsn` envelope header of a tunnelled envelope (Sentry product docs, JavaScript Troubleshooting › Using
 * the tunnel Option).
 */
export function dsnCredentials(dsn: string): Credentials {
  const parsed = parseDsn(dsn);
  if (!parsed.ok) fail('not_authenticated', `invalid dsn in envelope header: ${parsed.reason}`);
  return { source: 'dsn', publicKey: parsed.dsn.publicKey, dsnProjectId: parsed.dsn.projectId };
}
