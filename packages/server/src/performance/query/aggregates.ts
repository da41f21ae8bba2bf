import type { JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import { type DurationCounts, emptyDurationCounts } from '../rollups/duration-counts.js';
import { DEFAULT_APDEX_THRESHOLD_MS } from '../rollups/rollup-deltas.js';
import { type DDSketch, newSketch, quantileOf } from '../rollups/sketch.js';
import type { ParsedField } from './events-request.js';

/**
 * One group's numbers, from rollups or from stored spans alike, and the aggregate functions of
 * Sentry's Discover and Explore (Sentry product docs, "Discover Queries" › "Functions") evaluated
 * on them. Percentiles come from the merged DDSketch: within 1% of the exact value.
 */
export interface Accumulator extends DurationCounts {
  /** span datasets: self times */
  sumSelfMs: number;
  selfTimes: DDSketch;
  /** distinct users, when known for this group */
  users: number | null;
  /** the scan path: users with a duration over 4T (count_miserable) */
  miserableUsers: number | null;
  lastSeenMs: number;
}

export function emptyAccumulator(): Accumulator {
  return { ...emptyDurationCounts(), sumSelfMs: 0, selfTimes: newSketch(), users: null, miserableUsers: null, lastSeenMs: 0 };
}

export interface EvaluationContext {
  readonly windowSeconds: number;
  /** sum of self time of every span the query matched, for time_spent_percentage() */
  readonly totalSelfMs: number;
  readonly dataset: 'transactions' | 'spans';
}

const PERCENTILES: Readonly<Record<string, number>> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99, p100: 1 };
const DURATION_COLUMNS = new Set(['transaction.duration', 'span.duration', 'span.self_time']);
const USER_MISERY_PRIOR = { alpha: 5.8875, beta: 111.8625 };

export type FieldType = 'integer' | 'number' | 'duration' | 'percentage' | 'rate' | 'string' | 'date' | 'boolean';

/** Result type and unit of a function, as `meta.fields` / `meta.units` report them. */
export function functionMeta(field: Extract<ParsedField, { kind: 'function' }>): { type: FieldType; unit: string | null } {
  const { name } = field;
  if (name === 'count' || name === 'count_unique' || name === 'failure_count' || name === 'count_miserable' || name === 'count_if')
    return { type: 'integer', unit: null };
  if (name === 'failure_rate' || name === 'time_spent_percentage' || name === 'http_response_rate') return { type: 'percentage', unit: null };
  if (name === 'count_estimated') return { type: 'number', unit: null };
  if (name === 'epm' || name === 'tpm' || name === 'spm' || name === 'epm_estimated') return { type: 'rate', unit: '1/minute' };
  if (name === 'eps' || name === 'tps' || name === 'sps') return { type: 'rate', unit: '1/second' };
  if (name === 'apdex' || name === 'user_misery') return { type: 'number', unit: null };
  if (name === 'last_seen' || name === 'first_seen') return { type: 'date', unit: null };
  return { type: 'duration', unit: 'millisecond' };
}

/** The column a duration function reads; `p95()` means the dataset's own duration. */
function durationColumn(field: Extract<ParsedField, { kind: 'function' }>, dataset: 'transactions' | 'spans'): string {
  const column = field.args[0] ?? (dataset === 'spans' ? 'span.duration' : 'transaction.duration');
  if (!DURATION_COLUMNS.has(column)) fail('validation_failed', `${field.spelling}: ${column} is not a duration column this dataset can aggregate`);
  if (dataset === 'transactions' && column !== 'transaction.duration')
    fail('validation_failed', `${field.spelling}: use transaction.duration on the transactions dataset`);
  return column;
}

