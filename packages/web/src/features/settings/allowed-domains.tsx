import { ListField } from './list-field.js';
import { SettingsForm, type SettingsSource } from './settings-form.js';

/** Sentry's Allowed Domains: which web pages may send events with the project's public DSN (docs/ingest.md › Allowed domains). */
export function AllowedDomainsEditor({ source }: { source: SettingsSource<string[]> }) {
  return (
    <SettingsForm
      title="Allowed domains"
      intro="Browser pages outside this list are refused when they send events or open the crash-report dialog with this project's DSN. Server SDKs, which send no Origin, are never refused."
      source={source}
    >
      {(d, set, errors) => (
        <>
          <ListField
            label="Domains"
            hint="One per line: * for every page, shop.example, *.shop.example for its subdomains, https://shop.example, localhost:5173"
            value={d}
            onChange={set}
          />
          {(errors.allowedDomains ?? []).map((e) => (
            <p key={e.message} className="field-error">
              {e.message}
            </p>
          ))}
        </>
      )}
    </SettingsForm>
  );
}
