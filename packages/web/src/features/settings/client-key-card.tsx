import { type FormEvent, useState } from 'react';
import { type ClientKey, useAction, useApi } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { InlineError } from '../../ui/states.js';

const WINDOWS: [number, string][] = [
  [60, 'per minute'],
  [3600, 'per hour'],
  [86400, 'per day'],
];

export function ClientKeyCard({ clientKey: k, path, onChanged }: { clientKey: ClientKey; path: string; onChanged: () => void }) {
  const api = useApi();
  const [count, setCount] = useState(k.rateLimit ? String(k.rateLimit.count) : '');
  const [window, setWindow] = useState(k.rateLimit?.window ?? 60);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const update = useAction(async (body: Record<string, unknown>) => {
    await api.request(path, { method: 'PUT', body });
    onChanged();
  });
  const remove = useAction(async () => {
    await api.request(path, { method: 'DELETE' });
    onChanged();
  });

  function saveLimit(e: FormEvent) {
    e.preventDefault();
    const n = count.trim() === '' ? null : Number(count);
    void update.run({ rateLimit: n === null ? null : { window, count: n } });
  }

  const id = `key-${k.id}`;
  return (
    <article className="card card-body client-key" aria-labelledby={`${id}-name`}>
      <div className="client-key-head">
        <h2 id={`${id}-name`}>{k.name}</h2>
        <span className={`badge ${k.isActive ? 'badge-ok' : ''}`}>{k.isActive ? 'Active' : 'Disabled'}</span>
        <span className="faint">
          created <RelativeTime value={k.dateCreated} />
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" disabled={update.pending} onClick={() => void update.run({ isActive: !k.isActive })}>
          {k.isActive ? 'Disable' : 'Enable'}
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className="btn btn-small btn-danger" onClick={() => void remove.run()} disabled={remove.pending}>
              Delete for good
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
      <div className="dsn-row">
        <code className="dsn">{k.dsn.public}</code>
        <CopyButton text={k.dsn.public} label="Copy DSN" />
      </div>
      <form className="form-row rate-limit" onSubmit={saveLimit}>
        <div className="field">
          <label htmlFor={`${id}-count`}>Rate limit</label>
          <input
            id={`${id}-count`}
            type="number"
            min={0}
            step={1}
            placeholder="No limit"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            style={{ width: 120 }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-window`} className="sr-only">
            Window
          </label>
          <select id={`${id}-window`} value={window} onChange={(e) => setWindow(Number(e.target.value))}>
            {WINDOWS.map(([w, label]) => (
              <option key={w} value={w}>
                events {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn" disabled={update.pending}>
          Save limit
        </button>
        <span className="field-hint">
          {k.rateLimit
            ? `Enforced as ${k.rateLimit.count} events per ${k.rateLimit.window === 60 ? 'minute' : `${k.rateLimit.window} s`}.`
            : 'No limit: every event is accepted.'}
        </span>
      </form>
      <InlineError error={update.error ?? remove.error} />
    </article>
  );
}
