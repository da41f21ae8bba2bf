import { Link } from 'react-router';
import type { EventsRow } from '../../api/index.js';
import { durationChange, formatDuration, formatPercent, formatRate, numberOf } from './format.js';
import { TRANSACTION_FIELDS as F, type PerformanceFilters, summaryHref } from './performance-query.js';

interface Column {
  readonly label: string;
  /** the field the server sorts by; none for what the page computes */
  readonly field?: string;
  readonly title?: string;
}

const COLUMNS: readonly Column[] = [
  { label: 'Transaction', field: F.name },
  { label: 'p50', field: F.p50, title: 'Median duration' },
  { label: 'p95', field: F.p95, title: '95th percentile duration' },
  { label: 'p95 change', title: 'p95 against the previous window of equal length' },
  { label: 'Throughput', field: F.tpm, title: 'Transactions per minute: as received, and estimated before client sampling when the server gives it' },
  { label: 'Failure rate', field: F.failureRate, title: 'Share of transactions whose status is not ok, cancelled or unknown' },
  { label: 'Users', field: F.users, title: 'Distinct users' },
  { label: 'Count', field: F.count, title: 'Transactions received' },
];

export interface SortState {
  readonly field: string;
  readonly descending: boolean;
}

function SortHeader({ column, sort, onSort }: { column: Column; sort: SortState; onSort: (s: SortState) => void }) {
  const { field } = column;
  const numeric = column.field !== F.name;
  if (!field)
    return (
      <th scope="col" className="num-col" title={column.title}>
        {column.label}
      </th>
    );
  const active = sort.field === field;
  // A new column starts with the largest first (slowest, busiest); the name column with A first.
  const next: SortState = active ? { field, descending: !sort.descending } : { field, descending: numeric };
  return (
    <th
      scope="col"
      className={numeric ? 'num-col' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      title={column.title}
    >
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );
}

function ChangeCell({ current, previous, loaded }: { current: number | null; previous: number | null; loaded: boolean }) {
  if (!loaded) return <td className="num-col faint">…</td>;
  const change = durationChange(current, previous);
  return (
    <td
      className={`num-col change-${change.direction}`}
      title={previous === null ? 'No transactions in the previous window' : `Previous window: ${formatDuration(previous)}`}
    >
      {change.text}
    </td>
  );
}

/** What arrived, and (when the server estimates it) how many there were before the SDK sampled. */
function ThroughputCell({ received, estimated }: { received: number | null; estimated: number | null }) {
  return (
    <td className="num-col throughput-cell">
      <span>
        {formatRate(received)} <span className="muted">received</span>
      </span>
      {estimated !== null && (
        <span className="faint" title="Each transaction counted as 1 / its sample rate">
          ≈ {formatRate(estimated)} before sampling
        </span>
      )}
    </td>
  );
}

/**
 * One row per route of the project: latency, throughput, failures and users in the window, and
 * how its p95 moved against the previous window. `previous` maps route → previous p95 (undefined
 * while it loads; a missing route had no transactions then).
 */
export function TransactionsTable({
  org,
  filters,
  rows,
  previous,
  sort,
  onSort,
}: {
  org: string;
  filters: PerformanceFilters;
  rows: readonly EventsRow[];
  previous: ReadonlyMap<string, number | null> | undefined;
  sort: SortState;
  onSort: (s: SortState) => void;
}) {
  return (
    <table className="table perf-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.label} column={c} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = String(r[F.name] ?? '');
          const p95 = numberOf(r[F.p95]);
          return (
            <tr key={name} data-transaction={name}>
              <th scope="row" className="perf-name">
                <Link to={summaryHref(org, filters, name)}>{name || '(no name)'}</Link>
              </th>
              <td className="num-col">{formatDuration(numberOf(r[F.p50]))}</td>
              <td className="num-col">{formatDuration(p95)}</td>
              <ChangeCell current={p95} previous={previous?.get(name) ?? null} loaded={previous !== undefined} />
              <ThroughputCell received={numberOf(r[F.tpm])} estimated={numberOf(r[F.tpmEstimated])} />
              <td className="num-col">{formatPercent(numberOf(r[F.failureRate]))}</td>
              <td className="num-col">{numberOf(r[F.users]) ?? '—'}</td>
              <td className="num-col">{numberOf(r[F.count]) ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
