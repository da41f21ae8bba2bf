import type { HealthThresholds } from '../releases/health/health-rates.js';
import { SettingsForm, type SettingsSource } from './settings-form.js';

function PercentField({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: number; onChange: (v: number) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} max={100} step={0.1} style={{ width: 140 }} value={value} onChange={(e) => onChange(Number(e.target.value))} />
      <span className="field-hint">{hint}</span>
    </div>
  );
}

/** The targets the release pages colour crash-free and unhandled-free rates against (docs/release-health.md › In the web UI). */
export function HealthThresholdsEditor({ source }: { source: SettingsSource<HealthThresholds> }) {
  return (
    <SettingsForm
      title="Release health"
      intro="Crash-free and unhandled-free rates of users and sessions are green at or above the target, amber down to the warning threshold, red below it."
      source={source}
    >
      {(d, set, errors) => (
        <>
          <PercentField id="health-healthy" label="Target (%)" hint="Default 99." value={d.healthy} onChange={(healthy) => set({ ...d, healthy })} />
          <PercentField
            id="health-warning"
            label="Warning threshold (%)"
            hint="Default 97; not above the target."
            value={d.warning}
            onChange={(warning) => set({ ...d, warning })}
          />
          {(errors.healthThresholds ?? []).map((e) => (
            <p key={e.message} className="field-error">
              {e.message}
            </p>
          ))}
        </>
      )}
    </SettingsForm>
  );
}
