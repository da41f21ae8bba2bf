import type { JsonObject } from '@faultline/protocol';
import type { Kysely } from 'kysely';
import { fail } from '../../kernel/index.js';
import type { Database } from '../../store/index.js';
import { decodeTraceDocument } from '../store/trace-document.js';

/**
 * `GET /organizations/{org}/trace-items/attributes/?itemType=spans`: the attribute keys a span
 * query can use — Sentry's built-in span fields, and the attributes of recently stored spans.
 * Numeric and boolean user attributes take Sentry's typed spelling (`tags[name,number]`).
 */
const BUILT_IN: readonly { key: string; type: 'string' | 'number' | 'boolean' }[] = [
  { key: 'span.op', type: 'string' },
  { key: 'span.description', type: 'string' },
  { key: 'span.status', type: 'string' },
  { key: 'span.group', type: 'string' },
  { key: 'sentry.normalized_description', type: 'string' },
  { key: 'transaction', type: 'string' },
  { key: 'trace', type: 'string' },
  { key: 'project', type: 'string' },
  { key: 'release', type: 'string' },
  { key: 'environment', type: 'string' },
  { key: 'span.duration', type: 'number' },
  { key: 'span.self_time', type: 'number' },
  { key: 'is_transaction', type: 'boolean' },
];

const SAMPLE_DOCUMENTS = 200;

export async function traceItemAttributes(
  db: Kysely<Database>,
  projectIds: readonly number[],
  params: { itemType: string | undefined; attributeType: string | undefined; substringMatch: string | undefined },
): Promise<JsonObject[]> {
  if (params.itemType === undefined) fail('validation_failed', 'itemType is required');
  if (!['spans', 'logs', 'tracemetrics'].includes(params.itemType)) fail('validation_failed', 'itemType must be one of: spans, logs, tracemetrics');
  if (params.attributeType !== undefined && !['string', 'number', 'boolean'].includes(params.attributeType))
    fail('validation_failed', 'attributeType must be string, number or boolean');
  if (params.itemType !== 'spans') return [];
  const found = new Map<string, { key: string; name: string; type: 'string' | 'number' | 'boolean'; source: 'sentry' | 'user' }>();
  for (const b of BUILT_IN) found.set(b.key, { key: b.key, name: b.key, type: b.type, source: 'sentry' });
  if (projectIds.length > 0) {
    const rows = await db
      .selectFrom('trace_segments')
      .select('document')
      .where('project_id', 'in', [...projectIds])
      .orderBy('id', 'desc')
      .limit(SAMPLE_DOCUMENTS)
      .execute();
    for (const r of rows) {
      for (const span of decodeTraceDocument(r.document).spans) {
        for (const [name, value] of Object.entries(span.data)) {
          const type = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
          const key = type === 'string' ? name : `tags[${name},${type}]`;
          if (!found.has(key)) found.set(key, { key, name, type, source: name.startsWith('sentry.') ? 'sentry' : 'user' });
        }
      }
    }
  }
  const needle = params.substringMatch?.toLowerCase();
  return [...found.values()]
    .filter((a) => params.attributeType === undefined || a.type === params.attributeType)
    .filter((a) => needle === undefined || a.name.toLowerCase().includes(needle))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((a) => ({ key: a.key, name: a.name, attributeType: a.type, attributeSource: { source_type: a.source } }));
}
