import { RulesEditor } from './rules-editor.js';
import { SettingsForm, type SettingsSource } from './settings-form.js';
import type { GroupingRules } from './settings-types.js';

const FINGERPRINT_EXAMPLE = `# Group all timeouts of the payment API into one issue
error.type:TimeoutError function:charge* -> payment-timeout
# Split database errors by message
error.type:DatabaseError -> {{ default }}, {{ message }}`;

const STACK_EXAMPLE = `# Our vendored SDK is not our code
path:**/vendor/** -app
# Frames of this package are ours
module:@acme/** +app`;

export function GroupingRulesEditor({ source }: { source: SettingsSource<GroupingRules> }) {
  return (
    <SettingsForm
      title="Issue grouping"
      intro="Rules are checked when you save; new events are grouped with them (existing issues stay as they are)."
      source={source}
    >
      {(d, set, errors) => (
        <>
          <RulesEditor
            label="Fingerprint rules"
            hint="matchers -> fingerprint, one rule per line. Matchers: error.type, error.value, message, function, path, module, family, tags.x…"
            placeholder={FINGERPRINT_EXAMPLE}
            value={d.fingerprintRules}
            onChange={(v) => set({ ...d, fingerprintRules: v })}
            errors={errors.fingerprintRules ?? []}
          />
          <RulesEditor
            label="Stack trace rules"
            hint="matchers then actions (+app / -app, +group / -group), one rule per line"
            placeholder={STACK_EXAMPLE}
            value={d.stackRules}
            onChange={(v) => set({ ...d, stackRules: v })}
            errors={errors.stackRules ?? []}
          />
        </>
      )}
    </SettingsForm>
  );
}
