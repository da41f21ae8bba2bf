import { errorFor } from './field-errors.js';
import { FieldMessage } from './field-message.js';

/** Runbook link and triage notes: both travel in every message the rule sends. */
export function RuleNotesFields({
  runbookUrl,
  triageNotes,
  onChange,
  detail,
}: {
  runbookUrl: string;
  triageNotes: string;
  onChange: (patch: { runbookUrl?: string; triageNotes?: string }) => void;
  detail: string | undefined;
}) {
  const runbookError = errorFor(detail, 'runbookUrl');
  const notesError = errorFor(detail, 'triageNotes');
  return (
    <fieldset className="rule-fieldset">
      <legend>What to do</legend>
      <div className="field">
        <label htmlFor="rule-runbook">Runbook URL</label>
        <input
          id="rule-runbook"
          type="text"
          inputMode="url"
          placeholder="https://wiki.example.com/runbooks/checkout"
          value={runbookUrl}
          onChange={(e) => onChange({ runbookUrl: e.target.value })}
          aria-invalid={runbookError ? true : undefined}
          aria-describedby={runbookError ? 'rule-runbook-error' : undefined}
        />
        <FieldMessage id="rule-runbook-error" message={runbookError} />
      </div>
      <div className="field">
        <label htmlFor="rule-notes">Triage notes</label>
        <textarea
          id="rule-notes"
          rows={3}
          placeholder="What to check first"
          value={triageNotes}
          onChange={(e) => onChange({ triageNotes: e.target.value })}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? 'rule-notes-error' : undefined}
        />
        <FieldMessage id="rule-notes-error" message={notesError} />
      </div>
    </fieldset>
  );
}
