import { isValidGlob, parseFlagListSettings } from '../../kernel/index.js';

/**
 * Per-project inbound filter settings (Sentry's "Inbound Filters" page). Defaults follow what
 * Sentry enables for a new project (set_default_inbound_filters): browser extensions, legacy
 * browsers, web crawlers and health-check transactions on; localhost off (developers often
 * want their local errors); no message or release globs.
 */
export interface InboundFilterSettings {
  /** Errors caused by browser extensions and injected third-party scripts. */
  readonly browserExtensions: boolean;
  /** Events from 127.0.0.1/::1 users or localhost/file: page URLs. */
  readonly localhost: boolean;
  /** Browsers too old to support (thresholds in legacy-browsers.ts). */
  readonly legacyBrowsers: boolean;
  /** Search engines, link previews, uptime bots. */
  readonly webCrawlers: boolean;
  /** Transactions named like health checks (`GET /health`, `/ping`, `/readyz`, `healthcheck`…). */
  readonly healthChecks: boolean;
  /** Globs (case-insensitive) against the message and each exception's `Type: value` and value. */
  readonly errorMessages: readonly string[];
  /** Globs (case-insensitive) against the release. */
  readonly releases: readonly string[];
}

export const DEFAULT_INBOUND_FILTER_SETTINGS: InboundFilterSettings = Object.freeze({
  browserExtensions: true,
  localhost: false,
  legacyBrowsers: true,
  webCrawlers: true,
  healthChecks: true,
  errorMessages: Object.freeze([]) as readonly string[],
  releases: Object.freeze([]) as readonly string[],
});

export type InboundFilterSettingsResult = { readonly ok: true; readonly settings: InboundFilterSettings } | { readonly ok: false; readonly reason: string };

export const MAX_FILTER_PATTERNS = 100;
export const MAX_FILTER_PATTERN_LENGTH = 200;

/**
 * Validates settings from the API or storage. Missing keys take the defaults (`null`/
 * `undefined` input means all defaults); unknown keys and wrong types are errors, all
 * reported at once. Patterns are trimmed, empty ones dropped, duplicates removed.
 */
export function parseInboundFilterSettings(input: unknown): InboundFilterSettingsResult {
  return parseFlagListSettings(input, {
    label: 'inbound filter settings',
    defaults: DEFAULT_INBOUND_FILTER_SETTINGS,
    flags: ['browserExtensions', 'localhost', 'legacyBrowsers', 'webCrawlers', 'healthChecks'],
    lists: ['errorMessages', 'releases'],
    noun: 'patterns',
    maxItems: MAX_FILTER_PATTERNS,
    maxItemLength: MAX_FILTER_PATTERN_LENGTH,
    invalid: { test: isValidGlob, message: (key, n) => `${key} has ${n} pattern(s) with an invalid [...] class` },
  });
}
