import { memo, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Tabs } from '../../ui/tabs.js';
import { currentIndex, formatOffset, type ReplayItem } from './replay-frames.js';

export type SideListKey = 'breadcrumbs' | 'console' | 'network' | 'errors';

export interface SideLists {
  readonly breadcrumbs: readonly ReplayItem[];
  readonly console: readonly ReplayItem[];
  readonly network: readonly ReplayItem[];
  readonly errors: readonly ReplayItem[];
}

const LABELS: Record<SideListKey, string> = { breadcrumbs: 'Breadcrumbs', console: 'Console', network: 'Network', errors: 'Errors' };
const EMPTY: Record<SideListKey, string> = {
  breadcrumbs: 'No breadcrumbs were recorded.',
  console: 'No console messages were recorded.',
  network: 'No fetch or XHR requests were recorded.',
  errors: 'No errors in this replay.',
};

/** One item; re-rendered only when it becomes or stops being the current one (the player reports its time ten times a second). */
const ItemRow = memo(function ItemRow({ org, item, current, onSeek }: { org: string; item: ReplayItem; current: boolean; onSeek: (ms: number) => void }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  // Everything here came from the recorded page: plain text only.
  return (
    <li ref={ref} className="replay-item" data-kind={item.kind} data-level={item.level} aria-current={current ? 'true' : undefined}>
      <button type="button" className="replay-item-seek" onClick={() => onSeek(item.offsetMs)} title={`Jump to ${formatOffset(item.offsetMs)}`}>
        <span className="replay-item-time mono">{formatOffset(item.offsetMs)}</span>
        <span className="replay-item-body">
          <span className="replay-item-title">{item.title}</span>
          <span className="replay-item-meta">
            {item.kind === 'breadcrumb' || item.kind === 'console' ? item.category : null}
            {item.detail && <span className="replay-item-detail">{item.detail}</span>}
          </span>
        </span>
      </button>
      {item.kind === 'error' && item.issueId && item.eventId && (
        <Link className="replay-item-link" to={`/organizations/${org}/issues/${item.issueId}/events/${item.eventId}/`}>
          Open issue
        </Link>
      )}
    </li>
  );
});

/**
 * What happened during the replay, one tab per kind, each list in time order: the item playing
 * now is highlighted and scrolled into view, and clicking any item moves the player to it.
 */
export function ReplaySidePanel({
  org,
  lists,
  timeMs,
  onSeek,
  initial = 'breadcrumbs',
}: {
  org: string;
  lists: SideLists;
  timeMs: number;
  onSeek: (ms: number) => void;
  initial?: SideListKey;
}) {
  const [tab, setTab] = useState<SideListKey>(initial);
  const items = lists[tab];
  const current = currentIndex(items, timeMs);
  const keys: SideListKey[] = ['breadcrumbs', 'console', 'network', 'errors'];
  return (
    <section className="replay-side card" aria-label="Replay timeline">
      <Tabs label="Replay timeline" items={keys.map((k) => ({ key: k, label: LABELS[k], count: lists[k].length }))} selected={tab} onSelect={setTab} />
      {items.length === 0 ? (
        <p className="muted replay-side-empty">{EMPTY[tab]}</p>
      ) : (
        <ol className="replay-items" aria-label={LABELS[tab]}>
          {items.map((item, i) => (
            <ItemRow key={item.key} org={org} item={item} current={i === current} onSeek={onSeek} />
          ))}
        </ol>
      )}
    </section>
  );
}
