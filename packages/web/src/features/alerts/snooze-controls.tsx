import { useAction, useApi } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { InlineError } from '../../ui/states.js';
import type { IssueRuleJson } from './alert-types.js';

/** Mute (until woken), snooze for a while, or wake an issue rule: `…/rules/{id}/snooze/`. */
export function SnoozeControls({ org, project, rule, onChange }: { org: string; project: string; rule: IssueRuleJson; onChange: (r: IssueRuleJson) => void }) {
  const client = useApi();
  const path = `projects/${org}/${project}/rules/${rule.id}/snooze/`;
  const action = useAction(async (method: 'POST' | 'DELETE', body?: Record<string, unknown>) => {
    const res = await client.request<IssueRuleJson>(path, { method, ...(body ? { body } : {}) });
    onChange(res.data);
    return res.data;
  });
  return (
    <fieldset className="snooze">
      <legend className="sr-only">Mute or snooze</legend>
      {rule.snoozed ? (
        <>
          <span className="badge badge-muted">
            {rule.snoozeUntil ? (
              <>
                Snoozed until <RelativeTime value={rule.snoozeUntil} />
              </>
            ) : (
              'Muted'
            )}
          </span>
          <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => action.run('DELETE')}>
            Wake up
          </button>
        </>
      ) : (
        <>
          <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => action.run('POST', {})}>
            Mute
          </button>
          <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => action.run('POST', { minutes: 60 })}>
            Snooze 1 hour
          </button>
          <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => action.run('POST', { minutes: 1440 })}>
            Snooze 1 day
          </button>
        </>
      )}
      <InlineError error={action.error} />
    </fieldset>
  );
}
