import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A button that opens a list of actions (ARIA menu button): arrow keys move,
 * Escape or a click outside closes, focus returns to the button.
 */
export function Menu({
  label,
  buttonLabel,
  children,
  align = 'left',
  className = 'btn',
  disabled = false,
}: {
  label: ReactNode;
  /** Accessible name when `label` is not plain text. */
  buttonLabel?: string;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  className?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
    // Keyboard shortcuts of the page must not fire while a menu has focus.
    e.stopPropagation();
  }

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={buttonLabel}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={id} role="menu" tabIndex={-1} className={`menu-list${align === 'right' ? ' align-right' : ''}`} onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      )}
    </div>
  );
}

/** An action; with `checked` it is one choice of a set (theme, organization). */
export function MenuItem({ onSelect, children, checked }: { onSelect?: () => void; children: ReactNode; checked?: boolean }) {
  if (checked === undefined) {
    return (
      <button role="menuitem" type="button" className="menu-item" tabIndex={-1} onClick={onSelect}>
        {children}
      </button>
    );
  }
  return (
    <button role="menuitemradio" type="button" className="menu-item" tabIndex={-1} aria-checked={checked} onClick={onSelect}>
      {children}
    </button>
  );
}

export function MenuHeading({ children }: { children: ReactNode }) {
  return <div className="menu-heading">{children}</div>;
}

export function MenuSeparator() {
  return <hr className="menu-sep" />;
}
