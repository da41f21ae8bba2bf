import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError, type FieldError } from '../../api/index.js';
import { ErrorState, Loading } from '../../ui/states.js';

export interface SettingsSource<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  reload(): void;
  /** Saves; rejects with an ApiError whose fieldErrors carry line-level problems. */
  save(value: T): Promise<T>;
}

/**
 * Load → edit a draft → save, for one settings section. Keeps the draft on a failed save and
 * hands the server's per-field errors to the editor.
 */
export function SettingsForm<T>({
  title,
  intro,
  source,
  children,
}: {
  title: string;
  intro: ReactNode;
  source: SettingsSource<T>;
  children: (draft: T, setDraft: (t: T) => void, errors: Readonly<Record<string, readonly FieldError[]>>) => ReactNode;
}) {
  const [draft, setDraft] = useState<T | undefined>(source.data);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (source.data !== undefined) setDraft(source.data);
  }, [source.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (draft === undefined) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      setDraft(await source.save(draft));
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setSaving(false);
    }
  }

  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p>{intro}</p>
      {source.error && <ErrorState error={source.error} onRetry={source.reload} />}
      {draft === undefined && !source.error && <Loading />}
      {draft !== undefined && (
        <form className="card card-body" onSubmit={submit} onChange={() => setSaved(false)}>
          {children(draft, setDraft, error?.fieldErrors ?? {})}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <span role="status" aria-live="polite">
              {saved && <span className="saved">Saved</span>}
            </span>
          </div>
          {error && (
            <p className="alert" role="alert">
              {error.detail}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
