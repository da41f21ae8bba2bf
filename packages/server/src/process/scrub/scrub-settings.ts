import { parseFlagListSettings } from '../../kernel/index.js';

/**
 * Per-project data scrubbing settings (Sentry's "Security & Privacy" → Data Scrubber).
 * Scrubbing is on by default; IP addresses are kept by default (as in Sentry: they drive
 * "users affected" and the localhost filter) and scrubbed only when asked.
 */
export interface ScrubSettings {
  /** Default rules: sensitive key names, card numbers, bearer/basic tokens, URL passwords, cookies. */
  readonly enabled: boolean;
  /** Also remove the user's IP and IP-carrying fields (REMOTE_ADDR, X-Forwarded-For…). */
  readonly scrubIpAddresses: boolean;
  /** Extra key-name fragments to treat as sensitive (case-insensitive substring match). */
  readonly sensitiveFields: readonly string[];
  /** Key names never scrubbed, nor anything below them (case-insensitive exact match). */
  readonly safeFields: readonly string[];
}

export const DEFAULT_SCRUB_SETTINGS: ScrubSettings = Object.freeze({
  enabled: true,
  scrubIpAddresses: false,
  sensitiveFields: Object.freeze([]) as readonly string[],
  safeFields: Object.freeze([]) as readonly string[],
});

export type ScrubSettingsResult = { readonly ok: true; readonly settings: ScrubSettings } | { readonly ok: false; readonly reason: string };

export const MAX_SCRUB_FIELDS = 100;
export const MAX_SCRUB_FIELD_LENGTH = 100;

/**
 * Validates settings from the API or storage. Missing keys take the defaults (`null`/
 * `undefined` means all defaults); unknown keys and wrong types are errors, reported together.
 * Field names are trimmed; empty ones dropped; duplicates removed.
 */
export function parseScrubSettings(input: unknown): ScrubSettingsResult {
  return parseFlagListSettings(input, {
    label: 'scrub settings',
    defaults: DEFAULT_SCRUB_SETTINGS,
    flags: ['enabled', 'scrubIpAddresses'],
    lists: ['sensitiveFields', 'safeFields'],
    noun: 'entries',
    maxItems: MAX_SCRUB_FIELDS,
    maxItemLength: MAX_SCRUB_FIELD_LENGTH,
  });
}
