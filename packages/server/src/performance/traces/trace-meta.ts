import type { TraceErrorRow } from '../store/event-traces.js';
import type { TraceOccurrence } from './trace-occurrences.js';
import { type TraceSpan, transactionIdOf } from './trace-tree.js';

/**
 * The counts a trace view shows before it loads the tree (Sentry API docs, "Retrieve Trace
 * Metadata"; docs/performance-monitoring.md › Traces). `logs` is 0 here; the routes fill it in
 * from the logs dataset when one is wired (docs/logs.md).
 */
export interface TraceMeta {
  logs: number;
  errors: number;
  performance_issues: number;
  span_count: number;
  transaction_child_count_map: { 'transaction.event_id': string; 'count()': number }[];
  span_count_map: Record<string, number>;
}

export function traceMeta(spans: readonly TraceSpan[], errors: readonly TraceErrorRow[], occurrences: readonly TraceOccurrence[]): TraceMeta {
  const perTransaction = new Map<string, number>();
  // No prototype: an op is client text, and `__proto__` must count like any other op.
  const perOp: Record<string, number> = Object.create(null);
  for (const { span, row } of spans) {
    const id = transactionIdOf(row);
    perTransaction.set(id, (perTransaction.get(id) ?? 0) + 1);
    perOp[span.op] = (perOp[span.op] ?? 0) + 1;
  }
  return {
    logs: 0,
    errors: errors.length,
    performance_issues: occurrences.length,
    span_count: spans.length,
    transaction_child_count_map: [...perTransaction].map(([id, count]) => ({ 'transaction.event_id': id, 'count()': count })),
    span_count_map: perOp,
  };
}
