import type { Issue } from '../../api/index.js';

/** "TypeError" in bold and the message after it, as people scan for the exception type first. */
export function IssueTitle({ issue }: { issue: Pick<Issue, 'title' | 'metadata'> }) {
  const type = issue.metadata?.type;
  const value = issue.metadata?.value;
  if (type && value !== undefined && issue.title.startsWith(`${type}: `)) {
    return (
      <>
        <span className="issue-type">{type}</span> <span className="issue-value">{issue.title.slice(type.length + 2)}</span>
      </>
    );
  }
  const colon = issue.title.indexOf(': ');
  if (colon > 0 && colon < 60 && /^[\w.$]+$/.test(issue.title.slice(0, colon))) {
    return (
      <>
        <span className="issue-type">{issue.title.slice(0, colon)}</span> <span className="issue-value">{issue.title.slice(colon + 2)}</span>
      </>
    );
  }
  return <span className="issue-type">{issue.title}</span>;
}

export function StatusBadges({ issue }: { issue: Pick<Issue, 'status' | 'substatus' | 'statusDetails'> }) {
  const out = [];
  if (issue.status === 'resolved' || issue.status === 'resolvedInNextRelease')
    out.push(
      <span key="r" className="badge badge-ok">
        {issue.statusDetails?.inNextRelease || issue.status === 'resolvedInNextRelease' ? 'Resolved in next release' : 'Resolved'}
      </span>,
    );
  if (issue.status === 'ignored')
    out.push(
      <span key="i" className="badge">
        Ignored
      </span>,
    );
  if (issue.substatus === 'regressed')
    out.push(
      <span key="g" className="badge badge-warn">
        Regressed
      </span>,
    );
  if (issue.substatus === 'new')
    out.push(
      <span key="n" className="badge badge-new">
        New
      </span>,
    );
  return <>{out}</>;
}
