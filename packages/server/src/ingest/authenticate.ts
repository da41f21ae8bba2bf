import { fail } from '../kernel/index.js';
import type { Credentials } from './credentials.js';
import type { IngestKey, KeyCache } from './key-cache.js';

/** The page a browser request came from: its `Origin` and `Referer` headers (docs/ingest.md › Allowed domains). */
export interface RequestOrigin {
  readonly origin: string | undefined;
  readonly referer: string | undefined;
}

const firstHeader = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function requestOrigin(headers: Record<string, string | string[] | undefined>): RequestOrigin {
  return { origin: firstHeader(headers.origin), referer: firstHeader(headers.referer) };
}

/**
 * Checks a key against the project in the URL (docs/ingest.md › Authentication): unknown,
 * disabled and foreign keys are 403, as Relay answers; a tunnelled DSN must name the
 * same project as the URL; a browser page outside the project's Allowed Domains is 403.
 */
export async function authenticate(keys: KeyCache, credentials: Credentials, projectId: number, from?: RequestOrigin): Promise<IngestKey> {
  if (credentials.dsnProjectId !== undefined && Number(credentials.dsnProjectId) !== projectId) {
    fail('permission_denied', 'event submission rejected with_reason: ProjectId (the dsn names another project)');
  }
  const key = await keys.lookup(credentials.publicKey);
  if (!key) fail('permission_denied', 'event submission rejected with_reason: ProjectId (unknown public key)');
  if (key.projectId !== projectId) fail('permission_denied', 'event submission rejected with_reason: ProjectId (the key belongs to another project)');
  if (!key.enabled) fail('permission_denied', 'event submission rejected with_reason: DisabledKey');
  if (from && !key.allowedOrigins.allows(from.origin, from.referer)) {
    fail('permission_denied', "event submission rejected with_reason: Origin (the page is not in the project's Allowed Domains)");
  }
  return key;
}
