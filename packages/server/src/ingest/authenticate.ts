import { fail } from '../kernel/index.js';
import type { Credentials } from './credentials.js';
import type { IngestKey, KeyCache } from './key-cache.js';

/**
 * Checks a key against the project in the URL (docs/ingest.md › Authentication): unknown,
 * disabled and foreign keys are 403, as Relay answers; a tunnelled DSN must name the
 * same project as the URL.
 */
export async function authenticate(keys: KeyCache, credentials: Credentials, projectId: number): Promise<IngestKey> {
  if (credentials.dsnProjectId !== undefined && Number(credentials.dsnProjectId) !== projectId) {
    fail('permission_denied', 'event submission rejected with_reason: ProjectId (the dsn names another project)');
  }
  const key = await keys.lookup(credentials.publicKey);
  if (!key) fail('permission_denied', 'event submission rejected with_reason: ProjectId (unknown public key)');
  if (key.projectId !== projectId) fail('permission_denied', 'event submission rejected with_reason: ProjectId (the key belongs to another project)');
  if (!key.enabled) fail('permission_denied', 'event submission rejected with_reason: DisabledKey');
  return key;
}
