import { type FormEvent, useState } from 'react';
import { type ApiToken, useAction, useApi } from '../../api/index.js';
import { InlineError } from '../../ui/states.js';

const SCOPES: [string, string][] = [
  ['project:releases', 'Upload releases and source maps (sentry-cli)'],
  ['project:read', 'Read projects and keys'],
  ['project:write', 'Change projects and keys'],
  ['event:read', 'Read issues and events'],
  ['event:write', 'Resolve, ignore and assign issues'],
  ['event:admin', 'Delete issues'],
  ['org:read', 'Read the organization'],
  ['org:write', 'Change the organization'],
  ['member:read', 'List members'],
  ['member:write', 'Invite, change and remove members'],
  ['team:write', 'Create teams and change their members'],
];

export function NewTokenForm({ org, onCreated }: { org: string; onCreated: (t: ApiToken) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<string>>(() => new Set(['project:releases', 'org:read']));
  const [orgToken, setOrgToken] = useState(true);
  const create = useAction(async () => {
    const { data } = await api.request<ApiToken>('api-tokens/', {
      method: 'POST',
      body: { name: name.trim() || 'API token', scopes: [...scopes], ...(orgToken ? { organization: org } : {}) },
    });
    setName('');
    onCreated(data);
  });

  function toggle(scope: string) {
    setScopes((s) => {
      const next = new Set(s);
      if (next.has(scope)) next.delete(scope);
      else next.add(scope);
      return next;
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }

  return (
    <form className="card card-body" onSubmit={submit} aria-labelledby="new-token-title">
      <h2 id="new-token-title">Create a token</h2>
      <div className="field" style={{ marginTop: 12 }}>
        <label htmlFor="token-name">Name</label>
        <input id="token-name" type="text" maxLength={100} placeholder="e.g. CI release upload" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset className="scopes">
        <legend>Scopes</legend>
        {SCOPES.map(([scope, note]) => (
          <label key={scope} className="checkbox-row">
            <input type="checkbox" checked={scopes.has(scope)} onChange={() => toggle(scope)} />
            <code>{scope}</code> <span className="muted">{note}</span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox-row">
        <input type="checkbox" checked={orgToken} onChange={(e) => setOrgToken(e.target.checked)} />
        Organization token for <strong>{org}</strong> (otherwise personal, for every organization you belong to)
      </label>
      <button type="submit" className="btn btn-primary" disabled={create.pending || scopes.size === 0}>
        Create token
      </button>
      <InlineError error={create.error} />
    </form>
  );
}
