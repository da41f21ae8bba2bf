import { allowedDomainsOf, parseAllowedDomains } from '../kernel/index.js';
import type { RuleSyntaxError } from '../process/index.js';
import { DEFAULT_HEALTH_THRESHOLDS, parseHealthThresholds } from './health-thresholds.js';
import type { SettingsRules } from './settings-rules.js';
import type { Project } from './store/projects.js';

/**
 * A project's processing settings as the API shows and accepts them. Stored in
 * `projects.settings` under `inboundFilters`, `scrubbing`, `grouping: {fingerprintRules,
 * stackRules}`, `retentionDays`, `replayRetentionDays` (docs/replays.md › Retention), `logRetentionDays`
 * (docs/logs.md › Retention), `healthThresholds` (the release-health colours of the web UI) and
 * `allowedDomains` (docs/ingest.md › Allowed domains), validated by the same parsers the pipeline and the
 * retention job read them with. Sentry's own field names (`fingerprintingRules`,
 * `groupingEnhancements`, `dataScrubber`, `scrubIPAddresses`, `sensitiveFields`, `safeFields`)
 * are accepted and shown too.
 */
export function projectSettingsJson(rules: SettingsRules, project: Project) {
  const { parseInboundFilterSettings, parseScrubSettings, readGroupingText, parseRetentionDays } = rules;
  const s = project.settings;
  const filters = parseInboundFilterSettings(s.inboundFilters);
  const scrub = parseScrubSettings(s.scrubbing);
  const text = readGroupingText(s.grouping);
  const grouping = {
    fingerprintRules: (text.ok ? text.text.fingerprintRules : undefined) ?? '',
    stackRules: (text.ok ? text.text.stackRules : undefined) ?? '',
  };
  const retention = parseRetentionDays(s.retentionDays);
  const replayRetention = parseRetentionDays(s.replayRetentionDays);
  const logRetention = parseRetentionDays(s.logRetentionDays);
  const thresholds = parseHealthThresholds(s.healthThresholds);
  // A part that does not validate (a hand-edited row) shows as null: the pipeline uses its defaults.
  const scrubbingSettings = scrub.ok ? scrub.settings : null;
  return {
    inboundFilters: filters.ok ? filters.settings : null,
    scrubbing: scrubbingSettings,
    grouping,
    retentionDays: retention.ok ? retention.days : null,
    replayRetentionDays: replayRetention.ok ? replayRetention.days : null,
    logRetentionDays: logRetention.ok ? logRetention.days : null,
    healthThresholds: thresholds.ok ? thresholds.thresholds : DEFAULT_HEALTH_THRESHOLDS,
    fingerprintingRules: grouping.fingerprintRules,
    groupingEnhancements: grouping.stackRules,
    dataScrubber: scrubbingSettings?.enabled ?? true,
    dataScrubberDefaults: scrubbingSettings?.enabled ?? true,
    scrubIPAddresses: scrubbingSettings?.scrubIpAddresses ?? false,
    sensitiveFields: scrubbingSettings?.sensitiveFields ?? [],
    safeFields: scrubbingSettings?.safeFields ?? [],
    // Sentry's Allowed Domains (docs/ingest.md › Allowed domains): every origin unless narrowed.
    allowedDomains: allowedDomainsOf(s),
  };
}

export type SettingsErrors = Record<string, (string | RuleSyntaxError)[]>;

export type SettingsUpdate = { readonly ok: true; readonly settings: Record<string, unknown> } | { readonly ok: false; readonly errors: SettingsErrors };

