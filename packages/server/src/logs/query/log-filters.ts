import { fail } from '../../kernel/index.js';
import { matchesWildcard, type SearchFilter } from '../../performance/index.js';
import { LOG_LEVELS, type LogLevel, type LogLine } from '../log-line.js';
import { type LogField, type LogProject, resolveLogField } from './log-fields.js';

/**
 * A logs query's filters (Sentry's search syntax, parsed by the shared parser) compiled into one
 * predicate over stored lines, plus what the block index can use: the levels asked for (a
 * bitmask over the blocks' severities) and an exact trace id (the trace index).
 */
export interface CompiledLogFilters {
  matches(line: LogLine, project: LogProject): boolean;
  readonly severityMask: number | undefined;
  readonly traceId: string | undefined;
}

type Predicate = (line: LogLine, project: LogProject) => boolean;

const ALL_LEVELS = (1 << LOG_LEVELS.length) - 1;
const SEVERITY_KEYS = new Set(['severity', 'severity_text', 'log.severity_text']);

export function compileLogFilters(filters: readonly SearchFilter[], environments: readonly string[]): CompiledLogFilters {
  const predicates: Predicate[] = filters.map(compileOne);
  const environment = resolveLogField('environment');
  if (environments.length > 0) predicates.push((l, p) => environments.includes(String(environment.read(l, p) ?? '')));
  let severityMask: number | undefined;
  let traceId: string | undefined;
  for (const f of filters) {
    if (f.negated || f.op !== 'eq') continue;
    if (SEVERITY_KEYS.has(f.key) && f.values.every((v) => !v.includes('*'))) {
      let mask = 0;
      for (const v of f.values) {
        const i = LOG_LEVELS.indexOf(normalLevel(v) as LogLevel);
        if (i >= 0) mask |= 1 << i;
      }
      severityMask = (severityMask ?? ALL_LEVELS) & mask;
    }
    if (f.key === 'trace' && f.values.length === 1 && /^[0-9a-fA-F]{32}$/.test(f.values[0] ?? '')) traceId = (f.values[0] as string).toLowerCase();
  }
  return { matches: (l, p) => predicates.every((m) => m(l, p)), severityMask, traceId };
}

function normalLevel(v: string): string {
  const lower = v.toLowerCase();
  return lower === 'warning' ? 'warn' : lower;
}

function compileOne(f: SearchFilter): Predicate {
  const field = resolveLogField(f.key);
  const positive = f.op === 'has' ? hasValue(field) : f.op === 'eq' ? equals(field, f) : compares(field, f);
  return f.negated ? (l, p) => !positive(l, p) : positive;
}

function hasValue(field: LogField): Predicate {
  return (l, p) => {
    const v = field.read(l, p);
    return v !== null && v !== '';
  };
}

function equals(field: LogField, f: SearchFilter): Predicate {
  if (field.type === 'integer' || field.type === 'number') {
    const wanted = f.values.map((v) => numberOf(v, f.key));
    return (l, p) => wanted.includes(Number(field.read(l, p) ?? Number.NaN));
  }
  if (field.type === 'boolean') {
    const wanted = f.values.map((v) => {
      if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') fail('validation_failed', `${f.key} is a boolean: ${v} is not true or false`);
      return v === 'true' || v === '1';
    });
    return (l, p) => wanted.includes(field.read(l, p) as boolean);
  }
  const values = SEVERITY_KEYS.has(f.key) ? f.values.map(normalLevel) : f.values;
  return (l, p) => {
    const v = field.read(l, p);
    if (v === null) return false;
    const text = String(v);
    return values.some((w) => matchesWildcard(w, text));
  };
}

function compares(field: LogField, f: SearchFilter): Predicate {
  const text = f.values[0] ?? '';
  let limit: number;
  let read: (l: LogLine, p: LogProject) => number;
  if (field.type === 'date') {
    const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
    if (!Number.isFinite(ms)) fail('validation_failed', `${f.key} cannot be compared with ${text}: not a date`);
    limit = ms / 1000;
    read = (l) => l.timestamp;
  } else if (field.type === 'integer' || field.type === 'number') {
    limit = numberOf(text, f.key);
    read = (l, p) => {
      const v = field.read(l, p);
      return typeof v === 'number' ? v : Number.NaN;
    };
  } else if (SEVERITY_KEYS.has(f.key)) {
    // `severity:>=warn` compares levels in their order.
    limit = LOG_LEVELS.indexOf(normalLevel(text) as LogLevel);
    if (limit < 0) fail('validation_failed', `${text} is not a severity (${LOG_LEVELS.join(', ')})`);
    read = (l) => LOG_LEVELS.indexOf(l.level);
  } else {
    return fail('validation_failed', `${f.key} is text and cannot be compared with >, <, >= or <=`);
  }
  const op = f.op;
  return (l, p) => {
    const v = read(l, p);
    if (Number.isNaN(v)) return false;
    return op === 'gt' ? v > limit : op === 'gte' ? v >= limit : op === 'lt' ? v < limit : v <= limit;
  };
}

function numberOf(text: string, key: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) fail('validation_failed', `${key} is a number: ${text} is not one`);
  return n;
}
