import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Issue } from '../../api/index.js';
import { Skeleton } from '../../ui/states.js';
import { BulkActions } from './bulk-actions.js';
import { IssueRow } from './issue-row.js';
import type { IssueChange } from './status-changes.js';
import { useListKeys } from './use-list-keys.js';

export const issueHref = (org: string, id: string, search = '') => `/organizations/${org}/issues/${id}/${search}`;

/** The rows with selection, bulk actions and keyboard navigation. */
export function IssueList({
  org,
  issues,
  statsKey,
  onChange,
  pending,
}: {
  org: string;
  issues: readonly Issue[];
  statsKey: string;
  onChange: (ids: string[], change: IssueChange) => void;
  pending: boolean;
}) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState(-1);
  const ids = useMemo(() => issues.map((i) => i.id), [issues]);

  // Selection and focus refer to rows on this page only.
  useEffect(() => {
    setSelected((s) => {
      const kept = new Set([...s].filter((id) => ids.includes(id)));
      return kept.size === s.size ? s : kept;
    });
    setFocused((f) => Math.min(f, ids.length - 1));
  }, [ids]);

  useEffect(() => {
    if (focused < 0) return;
    document.querySelector(`[data-issue-id="${ids[focused]}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focused, ids]);

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  useListKeys({
    count: issues.length,
    focused,
    setFocused,
    open: (i) => {
      const id = ids[i];
      if (id) navigate(issueHref(org, id));
    },
    resolve: (i) => {
      const id = ids[i];
      if (id) onChange([id], { status: 'resolved' });
    },
    toggle: (i) => {
      const id = ids[i];
      if (id) toggle(id);
    },
  });

  const chosen = ids.filter((id) => selected.has(id));
  return (
    <section className="issue-list card" aria-label="Issues">
      <div className="issue-list-head">
        <BulkActions
          org={org}
          count={chosen.length}
          allSelected={chosen.length > 0 && chosen.length === ids.length}
          someSelected={chosen.length > 0}
          onSelectAll={(all) => setSelected(new Set(all ? ids : []))}
          onChange={(change) => onChange(chosen, change)}
          pending={pending}
        />
        <span className="issue-graph col-head" aria-hidden="true">
          Graph
        </span>
        <span className="issue-count col-head" aria-hidden="true">
          Events
        </span>
        <span className="issue-count col-head" aria-hidden="true">
          Users
        </span>
        <span className="issue-assignee col-head" aria-hidden="true">
          Assignee
        </span>
      </div>
      <ul className="issue-rows">
        {issues.map((issue, i) => (
          <IssueRow
            key={issue.id}
            issue={issue}
            href={issueHref(org, issue.id)}
            statsKey={statsKey}
            selected={selected.has(issue.id)}
            focused={i === focused}
            onToggle={toggle}
          />
        ))}
      </ul>
    </section>
  );
}

/** Placeholder rows of the real rows' height while the first page loads. */
export function IssueListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <section className="issue-list card" aria-busy="true" aria-label="Loading issues">
      <div className="issue-list-head" />
      <ul className="issue-rows">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i} className="issue-row">
            <span className="issue-stripe" />
            <span className="issue-check" />
            <div className="issue-main">
              <Skeleton width="55%" height={15} />
              <Skeleton width="35%" height={12} />
              <Skeleton width="45%" height={12} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
