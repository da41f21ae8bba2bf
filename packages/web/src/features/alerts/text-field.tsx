import type { ReactNode } from 'react';
import { FieldMessage } from './field-message.js';

/** A labelled text input with its hint and the server's message for it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  numeric = false,
  narrow = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  hint?: ReactNode;
  placeholder?: string;
  numeric?: boolean;
  narrow?: boolean;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className={narrow ? 'input-narrow' : undefined}
        {...(numeric ? { inputMode: 'decimal' as const } : {})}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
