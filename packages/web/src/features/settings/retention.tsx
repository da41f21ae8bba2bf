import { SettingsForm, type SettingsSource } from './settings-form.js';
import type { Retention } from './settings-types.js';

export function RetentionEditor({ source }: { source: SettingsSource<Retention> }) {
  return (
    <SettingsForm
      title="Data retention"
      intro="Events older than this are deleted every hour. Issues and their counts stay; their older events do not."
      source={source}
    >
      {(d, set) => (
        <div className="field">
          <label htmlFor="retention-days">Keep events for (days)</label>
          <input
            id="retention-days"
            type="number"
            min={1}
            max={36500}
            style={{ width: 140 }}
            placeholder={d.defaultDays ? `${d.defaultDays} (server default)` : 'server default'}
            value={d.retentionDays ?? ''}
            onChange={(e) => set({ ...d, retentionDays: e.target.value === '' ? null : Number(e.target.value) })}
          />
          <span className="field-hint">
            Empty: the server default{d.defaultDays ? ` of ${d.defaultDays} days` : ''} (FAULTLINE_RETENTION_DAYS, 90 days unless configured).
          </span>
        </div>
      )}
    </SettingsForm>
  );
}
