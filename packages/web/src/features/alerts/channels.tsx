import { type FormEvent, useState } from 'react';
import { useAction, useApi, useResource } from '../../api/index.js';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states.js';
import type { ChannelJson, ChannelType } from './alert-types.js';
import { CHANNEL_TYPES, type ChannelForm, channelBody, channelFormFromJson, channelTypeInfo, emptyChannelForm } from './channel-form.js';
import { errorFor, namesShownField } from './field-errors.js';
import { FieldMessage } from './field-message.js';
import { TextField } from './text-field.js';

function ChannelEditor({
  org,
  channel,
  onSaved,
  onCancel,
}: {
  org: string;
  channel: ChannelJson | undefined;
  onSaved: (c: ChannelJson) => void;
  onCancel: () => void;
}) {
  const client = useApi();
  const [form, setForm] = useState<ChannelForm>(() => (channel ? channelFormFromJson(channel) : emptyChannelForm()));
  const info = channelTypeInfo(form.type);
  const save = useAction(async () => {
    const path = `organizations/${org}/notification-channels/${channel ? `${channel.id}/` : ''}`;
    return (await client.request<ChannelJson>(path, { method: channel ? 'PUT' : 'POST', body: channelBody(form, channel !== undefined) })).data;
  });
  const detail = save.error?.status === 400 ? save.error.detail : undefined;
  const shown = ['name', 'type', ...info.fields.map((f) => `config.${f.key}`), 'config'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save.run();
    if (saved) onSaved(saved);
  }

  return (
    <form className="card channel-form" onSubmit={submit} noValidate aria-label={channel ? `Edit channel ${channel.name}` : 'New notification channel'}>
      <h2>{channel ? `Edit ${channel.name}` : 'New channel'}</h2>
      <div className="field">
        <label htmlFor="channel-type">Type</label>
        <select
          id="channel-type"
          value={form.type}
          disabled={channel !== undefined}
          onChange={(e) => setForm({ ...form, type: e.target.value as ChannelType, values: {} })}
        >
          {CHANNEL_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldMessage id="channel-type-error" message={errorFor(detail, 'type')} />
      </div>
      <TextField id="channel-name" label="Name" value={form.name} onChange={(name) => setForm({ ...form, name })} error={errorFor(detail, 'name')} />
      {info.fields.map((f) => {
        const id = `channel-${f.key}`;
        const error = errorFor(detail, `config.${f.key}`, 'config');
        const hint = channel && f.secret ? `${f.hint}. Leave empty to keep the current one (${String(channel.config[f.key] ?? '')}).` : f.hint;
        const value = form.values[f.key] ?? '';
        const onChange = (v: string) => setForm({ ...form, values: { ...form.values, [f.key]: v } });
        if (f.key === 'recipients')
          return (
            <div className="field" key={f.key}>
              <label htmlFor={id}>{f.label}</label>
              <textarea
                id={id}
                rows={3}
                value={value}
                onChange={(e) => onChange(e.target.value)}
                aria-describedby={`${id}-hint`}
                aria-invalid={error ? true : undefined}
              />
              <span className="field-hint" id={`${id}-hint`}>
                {hint}
              </span>
              <FieldMessage id={`${id}-error`} message={error} />
            </div>
          );
        return <TextField key={f.key} id={id} label={f.label} hint={hint} value={value} onChange={onChange} error={error} />;
      })}
      {save.error && !(save.error.status === 400 && namesShownField(save.error.detail, shown)) && <InlineError error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {save.pending ? 'Saving…' : channel ? 'Save channel' : 'Add channel'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What a channel points at, as far as the API shows it (credentials masked). */
function target(c: ChannelJson): string {
  if (c.type === 'email') return Array.isArray(c.config.recipients) ? c.config.recipients.join(', ') : '';
  if (c.type === 'webhook') return String(c.config.url ?? '');
  if (c.type === 'pagerduty') return `routing key ${String(c.config.routingKey ?? '')}`;
  return String(c.config.webhookUrl ?? '');
}

function ChannelRow({ org, channel, onEdit, onDeleted }: { org: string; channel: ChannelJson; onEdit: () => void; onDeleted: () => void }) {
  const client = useApi();
  const [result, setResult] = useState<{ ok: boolean; error?: string } | null>(null);
  const test = useAction(async () => {
    setResult(null);
    const res = await client.request<{ ok: boolean; error?: string }>(`organizations/${org}/notification-channels/${channel.id}/test/`, { method: 'POST' });
    setResult(res.data);
    return res.data;
  });
  const remove = useAction(async () => {
    await client.request(`organizations/${org}/notification-channels/${channel.id}/`, { method: 'DELETE' });
    onDeleted();
    return true;
  });
  return (
    <tr>
      <td>{channel.name}</td>
      <td>
        <span className="badge">{channelTypeInfo(channel.type).label}</span>
      </td>
      <td className="channel-target">{target(channel)}</td>
      <td className="actions-cell">
        <div className="btn-group">
          <button type="button" className="btn btn-small" disabled={test.pending} onClick={() => test.run()}>
            {test.pending ? 'Sending…' : 'Send test notification'}
          </button>
          <button type="button" className="btn btn-small" onClick={onEdit} aria-label={`Edit ${channel.name}`}>
            Edit
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={remove.pending}
            aria-label={`Delete ${channel.name}`}
            onClick={() => {
              if (window.confirm(`Delete the channel “${channel.name}”? Rules that send to it will skip it.`)) void remove.run();
            }}
          >
            Delete
          </button>
        </div>
        <div aria-live="polite">
          {result?.ok && <p className="alert alert-success">Test notification sent.</p>}
          {result && !result.ok && (
            <p className="alert" role="alert">
              Test notification failed: {result.error}
            </p>
          )}
        </div>
        <InlineError error={test.error ?? remove.error} />
      </td>
    </tr>
  );
}

/** The organization's notification channels: list, add, edit, delete, send a test. */
export function Channels({ org }: { org: string }) {
  const channels = useResource<ChannelJson[]>(`organizations/${org}/notification-channels/`);
  const [editing, setEditing] = useState<ChannelJson | 'new' | null>(null);
  const [created, setCreated] = useState<ChannelJson | null>(null);
  return (
    <section aria-labelledby="channels-title">
      <div className="page-header">
        <h1 id="channels-title">Notification channels</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setCreated(null);
            setEditing('new');
          }}
        >
          Add channel
        </button>
      </div>
      <p className="field-hint">Channels belong to the organization; any project's rules can send to them.</p>
      {editing && (
        <ChannelEditor
          key={editing === 'new' ? 'new' : editing.id}
          org={org}
          channel={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(null)}
          onSaved={(c) => {
            if (editing === 'new') setCreated(c);
            setEditing(null);
            channels.reload();
          }}
        />
      )}
      {created && typeof created.config.secret === 'string' && (
        <div className="card secret-once" role="status">
          <strong>Signing secret of “{created.name}”</strong> — shown only now; verify the <code>X-Faultline-Signature</code> header with it:
          <pre className="codeblock">{created.config.secret}</pre>
        </div>
      )}
      <div className="card">
        {channels.error && <ErrorState error={channels.error} onRetry={channels.reload} />}
        {!channels.data && !channels.error && <Loading label="Loading channels…" />}
        {channels.data?.length === 0 && (
          <EmptyState title="No notification channels">Add Slack, e-mail, a webhook, Discord, Teams or PagerDuty, then pick it in a rule.</EmptyState>
        )}
        {channels.data && channels.data.length > 0 && (
          <table className="table channel-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Sends to</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.data.map((c) => (
                <ChannelRow
                  key={c.id}
                  org={org}
                  channel={c}
                  onEdit={() => {
                    setCreated(null);
                    setEditing(c);
                  }}
                  onDeleted={channels.reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
