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

const BOOLEAN_KEYS = ['enabled', 'scrubIpAddresses'] as const;
const LIST_KEYS = ['sensitiveFields', 'safeFields'] as const;
const KNOWN_KEYS = new Set<string>([...BOOLEAN_KEYS, ...LIST_KEYS]);
export const MAX_SCRUB_FIELDS = 100;
export const MAX_SCRUB_FIELD_LENGTH = 100;

/**
 * Validates settings from the API or storage. Missing keys take the defaults (`null`/
 * `undefined` means all defaults); unknown keys and wrong types are errors, reported together.
 * Field names are trimmed; empty ones dropped; duplicates removed.
 */
export function parseScrubSettings(input: unknown): ScrubSettingsResult {
  if (input === undefined || input === null) return { ok: true, settings: DEFAULT_SCRUB_SETTINGS };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: 'scrub settings must be an object' };
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) problems.push(`unknown setting "${key.slice(0, 64)}"`);
  const settings: Record<string, unknown> = { ...DEFAULT_SCRUB_SETTINGS };
  for (const key of BOOLEAN_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(`${key} must be true or false`);
  }
  for (const key of LIST_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
      problems.push(`${key} must be a list of strings`);
      continue;
    }
    const fields = [...new Set(value.map((f: string) => f.trim()).filter((f) => f !== ''))];
    if (fields.length > MAX_SCRUB_FIELDS) problems.push(`${key} allows at most ${MAX_SCRUB_FIELDS} entries`);
    if (fields.some((f) => f.length > MAX_SCRUB_FIELD_LENGTH)) problems.push(`${key} entries must be at most ${MAX_SCRUB_FIELD_LENGTH} characters`);
    settings[key] = Object.freeze(fields);
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, settings: Object.freeze(settings) as unknown as ScrubSettings };
}
