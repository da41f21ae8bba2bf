import type { Release } from '../release-types.js';

/**
 * The release created just before `version` in the project: the next one down the project's
 * release list, which is newest first by creation (the releases domain's "newer release" order,
 * docs/releases.md). `unknown` when the list does not reach it (the version is not on this page,
 * or is its last row and more pages follow).
 */
export type PreviousRelease = { readonly kind: 'found'; readonly release: Release } | { readonly kind: 'first' } | { readonly kind: 'unknown' };

export function previousReleaseOf(newestFirst: readonly Release[], version: string, morePages: boolean): PreviousRelease {
  const i = newestFirst.findIndex((r) => r.version === version);
  if (i === -1) return { kind: 'unknown' };
  const older = newestFirst[i + 1];
  if (older) return { kind: 'found', release: older };
  return morePages ? { kind: 'unknown' } : { kind: 'first' };
}
