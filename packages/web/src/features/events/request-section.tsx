import type { RequestData } from '../../api/index.js';
import { display, KeyValues, Section, toPairs } from './key-values.js';

/** The HTTP request the error happened in, as stored (already scrubbed on ingest). */
export function RequestSection({ request }: { request: RequestData }) {
  const query = toPairs(request.query);
  const headers = toPairs(request.headers);
  const cookies = toPairs(request.cookies);
  const body = request.data === null || request.data === undefined || request.data === '' ? null : display(request.data);
  return (
    <Section title="Request" id="request-title">
      <p className="request-line mono">
        <strong>{request.method ?? 'GET'}</strong> {request.url ?? ''}
        {request.fragment ? `#${request.fragment}` : ''}
      </p>
      {query.length > 0 && (
        <>
          <h3 className="subhead">Query</h3>
          <KeyValues pairs={query} />
        </>
      )}
      {body !== null && (
        <>
          <h3 className="subhead">Body</h3>
          <pre className="code">{body}</pre>
        </>
      )}
      <h3 className="subhead">Headers</h3>
      <KeyValues pairs={headers} empty="No headers recorded." />
      {cookies.length > 0 && (
        <>
          <h3 className="subhead">Cookies</h3>
          <KeyValues pairs={cookies} />
        </>
      )}
      {request.env && Object.keys(request.env).length > 0 && (
        <>
          <h3 className="subhead">Environment</h3>
          <KeyValues pairs={Object.entries(request.env)} />
        </>
      )}
    </Section>
  );
}
