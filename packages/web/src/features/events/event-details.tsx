import { useState } from 'react';
import { Link } from 'react-router';
import type { IssueEvent } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { tagTerm } from '../issues/search/query-edit.js';
import { display, KeyValues, Section } from './key-values.js';

/** The event's own tags; each links to the issues that share it. */
export function EventTags({ event, listHref }: { event: IssueEvent; listHref: (query: string) => string }) {
  if (event.tags.length === 0) return null;
  return (
    <Section title="Tags" id="event-tags-title">
      <ul className="tag-pills">
        {event.tags.map((t) => (
          <li key={`${t.key}=${t.value}`}>
            <Link to={listHref(tagTerm(t.key, t.value))} className="tag-pill" title="Issues with this tag">
              <span className="tag-key">{t.key}</span>
              <span className="tag-value">{t.value}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ExtraSection({ extra }: { extra: Record<string, unknown> }) {
  const pairs = Object.entries(extra);
  if (pairs.length === 0) return null;
  return (
    <Section title="Additional data" id="extra-title">
      <KeyValues pairs={pairs} />
    </Section>
  );
}

/** The event as JSON, rendered only when opened (it can be large). */
export function RawJson({ event }: { event: IssueEvent }) {
  const [open, setOpen] = useState(false);
  const json = open ? display(event) : '';
  return (
    <Section
      title="Raw event JSON"
      id="raw-title"
      aside={
        <>
          {open && <CopyButton text={json} label="Copy JSON" />}
          <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide' : 'Show'}
          </button>
        </>
      }
    >
      {open && <pre className="code raw-json">{json}</pre>}
    </Section>
  );
}
