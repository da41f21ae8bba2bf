import { useId, useMemo, useState } from 'react';
import type { Breadcrumb } from '../../../api/index.js';
import { formatExact, parseDate } from '../../../ui/relative-time.js';
import { type BreadcrumbFilter, categoriesOf, crumbCategory, crumbLevel, filterBreadcrumbs, timeBefore } from './filter-breadcrumbs.js';

const LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'];
const INITIAL = 15;

function CrumbData({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return null;
  return (
    <dl className="crumb-data">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What happened before the error, newest first (the last action is next to the error):
 * category, level, message, data and time before the event; filter by text, level and category.
 */
export function BreadcrumbsSection({ crumbs, eventTime }: { crumbs: readonly Breadcrumb[]; eventTime: string | null }) {
  const id = useId();
  const [filter, setFilter] = useState<BreadcrumbFilter>({ text: '', levels: new Set(), category: '' });
  const [showAll, setShowAll] = useState(false);
  const categories = useMemo(() => categoriesOf(crumbs), [crumbs]);
  const shown = useMemo(() => filterBreadcrumbs(crumbs, filter).reverse(), [crumbs, filter]);
  const visible = showAll ? shown : shown.slice(0, INITIAL);

  function toggleLevel(level: string) {
    setFilter((f) => {
      const levels = new Set(f.levels);
      if (levels.has(level)) levels.delete(level);
      else levels.add(level);
      return { ...f, levels };
    });
  }

  return (
    <section className="event-section" aria-labelledby={`${id}-title`}>
      <header className="section-head">
        <h2 id={`${id}-title`}>Breadcrumbs</h2>
        <span className="faint">{shown.length === crumbs.length ? crumbs.length : `${shown.length} of ${crumbs.length}`}</span>
        <span className="spacer" />
        <input
          type="search"
          className="crumb-search"
          placeholder="Search breadcrumbs"
          aria-label="Search breadcrumbs"
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        />
        <select aria-label="Breadcrumb category" value={filter.category} onChange={(e) => setFilter((f) => ({ ...f, category: e.target.value }))}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </header>
      <fieldset className="level-chips fieldset-plain" aria-label="Levels">
        {LEVELS.map((l) => (
          <button key={l} type="button" className={`chip level-${l}`} aria-pressed={filter.levels.has(l)} onClick={() => toggleLevel(l)}>
            {l}
          </button>
        ))}
      </fieldset>
      {visible.length === 0 ? (
        <p className="faint">{crumbs.length === 0 ? 'No breadcrumbs were recorded.' : 'No breadcrumbs match.'}</p>
      ) : (
        <ol className="crumbs" aria-label="Breadcrumbs, most recent first">
          {visible.map(({ crumb, index }) => {
            const date = parseDate(crumb.timestamp);
            return (
              <li key={index} className={`crumb crumb-${crumbLevel(crumb)}`}>
                <span className="crumb-category">{crumbCategory(crumb)}</span>
                <div className="crumb-body">
                  {crumb.message && <p className="crumb-message">{crumb.message}</p>}
                  {crumb.data && <CrumbData data={crumb.data} />}
                </div>
                <span className={`level level-${crumbLevel(crumb)} crumb-level`}>{crumbLevel(crumb)}</span>
                <span className="crumb-time faint" title={date ? formatExact(date) : undefined}>
                  {timeBefore(crumb.timestamp, eventTime)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {!showAll && shown.length > INITIAL && (
        <button type="button" className="btn btn-small" onClick={() => setShowAll(true)}>
          Show {shown.length - INITIAL} older
        </button>
      )}
    </section>
  );
}
