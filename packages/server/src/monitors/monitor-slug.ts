/**
 * Monitor slugs as Sentry validates them: at most 50 characters of lower-case letters, digits,
 * `_` and `-`, not all digits (https://docs.sentry.io/product/crons/getting-started/http/).
 * Check-ins from SDKs are slugified first, as Relay does (`monitor_slug` "My Job" → "my-job").
 */
export const MAX_SLUG_LENGTH = 50;

export type SlugResult = { ok: true; slug: string } | { ok: false; reason: string };

/** The API's rule: the slug must already be valid. */
export function validateSlug(value: unknown): SlugResult {
  if (typeof value !== 'string' || value === '') return { ok: false, reason: 'This field is required.' };
  if (value.length > MAX_SLUG_LENGTH) return { ok: false, reason: `Ensure this field has no more than ${MAX_SLUG_LENGTH} characters.` };
  if (!/^[a-z0-9_-]+$/.test(value) || /^[0-9]+$/.test(value)) {
    return { ok: false, reason: 'Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.' };
  }
  return { ok: true, slug: value };
}

/** The ingest rule: lower-case, runs of other characters become one `-`, then the API's rule. */
export function slugifyMonitorSlug(value: unknown): SlugResult {
  if (typeof value !== 'string') return { ok: false, reason: 'monitor_slug_missing' };
  // Bounded before any work, so a huge slug costs nothing.
  if (value.length > 4 * MAX_SLUG_LENGTH) return { ok: false, reason: 'monitor_slug_length' };
  let out = '';
  for (const ch of value.toLowerCase()) {
    if (/[a-z0-9_-]/.test(ch)) out += ch;
    else if (!out.endsWith('-')) out += '-';
  }
  out = out.replace(/^-+|-+$/g, '');
  if (out === '') return { ok: false, reason: 'monitor_slug_missing' };
  if (out.length > MAX_SLUG_LENGTH) return { ok: false, reason: 'monitor_slug_length' };
  if (/^[0-9]+$/.test(out)) return { ok: false, reason: 'monitor_slug_invalid' };
  return { ok: true, slug: out };
}
