// Grouping hashes: 32 hex characters (as long as Sentry's) of SHA-256 over a canonical,
// unambiguous encoding of the component list. The kind keeps a custom fingerprint from ever
// colliding with default components that happen to spell the same strings.
import { createHash } from 'node:crypto';

export type HashKind = 'default' | 'custom';

export function hashComponents(kind: HashKind, components: readonly string[]): string {
  // Length-prefixed, so that no value can imitate a component boundary.
  let input = kind;
  for (const c of components) input += `\u0000${c.length}\u0000${c}`;
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}
