import { errorFor } from './field-errors.js';
import { FieldMessage } from './field-message.js';
import { newTrigger, type TriggerRow } from './issue-rule-form.js';
import { INTERVALS, TRIGGER_LABELS, type TriggerKind } from './rule-ids.js';

/** The rule's triggers ("when"): one row each; the counting ones take N and an interval. */
export function TriggerRows({ rows, onChange, detail }: { rows: TriggerRow[]; onChange: (rows: TriggerRow[]) => void; detail: string | undefined }) {
  const set = (i: number, patch: Partial<TriggerRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <ol className="rule-rows">
        {rows.map((row, i) => {
          const counting = row.kind === 'eventFrequency' || row.kind === 'userFrequency';
          const message = errorFor(detail, `conditions.${i}`);
          const errorId = `trigger-${i}-error`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <li key={i} className="rule-row">
              <select
                aria-label={`Trigger ${i + 1}`}
                value={row.kind}
                onChange={(e) => set(i, { kind: e.target.value as TriggerKind })}
                aria-describedby={message ? errorId : undefined}
              >
                {(Object.keys(TRIGGER_LABELS) as TriggerKind[]).map((k) => (
                  <option key={k} value={k}>
                    {TRIGGER_LABELS[k]}
                  </option>
                ))}
              </select>
              {counting && (
                <>
                  <label className="inline-field">
                    N
                    <input
                      type="text"
                      inputMode="numeric"
                      className="input-narrow"
                      aria-label={`Trigger ${i + 1}: more than N`}
                      value={row.value}
                      onChange={(e) => set(i, { value: e.target.value })}
                      aria-invalid={message ? true : undefined}
                    />
                  </label>
                  <label className="inline-field">
                    in
                    <select aria-label={`Trigger ${i + 1}: interval`} value={row.interval} onChange={(e) => set(i, { interval: e.target.value })}>
                      {INTERVALS.map(([key, label]) => (
                        <option key={key} value={key}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove trigger ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              <FieldMessage id={errorId} message={message} />
            </li>
          );
        })}
      </ol>
      <FieldMessage id="triggers-error" message={errorFor(detail, 'conditions')} />
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, newTrigger('eventFrequency')])}>
        Add trigger
      </button>
    </>
  );
}
