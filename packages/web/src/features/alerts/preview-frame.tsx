import type { ReactNode } from 'react';
import { Loading } from '../../ui/states.js';
import type { Preview } from './use-rule-preview.js';

/**
 * The card both rule previews sit in: heading, a spinner while a newer form is measured, the
 * server's verdict on an invalid draft, and a loading state until the first answer.
 */
export function PreviewFrame<T>({
  titleId,
  preview,
  loadingLabel,
  children,
}: {
  titleId: string;
  preview: Preview<T>;
  loadingLabel: string;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading } = preview;
  return (
    <section className="card rule-preview" aria-labelledby={titleId} aria-busy={loading || undefined}>
      <div className="rule-preview-head">
        <h2 id={titleId}>Preview</h2>
        {loading && <span className="spinner" role="status" aria-label="Updating the preview" />}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error.status === 400 ? `Not a valid rule yet: ${error.detail}` : error.detail}
        </p>
      )}
      {data === undefined && !error && <Loading label={loadingLabel} />}
      {data !== undefined && children(data)}
    </section>
  );
}
