import type { ClientKey } from '../store/client-keys.js';

/**
 * `{scheme}://{public_key}@{host}{/path}/{project_id}` (Sentry developer docs, SDK Overview › Parsing the DSN):
 * the path prefix comes from the public URL.
 */
export function formatDsn(publicUrl: string, key: Pick<ClientKey, 'publicKey' | 'projectId'>): string {
  const u = new URL(publicUrl);
  const prefix = u.pathname.replace(/\/+$/, '');
  return `${u.protocol}//${key.publicKey}@${u.host}${prefix}/${key.projectId}`;
}

export function ingestBaseUrl(publicUrl: string, projectId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/${projectId}`;
}
