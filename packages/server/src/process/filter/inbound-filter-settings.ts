import { isValidGlob } from './glob.js';

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

const BOOLEAN_KEYS = ['browserExtensions', 'localhost', 'legacyBrowsers', 'webCrawlers', 'healthChecks'] as const;
const LIST_KEYS = ['errorMessages', 'releases'] as const;
const KNOWN_KEYS = new Set<string>([...BOOLEAN_KEYS, ...LIST_KEYS]);
export const MAX_FILTER_PATTERNS = 100;
export const MAX_FILTER_PATTERN_LENGTH = 200;

/**
 * Validates settings from the API or storage. Missing keys take the defaults (`null`/
 * `undefined` input means all defaults); unknown keys and wrong types are errors, all
 * reported at once. Patterns are trimmed, empty ones dropped, duplicates removed.
 */
export function parseInboundFilterSettings(input: unknown): InboundFilterSettingsResult {
  if (input === undefined || input === null) return { ok: true, settings: DEFAULT_INBOUND_FILTER_SETTINGS };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: 'inbound filter settings must be an object' };
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) problems.push(`unknown setting "${key.slice(0, 64)}"`);
  const settings: Record<string, unknown> = { ...DEFAULT_INBOUND_FILTER_SETTINGS };
  for (const key of BOOLEAN_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(`${key} must be true or false`);
  }
  for (const key of LIST_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const list = parsePatterns(value, key, problems);
    if (list !== undefined) settings[key] = list;
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, settings: Object.freeze(settings) as unknown as InboundFilterSettings };
}

function parsePatterns(value: unknown, key: string, problems: string[]): readonly string[] | undefined {
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
    problems.push(`${key} must be a list of strings`);
    return undefined;
  }
  const patterns = [...new Set(value.map((p: string) => p.trim()).filter((p) => p !== ''))];
  if (patterns.length > MAX_FILTER_PATTERNS) problems.push(`${key} allows at most ${MAX_FILTER_PATTERNS} patterns`);
  if (patterns.some((p) => p.length > MAX_FILTER_PATTERN_LENGTH)) {
    problems.push(`${key} patterns must be at most ${MAX_FILTER_PATTERN_LENGTH} characters`);
  }
  const invalid = patterns.filter((p) => !isValidGlob(p));
  if (invalid.length > 0) problems.push(`${key} has ${invalid.length} pattern(s) with an invalid [...] class`);
  return Object.freeze(patterns);
}
