import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Team, useAction, useApi, useResource } from '../../api/index.js';
import { ErrorState, InlineError, Loading } from '../../ui/states.js';
import type { IssueRuleJson, MatchMode } from './alert-types.js';
import { ChannelPicker } from './channel-picker.js';
import { errorFor, namesShownField } from './field-errors.js';
import { FilterRows } from './filter-rows.js';
import { emptyIssueRuleForm, type IssueRuleForm, issueRuleBody, issueRuleFormFromJson, previewBody } from './issue-rule-form.js';
import { RuleNotesFields } from './rule-notes-fields.js';
import { RulePreviewPanel } from './rule-preview.js';
import { SnoozeControls } from './snooze-controls.js';
import { TextField } from './text-field.js';
import { TriggerRows } from './trigger-rows.js';
import { useRulePreview } from './use-rule-preview.js';

const SHOWN_FIELDS = ['name', 'environment', 'conditions', 'filters', 'actions', 'frequency', 'runbookUrl', 'triageNotes', 'actionMatch', 'filterMatch'];

function MatchSelect({ id, label, value, onChange }: { id: string; label: string; value: MatchMode; onChange: (m: MatchMode) => void }) {
  return (
    <label className="inline-field" htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as MatchMode)}>
        <option value="all">all</option>
        <option value="any">any</option>
        <option value="none">none</option>
      </select>
    </label>
  );
}

/** E-mail actions: the organization's teams to pick from, and any member targets the rule already has. */
function EmailTargets({ org, form, set }: { org: string; form: IssueRuleForm; set: (patch: Partial<IssueRuleForm>) => void }) {
  const teams = useResource<Team[]>(`organizations/${org}/teams/`);
  const has = (id: string) => form.emails.some((e) => e.targetType === 'Team' && e.targetIdentifier === id);
  const toggle = (team: Team, on: boolean) =>
    set({
      emails: on
        ? [...form.emails, { targetType: 'Team', targetIdentifier: team.id, name: team.name }]
        : form.emails.filter((e) => !(e.targetType === 'Team' && e.targetIdentifier === team.id)),
    });
  const members = form.emails.filter((e) => e.targetType === 'Member');
  return (
    <>
      {teams.data?.map((t) => (
        <label key={t.id} className="checkbox-row">
          <input type="checkbox" checked={has(t.id)} onChange={(e) => toggle(t, e.target.checked)} />
          E-mail team #{t.slug}
        </label>
      ))}
      {members.map((m) => (
        <label key={m.targetIdentifier} className="checkbox-row">
          <input
            type="checkbox"
            checked
            onChange={() => set({ emails: form.emails.filter((e) => !(e.targetType === 'Member' && e.targetIdentifier === m.targetIdentifier)) })}
          />
          {m.name || `E-mail member ${m.targetIdentifier}`}
        </label>
      ))}
    </>
  );
}

