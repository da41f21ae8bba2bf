import type { KeyboardEvent } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  count?: number | string | null;
}

/** A row of tabs (ARIA tablist); arrow keys move between them. */
export function Tabs<K extends string>({
  items,
  selected,
  onSelect,
  label,
}: {
  items: readonly TabItem<K>[];
  selected: K | null;
  onSelect: (key: K) => void;
  label: string;
}) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = items.findIndex((t) => t.key === selected);
    const next = items[(i + (e.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length];
    if (next) {
      onSelect(next.key);
      const el = e.currentTarget.querySelector<HTMLButtonElement>(`[data-key="${next.key}"]`);
      el?.focus();
    }
  }
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          className="tab"
          data-key={t.key}
          aria-selected={t.key === selected}
          tabIndex={t.key === selected || (selected === null && t === items[0]) ? 0 : -1}
          onClick={() => onSelect(t.key)}
        >
          {t.label}
          {t.count !== undefined && t.count !== null && <span className="badge tab-count">{t.count}</span>}
        </button>
      ))}
    </div>
  );
}
