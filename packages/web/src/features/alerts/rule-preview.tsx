import { Link } from 'react-router';
import { LevelBadge } from '../../ui/level-badge.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState } from '../../ui/states.js';
import { PreviewFrame } from './preview-frame.js';
import type { RulePreview } from './use-rule-preview.js';

/** The live preview beside the issue rule editor: what the rule would have sent over the last days. */
export function RulePreviewPanel({ org, preview }: { org: string; preview: RulePreview }) {
  return (
    <PreviewFrame titleId="preview-title" preview={preview} loadingLabel="Replaying recent events…">
      {(data) => (
        <>
          <p className="rule-preview-summary" aria-live="polite">
            Over the last {data.window.days} days this rule would have notified{' '}
            <strong>
              {data.firings} {data.firings === 1 ? 'time' : 'times'}
            </strong>{' '}
            about{' '}
            <strong>
              {data.issueCount} {data.issueCount === 1 ? 'issue' : 'issues'}
            </strong>
            .
          </p>
          <p className="field-hint">
            {data.eventsExamined} recent {data.eventsExamined === 1 ? 'event' : 'events'} replayed
            {data.truncated ? ' (the newest only: the project had more)' : ''}.
          </p>
          {data.issues.length === 0 ? (
            <EmptyState title="No recent issue would have fired this rule" />
          ) : (
            <ul className="rule-preview-list">
              {data.issues.map((i) => (
                <li key={i.id}>
                  <div className="rule-preview-issue">
                    <LevelBadge level={i.level} compact />
                    <Link to={`/organizations/${org}/issues/${i.id}/`}>{i.title}</Link>
                  </div>
                  <div className="field-hint">
                    {i.shortId} · {i.firings} {i.firings === 1 ? 'notification' : 'notifications'}
                    {i.lastFired && (
                      <>
                        , last <RelativeTime value={i.lastFired} />
                      </>
                    )}
                    {i.reasons[0] ? ` · ${i.reasons[0]}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </PreviewFrame>
  );
}
