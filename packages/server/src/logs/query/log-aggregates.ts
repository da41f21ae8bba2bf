import type { JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import type { ParsedField } from '../../performance/index.js';
import type { LogLine } from '../log-line.js';
import { type LogField, type LogFieldType, type LogProject, resolveLogField } from './log-fields.js';

/**
 * The aggregate functions of the logs dataset (Sentry docs, "Logs" › "Aggregates"): `count()`,
 * `count_unique(field)`, and `avg`, `sum`, `min`, `max` of a numeric field
 * (`tags[x,number]`, `severity_number`, `payload_size`). Anything else answers 400.
 */
export type FunctionField = Extract<ParsedField, { kind: 'function' }>;

export interface LogAggregate {
  readonly spelling: string;
  readonly type: LogFieldType;
  /** a fresh accumulator per group */
  start(): LogAccumulator;
}

export interface LogAccumulator {
  add(line: LogLine, project: LogProject): void;
  value(): JsonValue;
}

const NUMERIC = new Set(['avg', 'sum', 'min', 'max']);

export function compileAggregate(f: FunctionField): LogAggregate {
  if (f.name === 'count') {
    if (f.args.length > 1) fail('validation_failed', `${f.spelling}: count takes at most one argument`);
    const field = f.args[0] === undefined || f.args[0] === '' ? null : resolveLogField(f.args[0]);
    return {
      spelling: f.spelling,
      type: 'integer',
      start: () => {
        let n = 0;
        return {
          add: (l, p) => {
            if (field === null || field.read(l, p) !== null) n++;
          },
          value: () => n,
        };
      },
    };
  }
  if (f.name === 'count_unique') {
    const field = oneArgument(f);
    return {
      spelling: f.spelling,
      type: 'integer',
      start: () => {
        const seen = new Set<string>();
        return {
          add: (l, p) => {
            const v = field.read(l, p);
            if (v !== null) seen.add(String(v));
          },
          value: () => seen.size,
        };
      },
    };
  }
  if (NUMERIC.has(f.name)) {
    const field = oneArgument(f);
    if (field.type !== 'integer' && field.type !== 'number')
      fail('validation_failed', `${f.spelling}: ${f.name} needs a numeric field, such as tags[duration,number] or severity_number`);
    const name = f.name;
    return {
      spelling: f.spelling,
      type: 'number',
      start: () => {
        let n = 0;
        let sum = 0;
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        return {
          add: (l, p) => {
            const v = field.read(l, p);
            if (typeof v !== 'number') return;
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
          },
          value: () => {
            if (n === 0) return name === 'sum' ? 0 : null;
            return name === 'avg' ? sum / n : name === 'sum' ? sum : name === 'min' ? min : max;
          },
        };
      },
    };
  }
  return fail('validation_failed', `${f.spelling} is not a function of the logs dataset (count, count_unique, avg, sum, min, max)`);
}

function oneArgument(f: FunctionField): LogField {
  const arg = f.args[0];
  if (f.args.length !== 1 || arg === undefined || arg === '') fail('validation_failed', `${f.spelling}: ${f.name} takes one field`);
  return resolveLogField(arg);
}
