import { useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { ErrorState, Skeleton } from '../../ui/states.js';
import { deploysByEnvironment } from './deploys-by-environment.js';
import type { Deploy } from './release-types.js';

/** Where the release went: one row per environment with its latest deploy and how many there were. */
export function ReleaseDeploys({ path }: { path: string }) {
  const deploys = useResource<Deploy[]>(`${path}deploys/`, { per_page: 100 });
  return (
    <section className="card release-section" aria-labelledby="deploys-title">
      <h2 id="deploys-title">Deploys</h2>
      {deploys.error && <ErrorState error={deploys.error} onRetry={deploys.reload} title="Could not load the deploys" />}
      {!deploys.data && !deploys.error && <Skeleton height={40} />}
      {deploys.data?.length === 0 && (
        <p className="muted">
          Not deployed yet. Record one with <code>sentry-cli deploys new --release VERSION -e production</code>.
        </p>
      )}
      {deploys.data && deploys.data.length > 0 && (
        <table className="table deploy-table">
          <thead>
            <tr>
              <th scope="col">Environment</th>
              <th scope="col">Latest deploy</th>
            </tr>
          </thead>
          <tbody>
            {deploysByEnvironment(deploys.data).map(({ environment, deploys: list }) => {
              const last = list[0] as Deploy;
              return (
                <tr key={environment} data-environment={environment}>
                  <th scope="row">
                    <span className="badge badge-env">{environment}</span>
                  </th>
                  <td>
                    <RelativeTime value={last.dateFinished} label={`Deployed to ${environment}`} />
                    {last.name && <span className="faint deploy-name"> · {last.name}</span>}
                    <span className="faint deploy-name">
                      {' · '}
                      {list.length} {list.length === 1 ? 'deploy' : 'deploys'}
                    </span>
                    {last.url && (
                      <>
                        {' · '}
                        <a href={last.url} rel="noreferrer noopener" target="_blank">
                          open
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
