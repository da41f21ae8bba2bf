import { useId } from 'react';

/** A list of strings edited as one entry per line. */
export function ListField({ label, hint, value, onChange }: { label: string; hint: string; value: readonly string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
      <textarea
        id={id}
        rows={Math.max(3, value.length + 1)}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        value={value.join('\n')}
        onChange={(e) => onChange(e.target.value.split('\n'))}
      />
    </div>
  );
}

export function Toggle({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="checkbox-row toggle-row">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="toggle-label">{label}</span>
        {hint && <span className="field-hint"> — {hint}</span>}
      </span>
    </label>
  );
}
