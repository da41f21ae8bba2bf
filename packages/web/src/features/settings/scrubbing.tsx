import { ListField, Toggle } from './list-field.js';
import { SettingsForm, type SettingsSource } from './settings-form.js';
import type { Scrubbing } from './settings-types.js';

export function ScrubbingEditor({ source }: { source: SettingsSource<Scrubbing> }) {
  return (
    <SettingsForm
      title="Security & privacy"
      intro="Scrubbing runs on the server before anything is stored: passwords, tokens, card numbers, cookies and the fields you add are replaced with [Filtered]."
      source={source}
    >
      {(d, set) => (
        <>
          <Toggle
            label="Scrub data"
            hint="the default rules: sensitive keys, card numbers, bearer/basic tokens, URL passwords, cookies"
            checked={d.enabled}
            onChange={(v) => set({ ...d, enabled: v })}
          />
          <Toggle
            label="Scrub IP addresses"
            hint="also remove user IPs and IP-carrying headers (affects “users” counts by IP)"
            checked={d.scrubIpAddresses}
            onChange={(v) => set({ ...d, scrubIpAddresses: v })}
          />
          <ListField
            label="Additional sensitive fields"
            hint="One key-name fragment per line (case-insensitive), e.g. ssn or iban"
            value={d.sensitiveFields}
            onChange={(v) => set({ ...d, sensitiveFields: v })}
          />
          <ListField
            label="Safe fields"
            hint="Key names never scrubbed, nor anything below them"
            value={d.safeFields}
            onChange={(v) => set({ ...d, safeFields: v })}
          />
        </>
      )}
    </SettingsForm>
  );
}
