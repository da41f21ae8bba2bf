import type { TraceNode, TraceSpanNode } from '../../../api/index.js';

/**
 * A trace in the shape of the trace endpoint (Sentry API docs, "Retrieve a Trace"): a request
 * span with a middleware and a database child, the database span holding an error, and one
 * error whose span is not in the trace.
 */
export function span(id: string, start: number, end: number, patch: Partial<TraceSpanNode> = {}): TraceSpanNode {
  return {
    event_type: 'span',
    event_id: id,
    transaction_id: 'a'.repeat(32),
    project_id: 2,
    project_slug: 'shop',
    parent_span_id: null,
    start_timestamp: start,
    end_timestamp: end,
    duration: (end - start) * 1000,
    transaction: 'GET /users/:id',
    is_transaction: false,
    op: 'function',
    description: id,
    errors: [],
    occurrences: [],
    children: [],
    ...patch,
  };
}

export const T0 = 1795275046;

export function sampleTrace(): TraceNode[] {
  const db = span('db0000000000000b', T0 + 0.002, T0 + 0.007, {
    op: 'db.query',
    description: 'SELECT * FROM users WHERE id = $1',
    exclusive_time: 5,
    errors: [
      { event_type: 'error', event_id: 'e'.repeat(32), issue_id: 42, short_id: 'SHOP-1A', description: 'Error: user lookup failed for 17', level: 'error' },
    ],
  });
  const mw = span('mw0000000000000c', T0 + 0.0005, T0 + 0.001, { op: 'middleware', description: 'query' });
  const root = span('root00000000000a', T0, T0 + 0.01, {
    op: 'http.server',
    description: 'GET /users/:id',
    is_transaction: true,
    children: [mw, db],
  });
  return [root, { event_type: 'error', event_id: 'f'.repeat(32), issue_id: 43, short_id: 'SHOP-1B', description: 'TypeError: elsewhere', level: 'warning' }];
}
