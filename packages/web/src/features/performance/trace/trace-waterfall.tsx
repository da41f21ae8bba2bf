import type { TraceSpanNode } from '../../../api/index.js';
import { formatDuration } from '../format.js';
import { barOf, type Trace, visibleRows } from './trace-model.js';

function spanLabel(node: TraceSpanNode): string {
  return node.description || node.name || node.transaction || node.event_id;
}

/**
 * The trace's spans as a tree (left) beside bars on one timeline (right). A span with children
 * folds; a click selects it for the details panel; a span that holds an error is marked.
 */
export function TraceWaterfall({
  trace,
  collapsed,
  selected,
  onToggle,
  onSelect,
}: {
  trace: Trace;
  collapsed: ReadonlySet<string>;
  selected: string | null;
  onToggle: (spanId: string) => void;
  onSelect: (spanId: string) => void;
}) {
  const rows = visibleRows(trace.roots, collapsed);
  const total = (trace.end - trace.start) * 1000;
  return (
    <div className="waterfall">
      <div className="waterfall-head" aria-hidden="true">
        <span>Span</span>
        <span className="waterfall-scale">
          <span>0 ms</span>
          <span>{formatDuration(total / 2)}</span>
          <span>{formatDuration(total)}</span>
        </span>
      </div>
      <ul className="waterfall-rows" aria-label="Spans of the trace">
        {rows.map(({ node, depth, hasChildren, collapsed: isCollapsed }) => {
          const bar = barOf(node, trace);
          const errors = node.errors?.length ?? 0;
          const problems = node.occurrences?.length ?? 0;
          const isSelected = node.event_id === selected;
          return (
            <li
              key={node.event_id}
              aria-current={isSelected ? 'true' : undefined}
              data-depth={depth}
              className={`waterfall-row${isSelected ? ' is-selected' : ''}${errors > 0 ? ' has-error' : ''}${problems > 0 ? ' has-problem' : ''}`}
              data-span-id={node.event_id}
            >
              <div className="waterfall-label" style={{ paddingLeft: `${depth * 16 + 4}px` }}>
                {hasChildren ? (
                  <button
                    type="button"
                    className="waterfall-toggle"
                    aria-expanded={!isCollapsed}
                    aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${spanLabel(node)}`}
                    onClick={() => onToggle(node.event_id)}
                  >
                    {isCollapsed ? '▸' : '▾'}
                    {isCollapsed && <span className="waterfall-hidden">{node.children.length}</span>}
                  </button>
                ) : (
                  <span className="waterfall-toggle-space" aria-hidden="true" />
                )}
                <button type="button" className="waterfall-name" onClick={() => onSelect(node.event_id)} title={spanLabel(node)}>
                  <code className="waterfall-op">{node.op || 'default'}</code> <span>{spanLabel(node)}</span>
                </button>
                {errors > 0 && (
                  <span className="badge waterfall-error" title={`${errors} ${errors === 1 ? 'error' : 'errors'} in this span`}>
                    {errors} {errors === 1 ? 'error' : 'errors'}
                  </span>
                )}
                {problems > 0 && (
                  <span className="badge waterfall-problem" title={(node.occurrences ?? []).map((o) => o.description).join(', ')}>
                    {(node.occurrences ?? [])[0]?.description}
                  </span>
                )}
              </div>
              <div className="waterfall-track">
                <button
                  type="button"
                  className={`waterfall-bar${node.is_transaction ? ' is-transaction' : ''}`}
                  style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                  onClick={() => onSelect(node.event_id)}
                  aria-label={`${node.op || 'default'} ${spanLabel(node)}: ${formatDuration(node.duration)}`}
                  tabIndex={-1}
                />
                <span className="waterfall-duration" style={{ left: `min(calc(${bar.left + bar.width}% + 4px), calc(100% - 64px))` }}>
                  {formatDuration(node.duration)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
