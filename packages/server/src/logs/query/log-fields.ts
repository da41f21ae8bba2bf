import type { JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import { type LogLine, stringAttribute } from '../log-line.js';

/**
 * The public field names of the logs dataset (Sentry docs, "Logs" › "Searchable Properties",
 * https://docs.sentry.io/product/explore/logs/; docs/logs.md › Fields) and how each is read
 * from a stored line. Any other plain name is a string attribute by that name; numeric and
 * boolean attributes are spelled `tags[name,number]` and `tags[name,boolean]`.
 */
export type LogFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface LogProject {
  readonly id: number;
  readonly slug: string;
}

export interface LogField {
  readonly type: LogFieldType;
  /** the field's value on a line (null when the line has none) */
  read(line: LogLine, project: LogProject): JsonValue;
  /** for the single item view: the stored attribute this field is, when it is one */
  readonly attribute?: string;
}

const sentryAttribute = (name: string): LogField => ({ type: 'string', attribute: name, read: (l) => stringAttribute(l, name) });

const BUILT_IN: Readonly<Record<string, LogField>> = {
  id: { type: 'string', read: (l) => l.itemId },
  'sentry.item_id': { type: 'string', read: (l) => l.itemId },
  timestamp: { type: 'date', read: (l) => isoSeconds(l.timestamp) },
  timestamp_precise: { type: 'number', read: (l) => Math.round(l.timestamp * 1e6) * 1000 },
  observed_timestamp: { type: 'number', read: (l) => l.observedAt * 1e6 },
  message: { type: 'string', read: (l) => l.body },
  'log.body': { type: 'string', read: (l) => l.body },
  'message.template': sentryAttribute('sentry.message.template'),
  severity: { type: 'string', read: (l) => l.level },
  severity_text: { type: 'string', read: (l) => l.level },
  'log.severity_text': { type: 'string', read: (l) => l.level },
  severity_number: { type: 'integer', read: (l) => l.severityNumber },
  'log.severity_number': { type: 'integer', read: (l) => l.severityNumber },
  trace: { type: 'string', read: (l) => l.traceId },
  span_id: { type: 'string', read: (l) => l.spanId },
  'trace.parent_span_id': { type: 'string', read: (l) => l.spanId },
  project: { type: 'string', read: (_l, p) => p.slug },
  'project.slug': { type: 'string', read: (_l, p) => p.slug },
  'project.name': { type: 'string', read: (_l, p) => p.slug },
  'project.id': { type: 'integer', read: (_l, p) => p.id },
  environment: sentryAttribute('sentry.environment'),
  release: sentryAttribute('sentry.release'),
  'sdk.name': sentryAttribute('sentry.sdk.name'),
  'sdk.version': sentryAttribute('sentry.sdk.version'),
  origin: sentryAttribute('sentry.origin'),
  'browser.name': { type: 'string', read: (l) => stringAttribute(l, 'sentry.browser.name') ?? stringAttribute(l, 'browser.name') },
  'browser.version': { type: 'string', read: (l) => stringAttribute(l, 'sentry.browser.version') ?? stringAttribute(l, 'browser.version') },
  replay_id: sentryAttribute('sentry.replay_id'),
  payload_size: { type: 'integer', read: (l) => l.payloadSize },
};

/** Names a field may have: attribute names as SDKs send them, without room for expressions. */
const NAME = /^[A-Za-z0-9_.:@/-]{1,200}$/;

export function resolveLogField(spelling: string): LogField {
  const builtIn = BUILT_IN[spelling];
  if (builtIn !== undefined) return builtIn;
  const parameter = /^message\.parameter\.(\d{1,4})$/.exec(spelling);
  if (parameter !== null) return anyAttribute(`sentry.message.parameter.${parameter[1]}`);
  if (spelling.startsWith('tags[') && spelling.endsWith(']')) {
    const inner = spelling.slice(5, -1);
    const comma = inner.lastIndexOf(',');
    const name = comma < 0 ? inner : inner.slice(0, comma);
    const kind = comma < 0 ? 'string' : inner.slice(comma + 1).trim();
    if (name === '' || name.length > 200) fail('validation_failed', `${spelling} is not a valid field`);
    if (kind === 'number') return numberAttribute(name);
    if (kind === 'boolean') return booleanAttribute(name);
    if (kind === 'string') return stringField(name);
    fail('validation_failed', `${spelling} is not a valid field: the type must be string, number or boolean`);
  }
  if (!NAME.test(spelling)) fail('validation_failed', `${spelling} is not a valid field of the logs dataset`);
  return stringField(spelling);
}

function stringField(name: string): LogField {
  return { type: 'string', attribute: name, read: (l) => stringAttribute(l, name) };
}

function numberAttribute(name: string): LogField {
  return {
    type: 'number',
    attribute: name,
    read: (l) => {
      const a = l.attributes[name];
      return a !== undefined && (a.type === 'integer' || a.type === 'double') ? a.value : null;
    },
  };
}

function booleanAttribute(name: string): LogField {
  return {
    type: 'boolean',
    attribute: name,
    read: (l) => {
      const a = l.attributes[name];
      return a?.type === 'boolean' ? a.value : null;
    },
  };
}

/** A message parameter is whatever type the SDK gave it. */
function anyAttribute(name: string): LogField {
  return { type: 'string', attribute: name, read: (l) => l.attributes[name]?.value ?? null };
}

/** `2026-11-21T15:30:59+00:00`, Sentry's date format for fields of type date. */
export function isoSeconds(seconds: number): string {
  return `${new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)}+00:00`;
}
