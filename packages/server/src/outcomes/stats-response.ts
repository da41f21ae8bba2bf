import type { StatsGrouping, StatsQuery } from './stats-query.js';
import type { OutcomeRow } from './store/outcomes.js';

export interface StatsGroup {
  by: Partial<Record<StatsGrouping, string | number>>;
  totals: { 'sum(quantity)': number };
  series: { 'sum(quantity)': number[] };
}

export interface StatsResponse {
  start: string;
  end: string;
  intervals: string[];
  groups: StatsGroup[];
}

// Sentry prints whole seconds with a Z: 2026-01-01T00:00:00Z.
function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function groupValue(row: OutcomeRow, g: StatsGrouping): string | number {
  switch (g) {
    case 'outcome':
      return row.outcome;
    case 'category':
      return row.category;
    case 'reason':
      return row.reason === '' ? 'none' : row.reason;
    case 'project':
      return row.projectId;
  }
}

/** Sums hourly counter rows into Sentry's `{start, end, intervals, groups}` shape. */
export function buildStatsResponse(query: StatsQuery, rows: readonly OutcomeRow[]): StatsResponse {
  const count = (query.end - query.start) / query.intervalMs;
  const intervals = Array.from({ length: count }, (_, i) => iso(query.start + i * query.intervalMs));
  const groups = new Map<string, StatsGroup>();
  if (query.groupBy.length === 0) groups.set('', { by: {}, totals: { 'sum(quantity)': 0 }, series: { 'sum(quantity)': new Array<number>(count).fill(0) } });
  for (const row of rows) {
    if (row.hour < query.start || row.hour >= query.end) continue;
    const by: StatsGroup['by'] = {};
    for (const g of query.groupBy) by[g] = groupValue(row, g);
    const key = JSON.stringify(query.groupBy.map((g) => by[g]));
    let group = groups.get(key);
    if (!group) {
      group = { by, totals: { 'sum(quantity)': 0 }, series: { 'sum(quantity)': new Array<number>(count).fill(0) } };
      groups.set(key, group);
    }
    const index = Math.floor((row.hour - query.start) / query.intervalMs);
    group.totals['sum(quantity)'] += row.quantity;
    group.series['sum(quantity)'][index] = (group.series['sum(quantity)'][index] ?? 0) + row.quantity;
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  return { start: iso(query.start), end: iso(query.end), intervals, groups: sorted };
}
