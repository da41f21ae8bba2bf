import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { applySuggestion, type KnownTag, type Suggestions, suggestSearch, valueContext } from './suggest-search.js';

/**
 * The issue search input (ARIA combobox): suggests keys and values at the cursor as you type.
 * ↑/↓ choose, Enter or Tab take a suggestion, Enter without one searches, Escape closes.
 */
export function SearchBar({
  value,
  onSearch,
  tags,
  error,
  onValueContext,
}: {
  value: string;
  onSearch: (q: string) => void;
  tags: readonly KnownTag[];
  error?: string | undefined;
  /** told which tag value is being typed (null: none), so the page can fetch matching values */
  onValueContext?: ((context: { key: string; typed: string } | null) => void) | undefined;
}) {
  const [text, setText] = useState(value);
  const [cursor, setCursor] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const pendingCursor = useRef<number | null>(null);
  const id = useId();

  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (pendingCursor.current !== null && input.current) {
      input.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
      pendingCursor.current = null;
    }
  });

  const context = open ? valueContext(text, cursor) : null;
  const contextKey = context ? `${context.key}\u0000${context.typed}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `contextKey` stands for `context`, which is new on every render
  useEffect(() => onValueContext?.(context), [contextKey, onValueContext]);

  const suggestions: Suggestions = useMemo(() => suggestSearch(text, cursor, tags), [text, cursor, tags]);
  const shown = open && suggestions.items.length > 0;

  function track(next: string, at: number | null) {
    setText(next);
    setCursor(at ?? next.length);
    setActive(-1);
    setOpen(true);
  }

  function take(i: number) {
    const item = suggestions.items[i];
    if (!item) return;
    const next = applySuggestion(text, suggestions, item);
    pendingCursor.current = next.cursor;
    track(next.query, next.cursor);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && shown) {
      e.preventDefault();
      setActive((a) => (a + 1) % suggestions.items.length);
    } else if (e.key === 'ArrowUp' && shown) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? suggestions.items.length - 1 : a - 1));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && shown && active >= 0) {
      e.preventDefault();
      take(active);
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        setOpen(false);
      } else input.current?.blur();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setOpen(false);
    onSearch(text.trim());
  }

  const listId = `${id}-suggestions`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for every screen reader this must work with
    <form className="search-bar" role="search" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Search issues
      </label>
      <svg className="search-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M11 11l4 4" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="is:unresolved level:error release:1.2.0 text to find"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={text}
        onChange={(e) => track(e.target.value, e.target.selectionStart)}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? text.length)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Search suggestions" className="suggestions" hidden={!shown}>
        {shown &&
          suggestions.items.map((s, i) => (
            <div
              key={`${s.kind}-${s.insert}`}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={`suggestion suggestion-${s.kind}`}
              // mousedown, not click: a click would blur the input first and close the list
              onMouseDown={(e) => {
                e.preventDefault();
                take(i);
              }}
            >
              <span className="suggestion-label">{s.label}</span>
              {s.description && <span className="suggestion-note">{s.description}</span>}
            </div>
          ))}
      </div>
      {error && (
        <p className="search-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
