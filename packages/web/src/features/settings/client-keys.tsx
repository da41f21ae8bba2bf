import { type FormEvent, useState } from 'react';
import { type ClientKey, useAction, useApi, useResource } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states.js';
import { ClientKeyCard } from './client-key-card.js';

/** DSNs of a project: create, disable, rate-limit, delete. */
export function ClientKeys({ org, project }: { org: string; project: string }) {
  const path = `projects/${org}/${project}/keys/`;
  const keys = useResource<ClientKey[]>(path);
  const api = useApi();
  const [name, setName] = useState('');
  const create = useAction(async (label: string) => {
    await api.request(path, { method: 'POST', body: { name: label || 'Default' } });
    setName('');
    keys.reload();
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run(name.trim());
  }

  const first = keys.data?.find((k) => k.isActive);
  return (
    <section className="settings-section" aria-labelledby="keys-title">
      <h1 id="keys-title">Client keys (DSN)</h1>
      <p>The DSN tells an SDK where to send events. Give each app its own key so you can disable or rate-limit it alone.</p>
      {first && (
        <div className="card card-body dsn-hero">
          <span className="muted">DSN</span>
          <code className="dsn" data-testid="primary-dsn">
            {first.dsn.public}
          </code>
          <CopyButton text={first.dsn.public} label="Copy DSN" />
        </div>
      )}
      {keys.error && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data?.length === 0 && <EmptyState title="No client keys">Create one to start sending events.</EmptyState>}
      {keys.data?.map((k) => (
        <ClientKeyCard key={k.id} clientKey={k} path={`${path}${k.id}/`} onChanged={keys.reload} />
      ))}
      <form className="card card-body form-row" onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-key-name">New key</label>
          <input
            id="new-key-name"
            type="text"
            placeholder="Name, e.g. checkout-web"
            maxLength={64}
            style={{ width: 280 }}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          Create key
        </button>
      </form>
      <InlineError error={create.error} />
    </section>
  );
}
