import type { Activity } from '../../../api/index.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { ReleaseLink } from '../../releases/version-label.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One history entry in words: "Regressed in shop@1.1.0", "Resolved by jane@example.com". */
export function describeActivity(a: Activity): string {
  const by = a.user ? ` by ${a.user.name || a.user.email}` : '';
  const release = str(a.data.release) ?? str(a.data.version);
  switch (a.type) {
    case 'first_seen':
      return 'First seen';
    case 'set_regression':
      return release ? `Regressed in ${release}` : 'Regressed';
    case 'set_resolved':
      return `Resolved${by}`;
    case 'set_resolved_in_release':
      return release ? `Resolved in ${release}${by}` : `Resolved in the next release${by}`;
    case 'set_unresolved':
      return `Reopened${by}`;
    case 'set_ignored':
      return `Ignored${by}`;
    case 'set_escalating':
      return 'Came back after being ignored';
    case 'assigned':
      return `Assigned${str(a.data.assigneeEmail) ? ` to ${a.data.assigneeEmail}` : ''}${by}`;
    case 'unassigned':
      return `Unassigned${by}`;
    case 'merge':
      return `Merged${by}`;
    case 'note':
      // Notes come from the API (and assistants through the MCP server); React renders them as text.
      return `Note${by}: ${str(a.data.text) ?? ''}`;
    default:
      return a.type.replace(/_/g, ' ');
  }
}

/** The entry's words with the release it names (regressed in, resolved in) linked to the release page. */
function ActivityText({ activity, org }: { activity: Activity; org: string | undefined }) {
  const text = describeActivity(activity);
  const release = str(activity.data.release) ?? str(activity.data.version);
  const at = release && org ? text.indexOf(release) : -1;
  if (!release || !org || at < 0) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, at)}
      <ReleaseLink org={org} version={release} />
      {text.slice(at + release.length)}
    </span>
  );
}

/** The issue's history, newest first: when it regressed and in which release, who resolved it. */
export function IssueActivity({ activity, org }: { activity: readonly Activity[]; org?: string }) {
  if (activity.length === 0) return null;
  return (
    <section className="sidebar-section" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <ol className="activity">
        {activity.slice(0, 12).map((a) => (
          <li key={a.id}>
            <ActivityText activity={a} org={org} />
            <RelativeTime value={a.dateCreated} className="faint" />
          </li>
        ))}
      </ol>
    </section>
  );
}
