import { useEffect } from 'react';
import { type ClientKey, type Issue, useResource } from '../../api/index.js';
import { ErrorState, Loading } from '../../ui/states.js';
import { SetupSnippets } from './setup-snippets.js';

export const FIRST_RUN_POLL_MS = 3000;

/** Every issue of the project, whatever its status or age: one is enough to know events arrive. */
export function anyIssueQuery() {
  return { query: '', limit: 1, statsPeriod: '' };
}

/**
 * An empty project: the DSN and setup code, and a live wait for the first event (the issues
 * endpoint is polled every few seconds; the page switches to the list when one arrives).
 */
export function FirstRun({ org, project, platform, onArrived }: { org: string; project: string; platform: string | null; onArrived: (issue: Issue) => void }) {
  const keys = useResource<ClientKey[]>(`projects/${org}/${project}/keys/`);
  const probe = useResource<Issue[]>(`projects/${org}/${project}/issues/`, anyIssueQuery(), { pollMs: FIRST_RUN_POLL_MS });
  const first = probe.data?.[0];
  useEffect(() => {
    if (first) onArrived(first);
  }, [first, onArrived]);
  const key = keys.data?.find((k) => k.isActive);
  return (
    <section className="first-run card card-body" aria-labelledby="first-run-title">
      <div className="first-run-head">
        <h1 id="first-run-title">Send your first error to {project}</h1>
        <p className="waiting" role="status" aria-live="polite">
          <span className="pulse" aria-hidden="true" /> Waiting for the first event… this page updates by itself.
        </p>
      </div>
      <ol className="first-run-steps">
        <li>Install the SDK and initialize it before anything else in your app, with the DSN below.</li>
        <li>
          Trigger an error, for example <code>throw new Error('Faultline test')</code> in a route.
        </li>
        <li>It shows up here within seconds, with its stack trace.</li>
      </ol>
      {keys.error && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data && !key && <p className="alert">This project has no active client key; create one in the project settings.</p>}
      {key && <SetupSnippets dsn={key.dsn.public} projectPlatform={platform} />}
      {probe.error && <p className="alert">Could not check for events: {probe.error.detail}</p>}
    </section>
  );
}
