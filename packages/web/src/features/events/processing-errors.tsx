import type { IssueEvent } from '../../api/index.js';
import { Section } from './key-values.js';

/**
 * What processing could not do for this event (Sentry's `errors`): a source map that was not
 * found, a value trimmed to a limit. Shown so people know why a frame stayed minified.
 */
export function ProcessingErrors({ errors }: { errors: NonNullable<IssueEvent['errors']> }) {
  if (errors.length === 0) return null;
  return (
    <Section title="Processing notes" id="processing-errors-title">
      <ul className="processing-errors">
        {errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes have no identity and never reorder
          <li key={i}>
            <code>{e.type}</code> {e.message}
            {typeof e.data?.name === 'string' && e.data.name !== '' ? <span className="faint"> ({e.data.name})</span> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
