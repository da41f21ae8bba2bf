import { useEffect, useRef } from 'react';

export interface ListKeyHandlers {
  count: number;
  focused: number;
  setFocused: (i: number) => void;
  open: (i: number) => void;
  resolve: (i: number) => void;
  toggle: (i: number) => void;
}

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('[role="menu"]') !== null;
}

/**
 * List shortcuts, as in mail clients: j/k (or ↓/↑ when no control has focus) move, Enter or o opens,
 * e resolves, x selects, / focuses the search.
 */
export function useListKeys(handlers: ListKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || typingInField(e.target)) return;
      const h = ref.current;
      if (e.key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('.search-bar input')?.focus();
        return;
      }
      if (h.count === 0) return;
      const onRow = h.focused >= 0 && h.focused < h.count;
      if (e.key === 'j' || (e.key === 'ArrowDown' && !(e.target instanceof HTMLButtonElement))) {
        e.preventDefault();
        h.setFocused(Math.min(h.count - 1, h.focused + 1));
      } else if (e.key === 'k' || (e.key === 'ArrowUp' && !(e.target instanceof HTMLButtonElement))) {
        e.preventDefault();
        h.setFocused(Math.max(0, h.focused - 1));
      } else if ((e.key === 'Enter' || e.key === 'o') && onRow && !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        h.open(h.focused);
      } else if (e.key === 'e' && onRow) {
        e.preventDefault();
        h.resolve(h.focused);
      } else if (e.key === 'x' && onRow) {
        e.preventDefault();
        h.toggle(h.focused);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
