import { Link } from 'react-router';
import type { Project } from '../../api/index.js';
import { useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Loading } from '../../ui/states.js';
import type { FiringJson, IssueRuleJson, MetricRuleJson } from './alert-types.js';

/** The newest firing of a rule, from its history (one row). */
function useLastFiring(path: string): FiringJson | null | undefined {
  const history = useResource<FiringJson[]>(path, { per_page: 1 });
  if (history.error) return null;
  return history.data === undefined ? undefined : (history.data[0] ?? null);
}

/** active, disabled, muted or snoozed; "firing" while inside the action interval of its last notification. */
export function issueRuleStatus(rule: IssueRuleJson, lastFired: string | null | undefined, now = Date.now()): { label: string; tone: string } {
  if (rule.status === 'disabled') return { label: 'Disabled', tone: 'muted' };
  if (rule.snoozed) return rule.snoozeUntil ? { label: 'Snoozed', tone: 'muted' } : { label: 'Muted', tone: 'muted' };
  if (lastFired && now - Date.parse(lastFired) < rule.frequency * 60_000) return { label: 'Firing', tone: 'firing' };
  return { label: 'Active', tone: 'ok' };
}

function IssueRuleRow({ org, project, rule }: { org: string; project: string; rule: IssueRuleJson }) {
  const base = `/organizations/${org}/alerts/rules/${project}/${rule.id}/`;
  const last = useLastFiring(`projects/${org}/${project}/rules/${rule.id}/history/`);
  const status = issueRuleStatus(rule, last?.dateFired);
  return (
    <tr>
      <td>
        <Link to={base}>{rule.name}</Link>
        <div className="field-hint">{rule.conditions.map((c) => c.name).join('; ')}</div>
      </td>
      <td>Issue</td>
      <td>
        <span className={`badge rule-status rule-status-${status.tone}`}>{status.label}</span>
      </td>
      <td>{last === undefined ? '…' : last === null ? 'Never' : <RelativeTime value={last.dateFired} />}</td>
      <td className="actions-cell">
        <Link className="btn btn-small" to={`${base}history/`}>
          History
        </Link>
      </td>
    </tr>
  );
}

function MetricRuleRow({ org, rule }: { org: string; rule: MetricRuleJson }) {
  const base = `/organizations/${org}/alerts/metric-rules/${rule.id}/`;
  const last = useLastFiring(`organizations/${org}/alert-rules/${rule.id}/history/`);
  const state = rule.state.status;
  const status =
    rule.status === 'disabled'
      ? { label: 'Disabled', tone: 'muted' }
      : state === 'ok'
        ? { label: 'Active', tone: 'ok' }
        : { label: `Firing (${state})`, tone: 'firing' };
  return (
    <tr>
      <td>
        <Link to={base}>{rule.name}</Link>
        <div className="field-hint">
          {rule.metricLabel} over {rule.timeWindow} min {rule.thresholdType} {rule.criticalThreshold}
          {rule.state.lastValue !== null && ` · now ${rule.state.lastValue}`}
        </div>
      </td>
      <td>Metric</td>
      <td>
        <span className={`badge rule-status rule-status-${status.tone}`}>{status.label}</span>
      </td>
      <td>{last === undefined ? '…' : last === null ? 'Never' : <RelativeTime value={last.dateFired} />}</td>
      <td className="actions-cell">
        <Link className="btn btn-small" to={`${base}history/`}>
          History
        </Link>
      </td>
    </tr>
  );
}

/** A project's issue rules and the metric rules watching it. */
export function RuleList({ org, project }: { org: string; project: Project }) {
  const issueRules = useResource<IssueRuleJson[]>(`projects/${org}/${project.slug}/rules/`);
  const metricRules = useResource<MetricRuleJson[]>(`organizations/${org}/alert-rules/`);
  const mine = metricRules.data?.filter((r) => r.projects.includes(project.slug));
  const error = issueRules.error ?? metricRules.error;
  const q = `?project=${encodeURIComponent(project.slug)}`;
  return (
    <section aria-labelledby="rules-title">
      <div className="page-header">
        <h1 id="rules-title">Alert rules · {project.slug}</h1>
        <div className="btn-group">
          <Link className="btn btn-primary" to={`/organizations/${org}/alerts/rules/${project.slug}/new/`}>
            New issue rule
          </Link>
          <Link className="btn" to={`/organizations/${org}/alerts/metric-rules/new/${q}`}>
            New metric rule
          </Link>
        </div>
      </div>
      <div className="card">
        {error && (
          <ErrorState
            error={error}
            onRetry={() => {
              issueRules.reload();
              metricRules.reload();
            }}
          />
        )}
        {!error && (!issueRules.data || !mine) && <Loading label="Loading rules…" />}
        {issueRules.data && mine && issueRules.data.length + mine.length === 0 && (
          <EmptyState title="No alert rules">Create an issue rule to hear about new or busy issues, or a metric rule to watch error counts.</EmptyState>
        )}
        {issueRules.data && mine && issueRules.data.length + mine.length > 0 && (
          <table className="table rule-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Last fired</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {issueRules.data.map((r) => (
                <IssueRuleRow key={`i${r.id}`} org={org} project={project.slug} rule={r} />
              ))}
              {mine.map((r) => (
                <MetricRuleRow key={`m${r.id}`} org={org} rule={r} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
