import type { Store } from '../../store/index.js';
import type { MetricCatalogue } from '../rules/metric-rule.js';
import type { Parsed } from '../rules/rule-fields.js';
import type { IssueRowCondition } from '../store/alert-queries.js';

/** One measurement request: the rule's project, environment and query over [start, end). */
export interface MetricInput {
  orgId: number;
  projectId: number;
  environment: string | null;
  query: string;
  start: number;
  end: number;
  comparisonDeltaMs: number | null;
}

/**
 * A metric a rule can watch. Sources are pluggable: later issues add transaction p95
 * latency, failure rate and crash-free rate by registering more of these.
 */
export interface MetricSource {
  readonly key: string;
  /** how messages name it: "Error count" */
  readonly label: string;
  readonly unit: 'events' | 'users' | 'percent' | 'milliseconds' | 'ratio';
  /** rules on this source compare with an earlier window (comparisonDelta) */
  readonly needsBaseline: boolean;
  /** validates (and normalizes) the rule's query for this source */
  checkQuery(query: string): Parsed<string>;
  /** the value over the window, or null when it cannot be measured (absence of data is not recovery) */
  measure(input: MetricInput): Promise<number | null>;
  /**
   * What a message about this metric should add, read when a rule changes state: the release
   * the value is about (default: the project's latest) and a sentence of context (a
   * crash-free rate names the previous release's rate).
   */
  context?(input: MetricInput): Promise<MetricContext>;
}

export interface MetricContext {
  release: string | null;
  note: string | null;
}

/**
 * Compiles an issue search (`is:unresolved level:fatal`) into conditions on issues; built
 * over issues/' search by `alertIssueSearch` and passed in by app.ts, so tests can pass their own.
 */
export interface IssueSearchCompiler {
  check(query: string): Parsed<string>;
  compile(input: { orgId: number; projectId: number; query: string; now: number }): Promise<readonly IssueRowCondition[]>;
}

const noQuery = (query: string): Parsed<string> => (query.trim() === '' ? { ok: true, value: '' } : { ok: false, reason: 'this metric takes no query' });

/** The metrics available from stored error events. Each reads the (project, received_at) index range of its window. */
export function builtinMetricSources(store: Store, issueSearch: IssueSearchCompiler | null): MetricSource[] {
  const q = store.alerts.queries;
  const window = (i: MetricInput) => ({ projectId: i.projectId, start: i.start, end: i.end, environment: i.environment });
  const sources: MetricSource[] = [
    {
      key: 'error_count',
      label: 'Error count',
      unit: 'events',
      needsBaseline: false,
      checkQuery: noQuery,
      measure: (i) => q.countEvents(window(i)),
    },
    {
      key: 'error_rate',
      label: 'Error count change vs. baseline (%)',
      unit: 'percent',
      needsBaseline: true,
      checkQuery: noQuery,
      async measure(i) {
        const delta = i.comparisonDeltaMs;
        if (delta === null) return null;
        const current = await q.countEvents(window(i));
        const baseline = await q.countEvents({ ...window(i), start: i.start - delta, end: i.end - delta });
        // A quiet baseline counts as one event, so a jump from nothing is a large finite change, not infinity.
        return ((current - baseline) / Math.max(baseline, 1)) * 100;
      },
    },
    {
      key: 'users_with_errors',
      label: 'Users with errors',
      unit: 'users',
      needsBaseline: false,
      checkQuery: noQuery,
      measure: (i) => q.countDistinctUsers(window(i)),
    },
  ];
  if (issueSearch) {
    sources.push({
      key: 'issue_search_count',
      label: 'Events matching the issue search',
      unit: 'events',
      needsBaseline: false,
      checkQuery: (query) =>
        query.trim() === '' ? { ok: false, reason: 'an issue search is required, e.g. "is:unresolved level:fatal"' } : issueSearch.check(query),
      async measure(i) {
        const issueConditions = await issueSearch.compile({ orgId: i.orgId, projectId: i.projectId, query: i.query, now: i.end });
        return q.countEvents({ ...window(i), issueConditions });
      },
    });
  }
  return sources;
}

export function metricCatalogue(sources: readonly MetricSource[]): MetricCatalogue & { get(key: string): MetricSource | undefined } {
  const byKey = new Map(sources.map((s) => [s.key, s]));
  return {
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    keys: () => [...byKey.keys()],
    needsBaseline: (key) => byKey.get(key)?.needsBaseline ?? false,
    checkQuery: (key, query) => byKey.get(key)?.checkQuery(query) ?? { ok: false, reason: `unknown metric ${key}` },
  };
}
