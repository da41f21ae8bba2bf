/** Typed results for rule validation: the first problem, naming its field, becomes the 400 detail. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
export type Fields = Record<string, unknown>;

function present(body: Fields, name: string): boolean {
  return body[name] !== undefined;
}

export const field = {
  string(body: Fields, name: string, max: number, fallback: string | null = null): Parsed<string | null> {
    if (!present(body, name)) return { ok: true, value: fallback };
    const v = body[name];
    if (v === null) return { ok: true, value: null };
    if (typeof v !== 'string' || v.length > max) return { ok: false, reason: `${name} must be a string of at most ${max} characters` };
    return { ok: true, value: v };
  },
  oneOf<T extends string>(body: Fields, name: string, values: readonly T[], fallback: T): Parsed<T> {
    if (!present(body, name) || body[name] === null) return { ok: true, value: fallback };
    const v = body[name];
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) return { ok: false, reason: `${name} must be one of ${values.join(', ')}` };
    return { ok: true, value: v as T };
  },
  integer(body: Fields, name: string, min: number, max: number, fallback: number): Parsed<number> {
    if (!present(body, name) || body[name] === null) return { ok: true, value: fallback };
    const raw = body[name];
    const v = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      return { ok: false, reason: `${name} must be a whole number between ${min} and ${max}` };
    return { ok: true, value: v };
  },
  number(body: Fields, name: string, fallback: number | null): Parsed<number | null> {
    if (!present(body, name)) return { ok: true, value: fallback };
    const raw = body[name];
    if (raw === null || raw === '') return { ok: true, value: null };
    const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: `${name} must be a number` };
    return { ok: true, value: v };
  },
};

/** Sentry's owner form: `user:ID` or `team:ID`. */
export function parseOwner(raw: unknown): Parsed<string | null> {
  if (raw === null || raw === '') return { ok: true, value: null };
  if (typeof raw === 'string' && /^(user|team):\d+$/.test(raw)) return { ok: true, value: raw };
  return { ok: false, reason: 'owner must be "user:<id>" or "team:<id>"' };
}

export function parseUrl(raw: unknown, name: string): Parsed<string | null> {
  if (raw === null || raw === '') return { ok: true, value: null };
  if (typeof raw !== 'string' || raw.length > 2000) return { ok: false, reason: `${name} must be an http(s) URL` };
  try {
    const u = new URL(raw);
    if (u.protocol === 'http:' || u.protocol === 'https:') return { ok: true, value: raw };
  } catch {
    // reported below
  }
  return { ok: false, reason: `${name} must be an http(s) URL` };
}
