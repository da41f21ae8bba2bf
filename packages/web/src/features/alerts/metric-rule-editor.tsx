import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAction, useApi, useResource } from '../../api/index.js';
import { ErrorState, InlineError, Loading } from '../../ui/states.js';
import { useProjects } from '../shell/workspace.js';
import type { MetricJson, MetricRuleJson } from './alert-types.js';
import { ChannelPicker } from './channel-picker.js';
import { errorFor, namesShownField } from './field-errors.js';
import { FieldMessage } from './field-message.js';
import { MetricPreviewPanel } from './metric-preview.js';
import { emptyMetricRuleForm, type MetricRuleForm, metricPreviewBody, metricRuleBody, metricRuleFormFromJson } from './metric-rule-form.js';
import { RuleNotesFields } from './rule-notes-fields.js';
import { TextField } from './text-field.js';
import { useMetricRulePreview } from './use-rule-preview.js';

const SHOWN_FIELDS = [
  'name',
  'project',
  'metric',
  'query',
  'environment',
  'timeWindow',
  'comparisonDelta',
  'thresholdType',
  'criticalThreshold',
  'warningThreshold',
  'resolveThreshold',
  'sustainFor',
  'actions',
  'runbookUrl',
  'triageNotes',
];

function Editor({ org, rule, project, metrics }: { org: string; rule: MetricRuleJson | undefined; project: string; metrics: MetricJson[] }) {
  const client = useApi();
  const navigate = useNavigate();
  const projects = useProjects(org);
  const [form, setForm] = useState<MetricRuleForm>(() => (rule ? metricRuleFormFromJson(rule) : emptyMetricRuleForm(project)));

  const metric = metrics.find((m) => m.key === form.metric);
  const unit = metric?.unit === 'percent' ? '%' : (metric?.unit ?? 'events');
  const save = useAction(async () => {
    const body = metricRuleBody(form, metric?.needsBaseline ?? false);
    const path = `organizations/${org}/alert-rules/${rule ? `${rule.id}/` : ''}`;
    return (await client.request<MetricRuleJson>(path, { method: rule ? 'PUT' : 'POST', body })).data;
  });
  const needsBaseline = metric?.needsBaseline ?? false;
  const preview = useMetricRulePreview(
    org,
    useMemo(() => metricPreviewBody(form, needsBaseline), [form, needsBaseline]),
  );
  // A new rule opened without a project starts on the organization's first one.
  const firstProject = projects.data?.[0]?.slug;
  useEffect(() => {
    if (firstProject) setForm((f) => (f.project === '' ? { ...f, project: firstProject } : f));
  }, [firstProject]);
  // An edit answers a rejected save: from then on the live preview speaks for the form again.
  const set = (patch: Partial<MetricRuleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    save.clearError();
  };
  // A save problem wins; until then the preview's 400 points at the field being typed.
  const detail = save.error?.status === 400 ? save.error.detail : preview.error?.status === 400 ? preview.error.detail : undefined;
  const asNumber = (v: string) => (v.trim() === '' ? null : Number(v));
  const back = `/organizations/${org}/alerts/?project=${encodeURIComponent(form.project)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run()) navigate(back);
  }

  const threshold = (key: 'criticalThreshold' | 'warningThreshold' | 'resolveThreshold', label: string, hint: string) => (
    <TextField
      id={`metric-${key}`}
      label={label}
      hint={hint}
      numeric
      narrow
      value={form[key]}
      onChange={(v) => set({ [key]: v })}
      error={errorFor(detail, key)}
    />
  );

  return (
    <div className="rule-editor">
      <form className="card rule-form metric-form" onSubmit={submit} noValidate aria-label={rule ? `Edit ${rule.name}` : 'New metric alert rule'}>
        {rule && (
          <p className="field-hint">
            Now <span className={`badge state-${rule.state.status}`}>{rule.state.status}</span>
            {rule.state.lastValue !== null && ` · last value ${rule.state.lastValue}`}
          </p>
        )}
        <TextField id="metric-name" label="Rule name" value={form.name} onChange={(name) => set({ name })} error={errorFor(detail, 'name')} />
        <fieldset className="rule-fieldset">
          <legend>Measure</legend>
          <div className="field">
            <label htmlFor="metric-project">Project</label>
            <select id="metric-project" value={form.project} onChange={(e) => set({ project: e.target.value })} disabled={rule !== undefined}>
              {(projects.data ?? []).map((p) => (
                <option key={p.id} value={p.slug}>
                  {p.slug}
                </option>
              ))}
              {!projects.data && <option value={form.project}>{form.project}</option>}
            </select>
            <FieldMessage id="metric-project-error" message={errorFor(detail, 'project')} />
          </div>
          <div className="field">
            <label htmlFor="metric-metric">Metric</label>
            <select id="metric-metric" value={form.metric} onChange={(e) => set({ metric: e.target.value })}>
              {metrics.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
            <FieldMessage id="metric-metric-error" message={errorFor(detail, 'metric')} />
          </div>
          {form.metric === 'issue_search_count' && (
            <TextField
              id="metric-query"
              label="Issue search"
              placeholder="is:unresolved level:fatal"
              hint="Counts the error events of issues matching this search."
              value={form.query}
              onChange={(query) => set({ query })}
              error={errorFor(detail, 'query')}
            />
          )}
          <TextField
            id="metric-environment"
            label="Environment"
            placeholder="all environments"
            value={form.environment}
            onChange={(environment) => set({ environment })}
            error={errorFor(detail, 'environment')}
          />
          <TextField
            id="metric-window"
            label="Window (minutes)"
            hint="The value is measured over this many minutes, ending now (1–1440)."
            numeric
            narrow
            value={form.timeWindow}
            onChange={(timeWindow) => set({ timeWindow })}
            error={errorFor(detail, 'timeWindow')}
          />
          {metric?.needsBaseline && (
            <TextField
              id="metric-delta"
              label="Compare with (minutes earlier)"
              hint="The baseline: the same window this many minutes before (10080 = a week)."
              numeric
              narrow
              value={form.comparisonDelta}
              onChange={(comparisonDelta) => set({ comparisonDelta })}
              error={errorFor(detail, 'comparisonDelta')}
            />
          )}
        </fieldset>
        <fieldset className="rule-fieldset">
          <legend>Thresholds ({unit})</legend>
          <div className="field">
            <label htmlFor="metric-type">Alert when the value is</label>
            <select id="metric-type" value={form.thresholdType} onChange={(e) => set({ thresholdType: e.target.value as 'above' | 'below' })}>
              <option value="above">above</option>
              <option value="below">below</option>
            </select>
          </div>
          <div className="threshold-row">
            {threshold('criticalThreshold', 'Critical', 'Required')}
            {threshold('warningThreshold', 'Warning', 'Optional')}
            {threshold('resolveThreshold', 'Resolve', 'Optional: resolves past this')}
          </div>
          <TextField
            id="metric-sustain"
            label="For (minutes)"
            hint="A threshold must be breached at every evaluation for this long before the alert fires; 0 = at once."
            numeric
            narrow
            value={form.sustainFor}
            onChange={(sustainFor) => set({ sustainFor })}
            error={errorFor(detail, 'sustainFor')}
          />
        </fieldset>
        <ChannelPicker org={org} selected={form.channels} onChange={(channels) => set({ channels })} error={errorFor(detail, 'actions')} />
        <RuleNotesFields runbookUrl={form.runbookUrl} triageNotes={form.triageNotes} onChange={set} detail={detail} />
        <label className="checkbox-row">
          <input type="checkbox" checked={form.status === 'disabled'} onChange={(e) => set({ status: e.target.checked ? 'disabled' : 'active' })} />
          Disabled (kept, but never evaluated)
        </label>
        {save.error && !(save.error.status === 400 && namesShownField(save.error.detail, SHOWN_FIELDS)) && <InlineError error={save.error} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : rule ? 'Save rule' : 'Create rule'}
          </button>
          <Link className="btn" to={back}>
            Cancel
          </Link>
          {rule && (
            <Link className="btn btn-ghost" to={`/organizations/${org}/alerts/metric-rules/${rule.id}/history/`}>
              History
            </Link>
          )}
        </div>
      </form>
      <MetricPreviewPanel
        preview={preview}
        thresholds={{ critical: asNumber(form.criticalThreshold), warning: asNumber(form.warningThreshold), resolve: asNumber(form.resolveThreshold) }}
      />
    </div>
  );
}

/** New (no `ruleId`) or existing metric rule; new rules start on `project`. */
export function MetricRuleEditor({ org, ruleId, project }: { org: string; ruleId?: string; project: string }) {
  const rule = useResource<MetricRuleJson>(ruleId ? `organizations/${org}/alert-rules/${ruleId}/` : null);
  const metrics = useResource<MetricJson[]>(`organizations/${org}/alert-rules/metrics/`);
  const error = rule.error ?? metrics.error;
  if (error)
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          rule.reload();
          metrics.reload();
        }}
        title="Could not load this rule"
      />
    );
  if ((ruleId && !rule.data) || !metrics.data) return <Loading />;
  return (
    <>
      <h1>{rule.data ? rule.data.name : 'New metric alert rule'}</h1>
      <Editor key={rule.data?.id ?? 'new'} org={org} rule={rule.data} project={project} metrics={metrics.data} />
    </>
  );
}
