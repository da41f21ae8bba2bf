import { Link } from 'react-router';
import { useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Loading } from '../../ui/states.js';
import type { ChannelJson, DeliveryJson, FiringJson } from './alert-types.js';
import { channelTypeInfo } from './channel-form.js';

const STATUS_LABEL: Record<DeliveryJson['status'], string> = { pending: 'Pending', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

function Delivery({ d, channels }: { d: DeliveryJson; channels: Map<string, ChannelJson> }) {
  const channel = d.channel.id === null ? undefined : channels.get(d.channel.id);
  const type = channelTypeInfo(d.channel.type as ChannelJson['type']);
  const name = channel?.name ?? (d.channel.type === 'email' ? 'E-mail' : `${type.label} channel ${d.channel.id ?? ''} (deleted)`);
  return (
    <tr className={`delivery delivery-${d.status}`}>
      <td>
        {name} <span className="badge">{d.channel.type === 'email' ? 'E-mail' : type.label}</span>
      </td>
      <td>
        <span className={`badge delivery-status delivery-status-${d.status}`}>{STATUS_LABEL[d.status]}</span>
      </td>
      <td>{d.attempts}</td>
      <td>
        {d.dateSent ? (
          <RelativeTime value={d.dateSent} />
        ) : d.nextAttempt ? (
          <>
            next attempt <RelativeTime value={d.nextAttempt} />
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="delivery-error">{d.lastError ?? ''}</td>
    </tr>
  );
}

function Firing({ org, f, channels }: { org: string; f: FiringJson; channels: Map<string, ChannelJson> }) {
  const failed = f.deliveries.filter((d) => d.status === 'failed').length;
  return (
    <li className="card firing">
      <div className="firing-head">
        <span className={`badge severity-${f.severity}`}>{f.severity}</span>
        <strong>{f.issue ? <Link to={`/organizations/${org}/issues/${f.issue.id}/`}>{f.issue.title}</Link> : f.title}</strong>
        {f.issue && <span className="field-hint">{f.issue.shortId}</span>}
        <span className="firing-time">
          <RelativeTime value={f.dateFired} />
        </span>
      </div>
      {f.reason && <p className="firing-reason">{f.reason}</p>}
      {failed > 0 && (
        <p className="alert" role="note">
          {failed} of {f.deliveries.length} {f.deliveries.length === 1 ? 'delivery' : 'deliveries'} failed.
        </p>
      )}
      {f.deliveries.length === 0 ? (
        <p className="field-hint">No actions: nothing was sent.</p>
      ) : (
        <table className="table deliveries" aria-label="Deliveries">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Sent</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {f.deliveries.map((d) => (
              <Delivery key={d.id} d={d} channels={channels} />
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/**
 * A rule's firings, newest first, each with every delivery's status, attempts and last
 * error, so a failing channel is visible. Refreshes while deliveries are still pending.
 */
export function RuleHistory({ org, title, historyPath, editLink }: { org: string; title: string; historyPath: string; editLink: string }) {
  const history = useResource<FiringJson[]>(historyPath, { per_page: 50 }, { pollMs: 5_000 });
  const channels = useResource<ChannelJson[]>(`organizations/${org}/notification-channels/`);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  return (
    <section aria-labelledby="history-title">
      <div className="page-header">
        <h1 id="history-title">History · {title}</h1>
        <Link className="btn" to={editLink}>
          Edit rule
        </Link>
      </div>
      {history.error && <ErrorState error={history.error} onRetry={history.reload} />}
      {!history.data && !history.error && <Loading label="Loading history…" />}
      {history.data?.length === 0 && (
        <div className="card">
          <EmptyState title="This rule has not fired yet">Each time it fires, the notification and every delivery attempt appear here.</EmptyState>
        </div>
      )}
      {history.data && history.data.length > 0 && (
        <ol className="firings">
          {history.data.map((f) => (
            <Firing key={f.id} org={org} f={f} channels={byId} />
          ))}
        </ol>
      )}
    </section>
  );
}
