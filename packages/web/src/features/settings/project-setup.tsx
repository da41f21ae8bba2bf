import { type ClientKey, useResource } from '../../api/index.js';
import { ErrorState, Loading } from '../../ui/states.js';
import { SetupSnippets } from '../onboarding/setup-snippets.js';

export function ProjectSetup({ org, project, platform }: { org: string; project: string; platform: string | null | undefined }) {
  const keys = useResource<ClientKey[]>(`projects/${org}/${project}/keys/`);
  const key = keys.data?.find((k) => k.isActive);
  return (
    <section className="settings-section" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up an SDK</h1>
      <p>
        Initialize the SDK first, before the rest of your app is imported. Set <code>release</code> to the commit SHA so errors map to the code that produced
        them.
      </p>
      {keys.error && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data && !key && <p className="alert">This project has no active client key. Create or enable one under Client keys.</p>}
      {key && (
        <div className="card card-body">
          <SetupSnippets dsn={key.dsn.public} projectPlatform={platform} />
        </div>
      )}
    </section>
  );
}
