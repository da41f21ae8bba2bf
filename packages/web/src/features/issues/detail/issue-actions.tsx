import type { Issue } from '../../../api/index.js';
import { Menu, MenuItem } from '../../../ui/menu.js';
import { AssignMenu } from '../assign-menu.js';
import { IgnoreMenu } from '../ignore-menu.js';
import type { IssueChange } from '../status-changes.js';

/** Resolve (now or in the next release), ignore, reopen and assign one issue. */
export function IssueActions({ org, issue, onChange, pending }: { org: string; issue: Issue; onChange: (c: IssueChange) => void; pending: boolean }) {
  const resolved = issue.status === 'resolved' || issue.status === 'resolvedInNextRelease';
  const ignored = issue.status === 'ignored';
  return (
    <div className="issue-actions" role="toolbar" aria-label="Issue actions">
      {resolved || ignored ? (
        <button type="button" className="btn" disabled={pending} onClick={() => onChange({ status: 'unresolved' })}>
          {resolved ? 'Unresolve' : 'Stop ignoring'}
        </button>
      ) : (
        <div className="btn-group">
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onChange({ status: 'resolved' })}>
            Resolve
          </button>
          <Menu label="" buttonLabel="More ways to resolve" className="btn btn-primary" disabled={pending}>
            {(close) => (
              <>
                <MenuItem
                  onSelect={() => {
                    close();
                    onChange({ status: 'resolved' });
                  }}
                >
                  Resolve now
                </MenuItem>
                <MenuItem
                  onSelect={() => {
                    close();
                    onChange({ status: 'resolvedInNextRelease' });
                  }}
                >
                  Resolve in the next release
                </MenuItem>
              </>
            )}
          </Menu>
        </div>
      )}
      {!ignored && <IgnoreMenu disabled={pending} onIgnore={(statusDetails) => onChange({ status: 'ignored', statusDetails })} />}
      <AssignMenu
        org={org}
        disabled={pending}
        label={issue.assignedTo ? `${issue.assignedTo.type === 'team' ? '#' : ''}${issue.assignedTo.name}` : 'Unassigned'}
        onAssign={(assignedTo) => onChange({ assignedTo })}
      />
    </div>
  );
}
