import { errorFor } from './field-errors.js';
import { FieldMessage } from './field-message.js';
import { type FilterRow, newFilter } from './issue-rule-form.js';
import { AGE_UNITS, CATEGORIES, FILTER_LABELS, type FilterKind, LEVELS, TAG_MATCHES } from './rule-ids.js';

function FilterFields({ row, index, set }: { row: FilterRow; index: number; set: (patch: Partial<FilterRow>) => void }) {
  const n = index + 1;
  switch (row.kind) {
    case 'level':
      return (
        <>
          <select aria-label={`Filter ${n}: level comparison`} value={row.match} onChange={(e) => set({ match: e.target.value })}>
            <option value="gte">at least</option>
            <option value="eq">exactly</option>
            <option value="lte">at most</option>
          </select>
          <select aria-label={`Filter ${n}: level`} value={row.value} onChange={(e) => set({ value: e.target.value })}>
            {LEVELS.map(([name, number]) => (
              <option key={number} value={number}>
                {name}
              </option>
            ))}
          </select>
        </>
      );
    case 'tagged':
      return (
        <>
          <input type="text" aria-label={`Filter ${n}: tag`} placeholder="tag, e.g. url" value={row.tagKey} onChange={(e) => set({ tagKey: e.target.value })} />
          <select aria-label={`Filter ${n}: tag comparison`} value={row.match} onChange={(e) => set({ match: e.target.value })}>
            {TAG_MATCHES.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
          {row.match !== 'is' && row.match !== 'ns' && (
            <input
              type="text"
              aria-label={`Filter ${n}: tag value`}
              placeholder={row.match === 'glob' ? '*/checkout/*' : 'value'}
              value={row.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          )}
        </>
      );
    case 'age':
      return (
        <>
          <select
            aria-label={`Filter ${n}: age comparison`}
            value={row.ageComparison}
            onChange={(e) => set({ ageComparison: e.target.value as 'older' | 'newer' })}
          >
            <option value="newer">newer than</option>
            <option value="older">older than</option>
          </select>
          <input
            type="text"
            inputMode="numeric"
            className="input-narrow"
            aria-label={`Filter ${n}: age`}
            value={row.value}
            onChange={(e) => set({ value: e.target.value })}
          />
          <select aria-label={`Filter ${n}: age unit`} value={row.ageUnit} onChange={(e) => set({ ageUnit: e.target.value })}>
            {AGE_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}s
              </option>
            ))}
          </select>
        </>
      );
    case 'issueCategory':
      return (
        <select aria-label={`Filter ${n}: category`} value={row.value} onChange={(e) => set({ value: e.target.value })}>
          {CATEGORIES.map(([number, label]) => (
            <option key={number} value={number}>
              {label}
            </option>
          ))}
        </select>
      );
    default:
      return null;
  }
}

/** The rule's filters ("which"): level, tag, age, release and category rows. */
export function FilterRows({ rows, onChange, detail }: { rows: FilterRow[]; onChange: (rows: FilterRow[]) => void; detail: string | undefined }) {
  const set = (i: number, patch: Partial<FilterRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.length === 0 && <p className="field-hint">No filters: every issue qualifies.</p>}
      <ol className="rule-rows">
        {rows.map((row, i) => {
          const message = errorFor(detail, `filters.${i}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <li key={i} className="rule-row">
              <select
                aria-label={`Filter ${i + 1}`}
                value={row.kind}
                onChange={(e) => onChange(rows.map((r, j) => (j === i ? newFilter(e.target.value as FilterKind) : r)))}
              >
                {(Object.keys(FILTER_LABELS) as FilterKind[]).map((k) => (
                  <option key={k} value={k}>
                    {FILTER_LABELS[k]}
                  </option>
                ))}
              </select>
              <FilterFields row={row} index={i} set={(patch) => set(i, patch)} />
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove filter ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              <FieldMessage id={`filter-${i}-error`} message={message} />
            </li>
          );
        })}
      </ol>
      <FieldMessage id="filters-error" message={errorFor(detail, 'filters')} />
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, newFilter('level')])}>
        Add filter
      </button>
    </>
  );
}
