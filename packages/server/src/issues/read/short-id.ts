/**
 * Short ids as Sentry shows them: the project slug upper-cased, a dash, and the project's
 * issue counter in base 36 (`BACKEND-1A` is issue number 46 of project `backend`).
 */
export function formatShortId(projectSlug: string, counter: number): string {
  return `${projectSlug.toUpperCase()}-${counter.toString(36).toUpperCase()}`;
}

export type ShortIdParse = { readonly ok: true; readonly prefix: string; readonly counter: number } | { readonly ok: false; readonly reason: string };

/** Splits at the last dash: slugs may contain dashes, the counter never does. */
export function parseShortId(text: string): ShortIdParse {
  const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)-([A-Za-z0-9]{1,10})$/.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text.slice(0, 40)}" is not a short issue id such as BACKEND-1A` };
  const counter = Number.parseInt(m[2] as string, 36);
  if (!Number.isSafeInteger(counter) || counter < 1) return { ok: false, reason: 'the number after the dash is out of range' };
  return { ok: true, prefix: (m[1] as string).toUpperCase(), counter };
}
