/**
 * Validation shared by the small per-project settings objects that are made of
 * on/off flags and lists of strings (inbound filters, scrubbing). Missing keys
 * take the defaults; unknown keys and wrong types are reported together.
 */
export interface FlagListSpec<T> {
  /** names the object in the "must be an object" message, e.g. "scrub settings" */
  label: string;
  defaults: T;
  flags: readonly (keyof T & string)[];
  lists: readonly (keyof T & string)[];
  /** how list entries are called in messages: "patterns", "entries" */
  noun: string;
  maxItems: number;
  maxItemLength: number;
  /** extra per-entry check, with the message used when entries fail it */
  invalid?: { test: (item: string) => boolean; message: (key: string, count: number) => string };
}

export type FlagListResult<T> = { readonly ok: true; readonly settings: T } | { readonly ok: false; readonly reason: string };

export function parseFlagListSettings<T>(input: unknown, spec: FlagListSpec<T>): FlagListResult<T> {
  if (input === undefined || input === null) return { ok: true, settings: spec.defaults };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: `${spec.label} must be an object` };
  const raw = input as Record<string, unknown>;
  const known = new Set<string>([...spec.flags, ...spec.lists]);
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`unknown setting "${key.slice(0, 64)}"`);
  const settings = { ...spec.defaults } as Record<string, unknown>;
  for (const key of spec.flags) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(`${key} must be true or false`);
  }
  for (const key of spec.lists) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      problems.push(`${key} must be a list of strings`);
      continue;
    }
    // Trimmed, empty entries dropped and duplicates removed, so stored settings stay canonical.
    const items = [...new Set(value.map((v: string) => v.trim()).filter((v) => v !== ''))];
    if (items.length > spec.maxItems) problems.push(`${key} allows at most ${spec.maxItems} ${spec.noun}`);
    if (items.some((v) => v.length > spec.maxItemLength)) problems.push(`${key} ${spec.noun} must be at most ${spec.maxItemLength} characters`);
    const bad = spec.invalid ? items.filter((v) => !spec.invalid?.test(v)) : [];
    if (spec.invalid && bad.length > 0) problems.push(spec.invalid.message(key, bad.length));
    settings[key] = Object.freeze(items);
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, settings: Object.freeze(settings) as T };
}
