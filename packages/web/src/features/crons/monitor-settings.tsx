import { useState } from 'react';
import { type Monitor, type MonitorUpdate, useAction } from '../../api/index.js';
import { InlineError } from '../../ui/states.js';
import { FieldMessage } from '../alerts/field-message.js';
import { TextField } from '../alerts/text-field.js';
import { type FormField, formOf, INTERVAL_UNITS, type MonitorForm, updateOf } from './monitor-form.js';
import { describeSchedule } from './schedule-words.js';

/** Time zones the browser knows, offered while typing; the server checks the name. */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

/**
 * The monitor's schedule and thresholds. Saving sends only `config` in a PUT, whose keys merge
 * into the stored config (Sentry API "Update a Monitor").
 */
export function MonitorSettings({ monitor, save }: { monitor: Monitor; save: (body: MonitorUpdate) => Promise<unknown> }) {
  const [form, setForm] = useState<MonitorForm>(() => formOf(monitor.config));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [saved, setSaved] = useState(false);
  const action = useAction(async (body: MonitorUpdate) => {
    await save(body);
    return true;
  });
  const set = (patch: Partial<MonitorForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };
  const preview =
    form.scheduleType === 'crontab'
      ? describeSchedule({ schedule_type: 'crontab', schedule: form.crontab, timezone: form.timezone })
      : describeSchedule({ schedule_type: 'interval', schedule: [Number(form.intervalValue) || 1, form.intervalUnit] });
  return (
    <form
      className="cron-settings"
      aria-label="Monitor settings"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = updateOf(form);
        setErrors(result.ok ? {} : result.errors);
        if (!result.ok) return;
        setSaved((await action.run(result.body)) === true);
      }}
    >
      <fieldset className="cron-fieldset">
        <legend>Schedule</legend>
        <div className="field">
          <label htmlFor="cron-schedule-type">Schedule type</label>
          <select
            id="cron-schedule-type"
            value={form.scheduleType}
            onChange={(e) => set({ scheduleType: e.target.value === 'interval' ? 'interval' : 'crontab' })}
          >
            <option value="crontab">Crontab</option>
            <option value="interval">Interval</option>
          </select>
        </div>
        {form.scheduleType === 'crontab' ? (
          <TextField
            id="cron-crontab"
            label="Crontab"
            placeholder="0 2 * * *"
            value={form.crontab}
            onChange={(crontab) => set({ crontab })}
            error={errors.crontab}
            hint={preview}
          />
        ) : (
          <div className="field">
            <label htmlFor="cron-interval">Every</label>
            <div className="cron-interval">
              <input
                id="cron-interval"
                className="input-narrow"
                inputMode="numeric"
                value={form.intervalValue}
                onChange={(e) => set({ intervalValue: e.target.value })}
                aria-invalid={errors.intervalValue ? true : undefined}
              />
              <select
                aria-label="Interval unit"
                value={form.intervalUnit}
                onChange={(e) => set({ intervalUnit: e.target.value as MonitorForm['intervalUnit'] })}
              >
                {INTERVAL_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}s
                  </option>
                ))}
              </select>
            </div>
            <span className="field-hint">{preview}</span>
            <FieldMessage id="cron-interval-error" message={errors.intervalValue} />
          </div>
        )}
        <div className="field">
          <label htmlFor="cron-timezone">Time zone</label>
          <input id="cron-timezone" type="text" list="cron-zones" value={form.timezone} onChange={(e) => set({ timezone: e.target.value })} />
          <datalist id="cron-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <fieldset className="cron-fieldset">
        <legend>Thresholds</legend>
        <TextField
          id="cron-margin"
          placeholder="1"
          label="Grace period (minutes)"
          numeric
          narrow
          value={form.checkinMargin}
          onChange={(checkinMargin) => set({ checkinMargin })}
          error={errors.checkinMargin}
          hint="How late a check-in may arrive before the run counts as missed."
        />
        <TextField
          id="cron-max-runtime"
          placeholder="30"
          label="Max runtime (minutes)"
          numeric
          narrow
          value={form.maxRuntime}
          onChange={(maxRuntime) => set({ maxRuntime })}
          error={errors.maxRuntime}
          hint="How long a run may stay in progress before it counts as timed out."
        />
        <TextField
          id="cron-failure-threshold"
          placeholder="1"
          label="Failure tolerance (check-ins)"
          numeric
          narrow
          value={form.failureThreshold}
          onChange={(failureThreshold) => set({ failureThreshold })}
          error={errors.failureThreshold}
          hint="Consecutive failed runs before an incident opens."
        />
        <TextField
          id="cron-recovery-threshold"
          placeholder="1"
          label="Recovery tolerance (check-ins)"
          numeric
          narrow
          value={form.recoveryThreshold}
          onChange={(recoveryThreshold) => set({ recoveryThreshold })}
          error={errors.recoveryThreshold}
          hint="Consecutive successful runs before the incident resolves."
        />
      </fieldset>
      <InlineError error={action.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>
          {action.pending ? 'Saving…' : 'Save settings'}
        </button>
        {saved && !action.pending && !action.error && (
          <span className="muted" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
