import type { TraceError, TraceNode, TraceSpanNode } from '../../../api/index.js';

/**
 * The trace endpoint's answer (Sentry API docs, "Retrieve a Trace") made ready for a waterfall:
 * span trees apart from the errors no span holds, the time bounds of the whole trace, and the
 * rows a tree shows with some spans collapsed.
 */
export function isSpanNode(node: TraceNode): node is TraceSpanNode {
  return Array.isArray((node as TraceSpanNode).children) && typeof (node as TraceSpanNode).start_timestamp === 'number';
}

export interface Trace {
  readonly roots: readonly TraceSpanNode[];
  readonly orphanErrors: readonly TraceError[];
  /** epoch seconds */
  readonly start: number;
  readonly end: number;
  readonly spanCount: number;
  readonly errorCount: number;
}

function walk(nodes: readonly TraceSpanNode[], visit: (n: TraceSpanNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

export function traceOf(nodes: readonly TraceNode[]): Trace {
  const roots = nodes.filter(isSpanNode);
  const orphanErrors = nodes.filter((n): n is TraceError => !isSpanNode(n) && n.event_type === 'error');
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let spanCount = 0;
  let errorCount = orphanErrors.length;
  walk(roots, (n) => {
    spanCount++;
    errorCount += n.errors?.length ?? 0;
    start = Math.min(start, n.start_timestamp);
    end = Math.max(end, n.end_timestamp);
  });
  if (spanCount === 0) return { roots, orphanErrors, start: 0, end: 0, spanCount, errorCount };
  return { roots, orphanErrors, start, end, spanCount, errorCount };
}

export interface WaterfallRow {
  readonly node: TraceSpanNode;
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly collapsed: boolean;
}

/** The rows shown, depth first, skipping the descendants of collapsed spans. */
export function visibleRows(roots: readonly TraceSpanNode[], collapsed: ReadonlySet<string>): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  const add = (n: TraceSpanNode, depth: number) => {
    const isCollapsed = collapsed.has(n.event_id);
    rows.push({ node: n, depth, hasChildren: n.children.length > 0, collapsed: isCollapsed });
    if (!isCollapsed) for (const c of n.children) add(c, depth + 1);
  };
  for (const r of roots) add(r, 0);
  return rows;
}

/** A span's bar as percentages of the trace's duration; at least a sliver so instant spans stay visible. */
export function barOf(node: TraceSpanNode, trace: Pick<Trace, 'start' | 'end'>): { left: number; width: number } {
  const total = trace.end - trace.start;
  if (total <= 0) return { left: 0, width: 100 };
  const left = ((node.start_timestamp - trace.start) / total) * 100;
  const width = ((node.end_timestamp - node.start_timestamp) / total) * 100;
  return { left: Math.max(0, Math.min(100, left)), width: Math.max(0.2, Math.min(100 - left, width)) };
}

/** The node with this span id anywhere in the trees. */
export function findSpan(roots: readonly TraceSpanNode[], spanId: string): TraceSpanNode | undefined {
  let found: TraceSpanNode | undefined;
  walk(roots, (n) => {
    if (found === undefined && n.event_id === spanId) found = n;
  });
  return found;
}

/** Every span that holds an error, so the tree can open the way to them. */
export function spansWithErrors(roots: readonly TraceSpanNode[]): TraceSpanNode[] {
  const out: TraceSpanNode[] = [];
  walk(roots, (n) => {
    if ((n.errors?.length ?? 0) > 0) out.push(n);
  });
  return out;
}
