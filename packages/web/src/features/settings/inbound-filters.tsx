import { ListField, Toggle } from './list-field.js';
import { SettingsForm, type SettingsSource } from './settings-form.js';
import type { InboundFilters } from './settings-types.js';

export function InboundFiltersEditor({ source }: { source: SettingsSource<InboundFilters> }) {
  return (
    <SettingsForm
      title="Inbound filters"
      intro="Events these filters match are dropped on arrival and counted as filtered; they never become issues."
      source={source}
    >
      {(d, set) => (
        <>
          <Toggle
            label="Browser extensions"
            hint="errors caused by extensions and injected scripts"
            checked={d.browserExtensions}
            onChange={(v) => set({ ...d, browserExtensions: v })}
          />
          <Toggle
            label="Localhost"
            hint="events from 127.0.0.1, ::1, localhost or file: pages"
            checked={d.localhost}
            onChange={(v) => set({ ...d, localhost: v })}
          />
          <Toggle label="Legacy browsers" hint="browsers too old to support" checked={d.legacyBrowsers} onChange={(v) => set({ ...d, legacyBrowsers: v })} />
          <Toggle
            label="Web crawlers"
            hint="search engines, link previews, uptime bots"
            checked={d.webCrawlers}
            onChange={(v) => set({ ...d, webCrawlers: v })}
          />
          <Toggle
            label="Health checks"
            hint="transactions such as GET /health, /ping, /readyz"
            checked={d.healthChecks}
            onChange={(v) => set({ ...d, healthChecks: v })}
          />
          <ListField
            label="Error messages"
            hint="One glob per line, case-insensitive, matched against the message and “Type: value”, e.g. *ResizeObserver loop*"
            value={d.errorMessages}
            onChange={(v) => set({ ...d, errorMessages: v })}
          />
          <ListField label="Releases" hint="One glob per line, e.g. *-dev or 0.9.*" value={d.releases} onChange={(v) => set({ ...d, releases: v })} />
        </>
      )}
    </SettingsForm>
  );
}