/** Throws a 400 for a function this server cannot compute, before any data is read. */
export function checkFunction(field: Extract<ParsedField, { kind: 'function' }>, dataset: 'transactions' | 'spans'): void {
  const { name, args } = field;
  if (name in PERCENTILES || ['avg', 'sum', 'min', 'max'].includes(name)) {
    durationColumn(field, dataset);
    return;
  }
  if (name === 'percentile') {
    const q = Number(args[1]);
    if (args.length !== 2 || !(q >= 0 && q <= 1)) fail('validation_failed', `${field.spelling}: percentile(column, 0..1)`);
    durationColumn(field, dataset);
    return;
  }
  if (name === 'count_unique') {
    if (args[0] !== 'user') fail('validation_failed', `${field.spelling}: only count_unique(user) is supported on this dataset`);
    return;
  }
  if (['count', 'failure_count', 'failure_rate', 'epm', 'eps', 'tpm', 'tps', 'spm', 'sps', 'last_seen'].includes(name)) return;
  // Faultline's own: throughput before client sampling (docs/performance-monitoring.md › Sampling).
  if ((name === 'count_estimated' || name === 'epm_estimated') && dataset === 'transactions') return;
  if (name === 'apdex' || name === 'user_misery' || name === 'count_miserable') {
    const tArg = name === 'count_miserable' ? args[1] : args[0];
    if (tArg !== undefined && !(Number(tArg) > 0)) fail('validation_failed', `${field.spelling}: the threshold must be a positive number of milliseconds`);
    if (dataset === 'spans' && name !== 'apdex') fail('validation_failed', `${field.spelling} is not available on the spans dataset`);
    return;
  }
  if (name === 'time_spent_percentage' && dataset === 'spans') return;
  fail('validation_failed', `${field.spelling} is not a function this dataset supports`);
}

/** The apdex threshold a function asks for, or the default. */
export function thresholdOf(field: Extract<ParsedField, { kind: 'function' }>): number {
  const t = field.name === 'count_miserable' ? field.args[1] : field.args[0];
  return t === undefined ? DEFAULT_APDEX_THRESHOLD_MS : Number(t);
}

export function evaluate(field: Extract<ParsedField, { kind: 'function' }>, a: Accumulator, ctx: EvaluationContext): JsonValue {
  const { name } = field;
  const perMinute = ctx.windowSeconds > 0 ? a.count / (ctx.windowSeconds / 60) : 0;
  switch (name) {
    case 'count':
      return a.count;
    case 'failure_count':
      return a.failureCount;
    case 'failure_rate':
      return a.count === 0 ? 0 : a.failureCount / a.count;
    case 'epm':
    case 'tpm':
    case 'spm':
      return perMinute;
    case 'eps':
    case 'tps':
    case 'sps':
      return perMinute / 60;
    case 'count_estimated':
      return a.weight;
    case 'epm_estimated':
      return ctx.windowSeconds > 0 ? a.weight / (ctx.windowSeconds / 60) : 0;
    case 'count_unique':
      return a.users ?? 0;
    case 'apdex':
      return a.count === 0 ? 0 : (a.satisfied + a.tolerated / 2) / a.count;
    case 'count_miserable':
      return a.miserableUsers ?? 0;
    case 'user_misery':
      return ((a.miserableUsers ?? 0) + USER_MISERY_PRIOR.alpha) / ((a.users ?? 0) + USER_MISERY_PRIOR.alpha + USER_MISERY_PRIOR.beta);
    case 'time_spent_percentage':
      return ctx.totalSelfMs === 0 ? 0 : a.sumSelfMs / ctx.totalSelfMs;
    case 'last_seen':
      return a.lastSeenMs === 0 ? null : new Date(a.lastSeenMs).toISOString().replace('Z', '+00:00');
    default:
      break;
  }
  const selfTime = durationColumn(field, ctx.dataset) === 'span.self_time';
  const sketch = selfTime ? a.selfTimes : a.durations;
  if (a.count === 0) return null;
  if (name === 'avg') return (selfTime ? a.sumSelfMs : a.sumMs) / a.count;
  if (name === 'sum') return selfTime ? a.sumSelfMs : a.sumMs;
  if (name === 'min') return selfTime ? quantileOf(sketch, 0) : a.minMs;
  if (name === 'max') return selfTime ? quantileOf(sketch, 1) : a.maxMs;
  if (name === 'percentile') return quantileOf(sketch, Number(field.args[1]));
  const q = PERCENTILES[name];
  if (q !== undefined) return q === 1 && !selfTime ? a.maxMs : quantileOf(sketch, q);
  return null;
}
