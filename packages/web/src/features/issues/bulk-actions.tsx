import { useState } from 'react';
import { AssignMenu } from './assign-menu.js';
import { IgnoreMenu } from './ignore-menu.js';
import type { IssueChange } from './status-changes.js';

/**
 * The action bar above the list. Always rendered (disabled until something is selected) so
 * selecting a row never moves the list.
 */
export function BulkActions({
  org,
  count,
  allSelected,
  someSelected,
  onSelectAll,
  onChange,
  pending,
}: {
  org: string;
  count: number;
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (all: boolean) => void;
  onChange: (change: IssueChange) => void;
  pending: boolean;
}) {
  const [confirmMerge, setConfirmMerge] = useState(false);
  const none = count === 0 || pending;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Actions on selected issues">
      <span className="issue-check">
        <input
          type="checkbox"
          aria-label={allSelected ? 'Deselect all issues on this page' : 'Select all issues on this page'}
          checked={allSelected}
          ref={(el) => {
            if (el) el.indeterminate = someSelected && !allSelected;
          }}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
      </span>
      <div className="btn-group">
        <button type="button" className="btn btn-small" disabled={none} onClick={() => onChange({ status: 'resolved' })}>
          Resolve
        </button>
        <button type="button" className="btn btn-small" disabled={none} onClick={() => onChange({ status: 'resolvedInNextRelease' })}>
          Resolve in next release
        </button>
      </div>
      <IgnoreMenu small disabled={none} onIgnore={(statusDetails) => onChange({ status: 'ignored', statusDetails })} />
      <button type="button" className="btn btn-small" disabled={none} onClick={() => onChange({ status: 'unresolved' })}>
        Unresolve
      </button>
      <AssignMenu small org={org} disabled={none} onAssign={(assignedTo) => onChange({ assignedTo })} />
      {confirmMerge ? (
        <span className="merge-confirm">
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={count < 2 || pending}
            onClick={() => {
              setConfirmMerge(false);
              onChange({ merge: 1 });
            }}
          >
            Merge {count} issues
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirmMerge(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-small" disabled={count < 2 || pending} onClick={() => setConfirmMerge(true)} title="Select two or more">
          Merge…
        </button>
      )}
      <span className="bulk-count muted" aria-live="polite">
        {count > 0 ? `${count} selected` : ''}
      </span>
    </div>
  );
}
