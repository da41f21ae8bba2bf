import { useState } from 'react';
import { type ApiToken, useAction, useApi, useResource } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states.js';
import { NewTokenForm } from './new-token-form.js';

/** Personal and organization API tokens: created with scopes, shown once, revocable. */
export function ApiTokens({ org }: { org: string }) {
  const tokens = useResource<ApiToken[]>('api-tokens/');
  const api = useApi();
  const [revealed, setRevealed] = useState<ApiToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useAction(async (id: string) => {
    await api.request(`api-tokens/${id}/`, { method: 'DELETE' });
    setConfirming(null);
    if (revealed?.id === id) setRevealed(null);
    tokens.reload();
  });

  return (
    <section className="settings-section" aria-labelledby="tokens-title">
      <h1 id="tokens-title">API tokens</h1>
      <p>
        For <code>sentry-cli</code>, CI and scripts. An organization token embeds this server and the organization, so sentry-cli needs nothing else.
      </p>
      <NewTokenForm
        org={org}
        onCreated={(t) => {
          setRevealed(t);
          tokens.reload();
        }}
      />
      {revealed?.token && (
        <div className="card card-body token-once" role="status">
          <strong>Copy your new token now. It will not be shown again.</strong>
          <div className="dsn-row">
            <code className="dsn" data-testid="new-token">
              {revealed.token}
            </code>
            <CopyButton text={revealed.token} />
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setRevealed(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <div className="card">
        {tokens.error && <ErrorState error={tokens.error} onRetry={tokens.reload} />}
        {!tokens.data && !tokens.error && <Loading />}
        {tokens.data?.length === 0 && <EmptyState title="No tokens yet" />}
        {tokens.data && tokens.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>
                    <div>{t.name}</div>
                    <div className="faint mono">
                      …{t.tokenLastCharacters} · {t.organization ? `org ${t.organization}` : 'personal'} · created <RelativeTime value={t.dateCreated} />
                    </div>
                  </td>
                  <td>
                    <div className="scope-list">
                      {t.scopes.map((s) => (
                        <span key={s} className="badge">
                          {s}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>{t.lastUsed ? <RelativeTime value={t.lastUsed} /> : <span className="faint">never</span>}</td>
                  <td className="actions-cell">
                    {confirming === t.id ? (
                      <button type="button" className="btn btn-small btn-danger" disabled={revoke.pending} onClick={() => void revoke.run(t.id)}>
                        Revoke {t.name}
                      </button>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => setConfirming(t.id)}>
                        Revoke…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <InlineError error={revoke.error} />
    </section>
  );
}
