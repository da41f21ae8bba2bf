import { useCallback, useMemo } from 'react';
import { useApi, useResource } from '../../api/index.js';
import { DEFAULT_THRESHOLDS, type HealthThresholds } from '../releases/health/health-rates.js';
import { AllowedDomainsEditor } from './allowed-domains.js';
import { GroupingRulesEditor } from './grouping-rules.js';
import { HealthThresholdsEditor } from './health-thresholds.js';
import { InboundFiltersEditor } from './inbound-filters.js';
import { RetentionEditor } from './retention.js';
import { ScrubbingEditor } from './scrubbing.js';
import type { SettingsSource } from './settings-form.js';
import { cleanList, type GroupingRules, type InboundFilters, type Retention, type Scrubbing } from './settings-types.js';

export const SECTIONS: [string, string][] = [
  ['', 'Client keys (DSN)'],
  ['setup', 'SDK setup'],
  ['filters', 'Inbound filters'],
  ['security', 'Security & privacy'],
  ['grouping', 'Issue grouping'],
  ['retention', 'Data retention'],
  ['health', 'Release health'],
];

/** The project JSON with its settings (`GET|PUT /projects/{org}/{project}/`); each section reads and writes its part. */
interface ProjectSettings {
  inboundFilters: InboundFilters | null;
  scrubbing: Scrubbing | null;
  grouping: GroupingRules;
  retentionDays: number | null;
  defaultRetentionDays?: number;
  healthThresholds?: HealthThresholds;
  allowedDomains?: string[];
}

function useSection<T>(org: string, project: string, read: (s: ProjectSettings) => T, write: (t: T) => Partial<ProjectSettings>): SettingsSource<T> {
  const api = useApi();
  const path = `projects/${org}/${project}/`;
  const settings = useResource<ProjectSettings>(path);
  const data = useMemo(() => (settings.data ? read(settings.data) : undefined), [settings.data, read]);
  const save = useCallback(
    async (value: T) => {
      const { data: saved } = await api.request<ProjectSettings>(path, { method: 'PUT', body: write(value) });
      return read(saved);
    },
    [api, path, read, write],
  );
  return { data, error: settings.error, reload: settings.reload, save };
}

// A part the server cannot read (a hand-edited row) comes back null; the form then starts from the defaults.
const DEFAULT_FILTERS: InboundFilters = {
  browserExtensions: true,
  localhost: false,
  legacyBrowsers: true,
  webCrawlers: true,
  healthChecks: true,
  errorMessages: [],
  releases: [],
};
const DEFAULT_SCRUB: Scrubbing = { enabled: true, scrubIpAddresses: false, sensitiveFields: [], safeFields: [] };
const readFilters = (s: ProjectSettings) => s.inboundFilters ?? DEFAULT_FILTERS;
const writeFilters = (f: InboundFilters) => ({ inboundFilters: { ...f, errorMessages: cleanList(f.errorMessages), releases: cleanList(f.releases) } });
const readScrub = (s: ProjectSettings) => s.scrubbing ?? DEFAULT_SCRUB;
const writeScrub = (f: Scrubbing) => ({ scrubbing: { ...f, sensitiveFields: cleanList(f.sensitiveFields), safeFields: cleanList(f.safeFields) } });
const readGrouping = (s: ProjectSettings): GroupingRules => ({
  fingerprintRules: s.grouping?.fingerprintRules ?? '',
  stackRules: s.grouping?.stackRules ?? '',
});
const writeGrouping = (g: GroupingRules) => ({ grouping: g });
const readRetention = (s: ProjectSettings): Retention => ({
  retentionDays: s.retentionDays ?? null,
  ...(s.defaultRetentionDays ? { defaultDays: s.defaultRetentionDays } : {}),
});
const writeRetention = (r: Retention) => ({ retentionDays: r.retentionDays });
const readDomains = (s: ProjectSettings) => s.allowedDomains ?? ['*'];
// Blank lines are dropped; an empty list is sent as it is, so the server says why it refuses it.
const writeDomains = (d: string[]) => ({ allowedDomains: cleanList(d) });
const readHealth = (s: ProjectSettings) => s.healthThresholds ?? DEFAULT_THRESHOLDS;
const writeHealth = (t: HealthThresholds) => ({ healthThresholds: t });

function Filters({ org, project }: { org: string; project: string }) {
  return <InboundFiltersEditor source={useSection(org, project, readFilters, writeFilters)} />;
}
function Security({ org, project }: { org: string; project: string }) {
  // One grid cell of the settings layout holds both sections, one under the other.
  return (
    <div className="settings-stack">
      <ScrubbingEditor source={useSection(org, project, readScrub, writeScrub)} />
      <AllowedDomainsEditor source={useSection(org, project, readDomains, writeDomains)} />
    </div>
  );
}
function Grouping({ org, project }: { org: string; project: string }) {
  return <GroupingRulesEditor source={useSection(org, project, readGrouping, writeGrouping)} />;
}
function RetentionSection({ org, project }: { org: string; project: string }) {
  return <RetentionEditor source={useSection(org, project, readRetention, writeRetention)} />;
}

function HealthSection({ org, project }: { org: string; project: string }) {
  return <HealthThresholdsEditor source={useSection(org, project, readHealth, writeHealth)} />;
}

export function ProjectSettingsSection({ org, project, section }: { org: string; project: string; section: string }) {
  if (section === 'filters') return <Filters org={org} project={project} />;
  if (section === 'security') return <Security org={org} project={project} />;
  if (section === 'grouping') return <Grouping org={org} project={project} />;
  if (section === 'retention') return <RetentionSection org={org} project={project} />;
  if (section === 'health') return <HealthSection org={org} project={project} />;
  return null;
}
