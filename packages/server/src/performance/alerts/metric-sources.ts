import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { type ColumnCondition, likePattern, readTransactionAggregates, type TransactionColumn } from '../query/read-rollups.js';
import { parseSearchFilters } from '../query/search-filters.js';
import { quantileOf } from '../rollups/sketch.js';

/**
 * Metric alerts on performance data (docs/alerts.md › Performance metrics): latency
 * percentiles, failure rate, the share of 5xx answers, throughput and apdex of transactions,
 * over a query such as `transaction:"GET /checkout" http.method:POST`, read from the
 * per-minute rollups. The shape is alert/'s MetricSource; app.ts registers these with alerting.
 */
export interface PerformanceMetricSource {
  readonly key: string;
  readonly label: string;
  readonly unit: 'events' | 'percent' | 'milliseconds' | 'ratio';
  readonly needsBaseline: false;
  checkQuery(query: string): { ok: true; value: string } | { ok: false; reason: string };
  measure(input: { projectId: number; environment: string | null; query: string; start: number; end: number }): Promise<number | null>;
}

/** Query keys a rule may filter on: the rollups' key columns. */
const RULE_COLUMNS: Readonly<Record<string, TransactionColumn>> = {
  transaction: 'name',
  'transaction.op': 'op',
  'transaction.status': 'status',
  'http.method': 'http_method',
  release: 'release',
  environment: 'environment',
};

/** `http.status_code:5xx` (or `5*`) filters by status class, the granularity rollups keep. */
const STATUS_CLASS = /^([1-5])(?:xx|\*)$/;

function conditionsOf(query: string, environment: string | null): ColumnCondition<TransactionColumn>[] {
  const out: ColumnCondition<TransactionColumn>[] = [];
  for (const f of parseSearchFilters(query)) {
    if (f.key === 'event.type') continue;
    if (f.key === 'http.status_code') {
      const classes = f.values.map((v) => STATUS_CLASS.exec(v)?.[1]);
      if (f.op !== 'eq' || classes.some((c) => c === undefined)) throw new Error('http.status_code takes a class such as 5xx');
      out.push({ column: 'status_class', op: f.negated ? 'not in' : 'in', values: classes.map((c) => `${c}xx`) });
      continue;
    }
    const column = RULE_COLUMNS[f.key];
    if (column === undefined || f.op !== 'eq')
      throw new Error(`${f.key} cannot filter a performance alert; use ${[...Object.keys(RULE_COLUMNS), 'http.status_code'].join(', ')}`);
    const wild = f.values.some((v) => v.includes('*'));
    out.push({ column, op: wild ? (f.negated ? 'not like' : 'like') : f.negated ? 'not in' : 'in', values: wild ? f.values.map(likePattern) : f.values });
  }
  if (environment !== null) out.push({ column: 'environment', op: 'in', values: [environment] });
  return out;
}

export function performanceMetricSources(db: Kysely<Database>): PerformanceMetricSource[] {
  const checkQuery = (query: string): { ok: true; value: string } | { ok: false; reason: string } => {
    try {
      conditionsOf(query, null);
      return { ok: true, value: query.trim() };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
  async function read(input: { projectId: number; environment: string | null; query: string; start: number; end: number }, groupBy: TransactionColumn[] = []) {
    const window = { projectIds: [input.projectId], start: Math.floor(input.start / 1000), end: Math.ceil(input.end / 1000) };
    return readTransactionAggregates(db, window, conditionsOf(input.query, input.environment), groupBy);
  }
  const percentile = (key: string, label: string, q: number): PerformanceMetricSource => ({
    key,
    label,
    unit: 'milliseconds',
    needsBaseline: false,
    checkQuery,
    async measure(input) {
      const [all] = await read(input);
      return all === undefined ? null : quantileOf(all.durations, q);
    },
  });
  return [
    percentile('transaction_duration_p50', 'Transaction duration p50', 0.5),
    percentile('transaction_duration_p75', 'Transaction duration p75', 0.75),
    percentile('transaction_duration_p95', 'Transaction duration p95', 0.95),
    percentile('transaction_duration_p99', 'Transaction duration p99', 0.99),
    {
      key: 'transaction_duration_avg',
      label: 'Average transaction duration',
      unit: 'milliseconds',
      needsBaseline: false,
      checkQuery,
      async measure(input) {
        const [all] = await read(input);
        return all === undefined || all.count === 0 ? null : all.sumMs / all.count;
      },
    },
    {
      key: 'transaction_failure_rate',
      label: 'Failure rate of transactions (%)',
      unit: 'percent',
      needsBaseline: false,
      checkQuery,
      async measure(input) {
        // failure_rate(): statuses other than ok, cancelled and unknown (Sentry API reference, Discover functions).
        const [all] = await read(input);
        return all === undefined || all.count === 0 ? null : (all.failureCount / all.count) * 100;
      },
    },
    {
      key: 'transaction_5xx_rate',
      label: 'Share of transactions answered 5xx (%)',
      unit: 'percent',
      needsBaseline: false,
      checkQuery,
      async measure(input) {
        const groups = await read(input, ['status_class']);
        const total = groups.reduce((n, g) => n + g.count, 0);
        const fives = groups.filter((g) => g.key.status_class === '5xx').reduce((n, g) => n + g.count, 0);
        return total === 0 ? null : (fives / total) * 100;
      },
    },
    {
      key: 'transaction_count',
      label: 'Transactions',
      unit: 'events',
      needsBaseline: false,
      checkQuery,
      async measure(input) {
        const [all] = await read(input);
        return all?.count ?? 0;
      },
    },
    {
      key: 'transaction_apdex',
      label: 'Apdex (300 ms)',
      unit: 'ratio',
      needsBaseline: false,
      checkQuery,
      async measure(input) {
        const [all] = await read(input);
        return all === undefined || all.count === 0 ? null : (all.satisfied + all.tolerated / 2) / all.count;
      },
    },
  ];
}
