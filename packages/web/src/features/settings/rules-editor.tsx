import { useId } from 'react';
import type { FieldError } from '../../api/index.js';

/**
 * A textarea for line-based rules (fingerprint and stack-trace rules) with a line-number gutter;
 * the server's line-level errors mark their lines and are listed below with line:column.
 */
export function RulesEditor({
  label,
  hint,
  value,
  onChange,
  errors,
  placeholder,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  errors: readonly FieldError[];
  placeholder: string;
}) {
  const id = useId();
  const lines = Math.max(value.split('\n').length, 6);
  const bad = new Set(errors.map((e) => e.line).filter((l): l is number => typeof l === 'number'));
  return (
    <div className="field rules-editor">
      <label htmlFor={id}>{label}</label>
      <span className="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
      <div className={`rules-box${errors.length > 0 ? ' has-errors' : ''}`}>
        <div className="rules-gutter" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => i + 1).map((n) => (
            <div key={n} className={bad.has(n) ? 'bad' : undefined}>
              {n}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          rows={lines}
          spellCheck={false}
          wrap="off"
          value={value}
          placeholder={placeholder}
          aria-invalid={errors.length > 0}
          aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-errors` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {errors.length > 0 && (
        <ul className="rules-errors" id={`${id}-errors`} role="alert">
          {errors.map((e) => (
            <li key={`${e.line}:${e.column}:${e.message}`}>
              {e.line !== undefined && (
                <span className="mono">
                  line {e.line}
                  {e.column !== undefined ? `:${e.column}` : ''}
                </span>
              )}{' '}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
