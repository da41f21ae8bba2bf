/**
 * `*`-wildcard matching for search values, case-insensitive, without building a RegExp from
 * the user's text. Greedy leftmost matching of the literal parts is exact for patterns whose only
 * wildcard is `*`, and linear in the text.
 */
export function matchesWildcard(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  if (!p.includes('*')) return p === t;
  const parts = p.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!t.startsWith(first) || t.length < first.length + last.length || !t.endsWith(last)) return false;
  let at = first.length;
  const limit = t.length - last.length;
  for (const part of parts.slice(1, -1)) {
    if (part === '') continue;
    const found = t.indexOf(part, at);
    if (found < 0 || found + part.length > limit) return false;
    at = found + part.length;
  }
  return true;
}