function Editor({ org, project, rule }: { org: string; project: string; rule: IssueRuleJson | undefined }) {
  const client = useApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<IssueRuleForm>(() => (rule ? issueRuleFormFromJson(rule) : emptyIssueRuleForm()));
  const [current, setCurrent] = useState(rule);

  const preview = useRulePreview(
    org,
    project,
    useMemo(() => previewBody(form), [form]),
  );
  const save = useAction(async () => {
    const body = issueRuleBody(form);
    const path = `projects/${org}/${project}/rules/${current ? `${current.id}/` : ''}`;
    return (await client.request<IssueRuleJson>(path, { method: current ? 'PUT' : 'POST', body })).data;
  });
  // An edit answers a rejected save: from then on the live preview speaks for the form again.
  const set = (patch: Partial<IssueRuleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    save.clearError();
  };
  // A save problem wins; until then the preview's 400 points at the field being typed.
  const detail = save.error?.status === 400 ? save.error.detail : preview.error?.status === 400 ? preview.error.detail : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save.run();
    if (saved) navigate(`/organizations/${org}/alerts/?project=${encodeURIComponent(project)}`);
  }

  return (
    <div className="rule-editor">
      <form className="card rule-form" onSubmit={submit} noValidate aria-label={current ? `Edit ${current.name}` : 'New issue alert rule'}>
        {current && <SnoozeControls org={org} project={project} rule={current} onChange={setCurrent} />}
        <TextField id="rule-name" label="Rule name" value={form.name} onChange={(name) => set({ name })} error={errorFor(detail, 'name')} />
        <fieldset className="rule-fieldset">
          <legend>When</legend>
          <MatchSelect
            id="rule-action-match"
            label="Fire when this many triggers are met:"
            value={form.actionMatch}
            onChange={(actionMatch) => set({ actionMatch })}
          />
          <TriggerRows rows={form.triggers} onChange={(triggers) => set({ triggers })} detail={detail} />
        </fieldset>
        <fieldset className="rule-fieldset">
          <legend>If</legend>
          <TextField
            id="rule-environment"
            label="Environment"
            placeholder="all environments"
            value={form.environment}
            onChange={(environment) => set({ environment })}
            error={errorFor(detail, 'environment')}
          />
          <MatchSelect
            id="rule-filter-match"
            label="Issues must pass this many filters:"
            value={form.filterMatch}
            onChange={(filterMatch) => set({ filterMatch })}
          />
          <FilterRows rows={form.filters} onChange={(filters) => set({ filters })} detail={detail} />
        </fieldset>
        <ChannelPicker org={org} selected={form.channels} onChange={(channels) => set({ channels })} error={errorFor(detail, 'actions')} />
        <fieldset className="rule-fieldset">
          <legend>Also e-mail</legend>
          <EmailTargets org={org} form={form} set={set} />
        </fieldset>
        <TextField
          id="rule-frequency"
          label="Action interval (minutes)"
          hint="After notifying about an issue, wait this long before notifying about the same issue again (5–43200)."
          numeric
          narrow
          value={form.frequency}
          onChange={(frequency) => set({ frequency })}
          error={errorFor(detail, 'frequency')}
        />
        <RuleNotesFields runbookUrl={form.runbookUrl} triageNotes={form.triageNotes} onChange={set} detail={detail} />
        <label className="checkbox-row">
          <input type="checkbox" checked={form.status === 'disabled'} onChange={(e) => set({ status: e.target.checked ? 'disabled' : 'active' })} />
          Disabled (kept, but never evaluated)
        </label>
        {save.error && !(save.error.status === 400 && namesShownField(save.error.detail, SHOWN_FIELDS)) && <InlineError error={save.error} />}
        {save.error?.status === 400 && namesShownField(save.error.detail, SHOWN_FIELDS) && (
          <p className="alert" role="status">
            The rule was not saved: see the highlighted field.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : current ? 'Save rule' : 'Create rule'}
          </button>
          <Link className="btn" to={`/organizations/${org}/alerts/?project=${encodeURIComponent(project)}`}>
            Cancel
          </Link>
          {current && (
            <Link className="btn btn-ghost" to={`/organizations/${org}/alerts/rules/${project}/${current.id}/history/`}>
              History
            </Link>
          )}
        </div>
      </form>
      <RulePreviewPanel org={org} preview={preview} />
    </div>
  );
}

/** New (no `ruleId`) or existing issue rule of a project, with the live preview beside it. */
export function IssueRuleEditor({ org, project, ruleId }: { org: string; project: string; ruleId?: string }) {
  const rule = useResource<IssueRuleJson>(ruleId ? `projects/${org}/${project}/rules/${ruleId}/` : null);
  const [ready, setReady] = useState(!ruleId);
  useEffect(() => {
    if (rule.data) setReady(true);
  }, [rule.data]);
  if (ruleId && rule.error) return <ErrorState error={rule.error} onRetry={rule.reload} title="Could not load this rule" />;
  if (!ready) return <Loading />;
  return (
    <>
      <h1>{rule.data ? rule.data.name : 'New issue alert rule'}</h1>
      <Editor key={rule.data?.id ?? 'new'} org={org} project={project} rule={rule.data} />
    </>
  );
}
