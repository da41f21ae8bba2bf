import type { JsonObject } from '@faultline/protocol';
import type { LogLine } from '../log-line.js';
import { type LogProject, resolveLogField } from './log-fields.js';

/**
 * One log line as `projects/{org}/{project}/trace-items/{id}/?item_type=logs` answers it
 * (docs/logs.md › API): its id, time and every attribute as `{name, type, value}` with
 * Sentry's item types `str`, `int`, `float`, `bool`; built-ins under their public names,
 * numeric user attributes as `tags[name,number]`.
 */
const BUILT_IN = [
  'message',
  'severity',
  'severity_number',
  'trace',
  'span_id',
  'project.id',
  'sentry.item_id',
  'timestamp_precise',
  'observed_timestamp',
  'payload_size',
];

export function logItemJson(line: LogLine, project: LogProject): JsonObject {
  const attributes: JsonObject[] = [];
  for (const name of BUILT_IN) {
    const value = resolveLogField(name).read(line, project);
    if (value === null) continue;
    attributes.push({ name, type: typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : 'str', value });
  }
  for (const [name, a] of Object.entries(line.attributes).sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (a.type === 'string') attributes.push({ name, type: 'str', value: a.value });
    else if (a.type === 'boolean') attributes.push({ name: `tags[${name},boolean]`, type: 'bool', value: a.value });
    else attributes.push({ name: `tags[${name},number]`, type: a.type === 'integer' ? 'int' : 'float', value: a.value });
  }
  return { itemId: line.itemId, timestamp: new Date(line.timestamp * 1000).toISOString(), attributes, meta: {}, links: null };
}
