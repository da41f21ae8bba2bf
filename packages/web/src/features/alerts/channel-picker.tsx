import { Link } from 'react-router';
import { useResource } from '../../api/index.js';
import { ErrorState, Loading } from '../../ui/states.js';
import type { ChannelJson } from './alert-types.js';
import { channelTypeInfo } from './channel-form.js';
import { FieldMessage } from './field-message.js';

/** The rule's actions: which of the organization's notification channels it sends to. */
export function ChannelPicker({
  org,
  selected,
  onChange,
  error,
}: {
  org: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const channels = useResource<ChannelJson[]>(`organizations/${org}/notification-channels/`);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="rule-fieldset" aria-describedby={error ? 'actions-error' : undefined}>
      <legend>Send to</legend>
      {channels.error && <ErrorState error={channels.error} onRetry={channels.reload} title="Could not load the channels" />}
      {!channels.data && !channels.error && <Loading label="Loading channels…" />}
      {channels.data?.length === 0 && (
        <p className="field-hint">
          No notification channels yet. <Link to={`/organizations/${org}/alerts/channels/`}>Add a channel</Link> (Slack, e-mail, webhook, Discord, Teams,
          PagerDuty).
        </p>
      )}
      {channels.data?.map((c) => (
        <label key={c.id} className="checkbox-row">
          <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
          {c.name} <span className="badge">{channelTypeInfo(c.type).label}</span>
        </label>
      ))}
      <FieldMessage id="actions-error" message={error} />
    </fieldset>
  );
}