const SENTRY_SCRUB_ALIASES: Readonly<Record<string, string>> = {
  dataScrubber: 'enabled',
  scrubIPAddresses: 'scrubIpAddresses',
  sensitiveFields: 'sensitiveFields',
  safeFields: 'safeFields',
};
const SETTINGS_KEYS = [
  'inboundFilters',
  'scrubbing',
  'grouping',
  'retentionDays',
  'replayRetentionDays',
  'logRetentionDays',
  'healthThresholds',
  'fingerprintingRules',
  'groupingEnhancements',
  'dataScrubberDefaults',
  'allowedDomains',
];
export const SETTINGS_FIELDS = new Set([...SETTINGS_KEYS, ...Object.keys(SENTRY_SCRUB_ALIASES)]);

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Merges a PUT body's settings over the stored ones (per part, key by key) and validates every part. */
export function updateProjectSettings(rules: SettingsRules, stored: Record<string, unknown>, body: Record<string, unknown>): SettingsUpdate {
  const { parseInboundFilterSettings, parseScrubSettings, readGroupingText, compileGroupingRules, parseRetentionDays } = rules;
  const errors: SettingsErrors = {};
  const next: Record<string, unknown> = { ...stored };
  const part = (name: string, given: unknown): Record<string, unknown> | undefined => {
    if (given === undefined) return undefined;
    const o = asObject(given);
    if (!o) errors[name] = [`${name} must be an object`];
    return o;
  };

  const filters = part('inboundFilters', body.inboundFilters);
  if (filters) {
    const parsed = parseInboundFilterSettings({ ...asObject(stored.inboundFilters), ...filters });
    if (parsed.ok) next.inboundFilters = parsed.settings;
    else errors.inboundFilters = [parsed.reason];
  }

  const scrubGiven: Record<string, unknown> = { ...part('scrubbing', body.scrubbing) };
  for (const [alias, key] of Object.entries(SENTRY_SCRUB_ALIASES)) if (body[alias] !== undefined) scrubGiven[key] = body[alias];
  if (Object.keys(scrubGiven).length > 0) {
    const parsed = parseScrubSettings({ ...asObject(stored.scrubbing), ...scrubGiven });
    if (parsed.ok) next.scrubbing = parsed.settings;
    else errors.scrubbing = [parsed.reason];
  }

  const groupingGiven: Record<string, unknown> = { ...part('grouping', body.grouping) };
  if (body.fingerprintingRules !== undefined) groupingGiven.fingerprintRules = body.fingerprintingRules;
  if (body.groupingEnhancements !== undefined) groupingGiven.stackRules = body.groupingEnhancements;
  if (Object.keys(groupingGiven).length > 0) {
    const text = readGroupingText({ ...asObject(stored.grouping), ...groupingGiven });
    if (!text.ok) errors.grouping = [text.reason];
    else {
      const compiled = compileGroupingRules(text.text);
      if (compiled.ok) next.grouping = { ...text.text };
      else {
        if (compiled.fingerprintErrors.length > 0) errors.fingerprintRules = [...compiled.fingerprintErrors];
        if (compiled.stackErrors.length > 0) errors.stackRules = [...compiled.stackErrors];
      }
    }
  }

  if (body.retentionDays !== undefined) {
    const parsed = parseRetentionDays(body.retentionDays);
    if (!parsed.ok) errors.retentionDays = [parsed.reason];
    else if (parsed.days === null) delete next.retentionDays;
    else next.retentionDays = parsed.days;
  }
  // Session replay's own period (docs/replays.md › Retention), validated like retentionDays.
  if (body.replayRetentionDays !== undefined) {
    const parsed = parseRetentionDays(body.replayRetentionDays);
    if (!parsed.ok) errors.replayRetentionDays = [parsed.reason.replace('retentionDays', 'replayRetentionDays')];
    else if (parsed.days === null) delete next.replayRetentionDays;
    else next.replayRetentionDays = parsed.days;
  }
  // Logs' own period (docs/logs.md › Retention), validated like retentionDays.
  if (body.logRetentionDays !== undefined) {
    const parsed = parseRetentionDays(body.logRetentionDays);
    if (!parsed.ok) errors.logRetentionDays = [parsed.reason.replace('retentionDays', 'logRetentionDays')];
    else if (parsed.days === null) delete next.logRetentionDays;
    else next.logRetentionDays = parsed.days;
  }
  if (body.allowedDomains !== undefined) {
    const parsed = parseAllowedDomains(body.allowedDomains);
    if (!parsed.ok) errors.allowedDomains = [parsed.reason];
    // The default is not stored: a project that never narrowed the list follows it.
    else if (parsed.domains.length === 1 && parsed.domains[0] === '*') delete next.allowedDomains;
    else next.allowedDomains = parsed.domains;
  }
  if (body.healthThresholds === null) delete next.healthThresholds;
  else if (body.healthThresholds !== undefined) {
    // A partial object is merged over what is saved; anything else is refused by the parser.
    const given = asObject(body.healthThresholds);
    const parsed = parseHealthThresholds(given ? { ...asObject(stored.healthThresholds), ...given } : body.healthThresholds);
    if (parsed.ok) next.healthThresholds = parsed.thresholds;
    else errors.healthThresholds = [parsed.reason];
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: next };
}
