import type { JsonObject } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import { one, type ProjectRef, type QueryParams } from '../../performance/index.js';
import type { LogsRepo } from '../store/logs-repo.js';

/**
 * `GET /organizations/{org}/trace-items/attributes/?itemType=logs` (docs/logs.md › API): the
 * built-in log fields under their public names, then every attribute name the projects have
 * sent — strings by their bare name, numbers and booleans as `tags[name,number|boolean]`.
 * `sentry.*` attributes that have a public alias (environment, release…) appear once, as the alias.
 */
const BUILT_IN: readonly { key: string; type: 'string' | 'number' | 'boolean' }[] = [
  { key: 'message', type: 'string' },
  { key: 'message.template', type: 'string' },
  { key: 'severity', type: 'string' },
  { key: 'severity_number', type: 'number' },
  { key: 'trace', type: 'string' },
  { key: 'span_id', type: 'string' },
  { key: 'project', type: 'string' },
  { key: 'environment', type: 'string' },
  { key: 'release', type: 'string' },
  { key: 'sdk.name', type: 'string' },
  { key: 'sdk.version', type: 'string' },
  { key: 'origin', type: 'string' },
  { key: 'browser.name', type: 'string' },
  { key: 'browser.version', type: 'string' },
  { key: 'replay_id', type: 'string' },
  { key: 'payload_size', type: 'number' },
  { key: 'timestamp_precise', type: 'number' },
  { key: 'observed_timestamp', type: 'number' },
];

const ALIASED = new Set([
  'sentry.message.template',
  'sentry.environment',
  'sentry.release',
  'sentry.sdk.name',
  'sentry.sdk.version',
  'sentry.origin',
  'sentry.browser.name',
  'sentry.browser.version',
  'sentry.replay_id',
]);

export async function logAttributes(repo: LogsRepo, params: QueryParams, projects: readonly ProjectRef[]): Promise<JsonObject[]> {
  const attributeType = one(params, 'attributeType');
  if (attributeType !== undefined && !['string', 'number', 'boolean'].includes(attributeType))
    fail('validation_failed', 'attributeType must be string, number or boolean');
  const found = new Map<string, { key: string; name: string; type: string; source: 'sentry' | 'user' }>();
  for (const b of BUILT_IN) found.set(b.key, { key: b.key, name: b.key, type: b.type, source: 'sentry' });
  for (const { name, type } of await repo.attributeKeys(projects.map((p) => p.id))) {
    if (ALIASED.has(name) || name.startsWith('sentry.message.parameter.')) continue;
    const key = type === 'string' ? name : `tags[${name},${type}]`;
    if (!found.has(key)) found.set(key, { key, name, type, source: name.startsWith('sentry.') ? 'sentry' : 'user' });
  }
  const needle = one(params, 'substringMatch')?.toLowerCase();
  return [...found.values()]
    .filter((a) => attributeType === undefined || a.type === attributeType)
    .filter((a) => needle === undefined || a.name.toLowerCase().includes(needle))
    .map((a) => ({ key: a.key, name: a.name, attributeType: a.type, attributeSource: { source_type: a.source } }));
}
