import { Link } from 'react-router';
import type { Project } from '../../../api/index.js';
import { PerformanceFilterBar } from '../performance-filters.js';
import { usePerformanceFilters } from '../use-performance-filters.js';
import { DominantSpans } from './dominant-spans.js';
import { DurationPercentiles } from './duration-percentiles.js';
import { P95Chart } from './p95-chart.js';
import { SlowestTraces } from './slowest-traces.js';

/** One route: its durations, its p95 over time, its slowest transactions and the spans its time goes to. */
export function TransactionSummary({ org, project, transaction }: { org: string; project: Project; transaction: string }) {
  const { filters, update } = usePerformanceFilters(project.id);
  const back = new URLSearchParams({ project: project.id, statsPeriod: filters.period });
  if (filters.environment) back.set('environment', filters.environment);
  if (filters.release) back.set('release', filters.release);
  return (
    <div className="transaction-summary">
      <p className="perf-crumbs">
        <Link to={`/organizations/${org}/performance/?${back}`}>Performance</Link> <span aria-hidden="true">›</span>{' '}
        <span className="muted">Transaction summary</span>
      </p>
      <div className="page-header">
        <h1 className="perf-title">{transaction}</h1>
        <span className="spacer" />
        <PerformanceFilterBar org={org} filters={filters} update={update} />
      </div>
      <div className="perf-summary-grid">
        <DurationPercentiles org={org} filters={filters} transaction={transaction} />
        <P95Chart org={org} filters={filters} transaction={transaction} />
      </div>
      <SlowestTraces org={org} filters={filters} transaction={transaction} />
      <DominantSpans org={org} filters={filters} transaction={transaction} />
    </div>
  );
}
