import { type Failure, fail } from './result.js';

/**
 * A parsed DSN (Sentry developer docs, SDK Overview › Parsing the DSN):
 * `{protocol}://{publicKey}[:{secretKey}]@{host}[:{port}]{pathPrefix}/{projectId}`.
 */
export interface Dsn {
  readonly protocol: 'http' | 'https';
  /** The project key; the only credential SDKs send (a public identifier, not a secret). */
  readonly publicKey: string;
  /** Legacy; accepted and ignored by modern servers. */
  readonly secretKey?: string;
  /** Host name or bracketed IPv6 literal, as written. */
  readonly host: string;
  readonly port?: number;
  /** Path between host and project id, `''` or e.g. `'/sentry'` (no trailing slash). */
  readonly pathPrefix: string;
  /** Numeric project id, as a string of digits. */
  readonly projectId: string;
}

export type DsnResult = { readonly ok: true; readonly dsn: Dsn } | Failure;

// Keys: the SDKs accept `\w+` (SDK Overview › Parsing the DSN). Host: a name or a bracketed IPv6 literal.
const DSN = /^(https?):\/\/(\w+)(?::(\w*))?@(\[[0-9A-Fa-f:.]+\]|[^\s/:?#@[\]]+)(?::(\d{1,5}))?(\/[^?#\s]*)$/;

/**
 * Parses a DSN like the JS SDK does (`dsnFromString`): the project id is the leading digits
 * of the last path segment and must exist; everything before that segment is the path
 * prefix the SDK puts in front of `/api/`. A query or fragment is ignored.
 */
export function parseDsn(text: string): DsnResult {
  if (typeof text !== 'string') return fail('DSN must be a string');
  const withoutQuery = text.trim().replace(/[?#].*$/s, '');
  const m = DSN.exec(withoutQuery);
  if (m === null) return fail('DSN must look like https://PUBLIC_KEY@HOST/PROJECT_ID');
  const [, protocol, publicKey, secretKey, host, port, path] = m;
  if (protocol === undefined || publicKey === undefined || host === undefined || path === undefined) {
    return fail('DSN must look like https://PUBLIC_KEY@HOST/PROJECT_ID');
  }
  const slash = path.lastIndexOf('/');
  const projectId = /^\d+/.exec(path.slice(slash + 1))?.[0];
  if (projectId === undefined) return fail('DSN project id must be numeric');
  const portNumber = port === undefined ? undefined : Number(port);
  if (portNumber !== undefined && portNumber > 65535) return fail('DSN port out of range');
  const dsn: Dsn = {
    protocol: protocol === 'https' ? 'https' : 'http',
    publicKey,
    host,
    pathPrefix: path.slice(0, slash),
    projectId,
    ...(secretKey ? { secretKey } : {}),
    ...(portNumber !== undefined ? { port: portNumber } : {}),
  };
  return { ok: true, dsn };
}

/** The DSN string for `dsn`; `parseDsn(formatDsn(d))` gives back `d`. */
export function formatDsn(dsn: Dsn): string {
  const secret = dsn.secretKey ? `:${dsn.secretKey}` : '';
  const port = dsn.port === undefined ? '' : `:${dsn.port}`;
  return `${dsn.protocol}://${dsn.publicKey}${secret}@${dsn.host}${port}${dsn.pathPrefix}/${dsn.projectId}`;
}

/**
 * `{protocol}://{host}[:{port}]{pathPrefix}`: the SDK appends `/api/{projectId}/envelope/` (SDK Overview ›
 * Parsing the DSN).
 */
export function dsnBaseUrl(dsn: Dsn): string {
  const port = dsn.port === undefined ? '' : `:${dsn.port}`;
  return `${dsn.protocol}://${dsn.host}${port}${dsn.pathPrefix}`;
}
