// Defensive readers for stored event documents. The document is the pipeline's normalized
// event (its own types live in process/, which events/ must not import), so the read model
// checks what it reads instead of trusting a cast.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const obj = (v: unknown): JsonObject | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
/** `[[k, v], …]` string pairs, the normalized form of tags, headers, cookies and query strings. */
export const pairs = (v: unknown): [string, string][] =>
  arr(v).flatMap((p) => (Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string' ? [[p[0], p[1]] as [string, string]] : []));

/** Float seconds (Sentry's event and breadcrumb timestamps) → ISO 8601, or null. */
export function isoFromSeconds(v: unknown): string | null {
  const s = num(v);
  if (s === undefined) return null;
  const d = new Date(Math.round(s * 1000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
