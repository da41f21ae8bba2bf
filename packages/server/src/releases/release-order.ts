/**
 * Which release is newer. Sentry's default order is the time the release was created on the
 * server (`date_added`), not semver: a release created later is newer. Ties (same
 * millisecond) fall back to the row id, which grows with creation.
 */
export interface ReleaseRank {
  readonly id: number;
  readonly createdAt: number;
}

/** Negative when `a` is older than `b`, positive when newer, 0 for the same release. */
export function compareReleases(a: ReleaseRank, b: ReleaseRank): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

export function isNewerRelease(candidate: ReleaseRank, reference: ReleaseRank): boolean {
  return compareReleases(candidate, reference) > 0;
}

/**
 * Does an issue resolved "in release X" / "in next release (after X)" stay resolved when an
 * event from `event` arrives? Sentry's GroupResolution.has_resolution:
 * - in_next_release (X = the newest release when it was resolved): events from X or older
 *   releases do not reopen it; events from a newer release do;
 * - in_release X: the fix shipped in X, so events from X or newer reopen it; older do not.
 * An event without a release, or from a release the server does not know, never reopens it
 * (Sentry: "no release data" = assume an old build). An unknown X (deleted release) counts
 * as older than everything, so any known release reopens.
 */
export function staysResolved(resolution: 'in_release' | 'in_next_release', resolvedIn: ReleaseRank | undefined, event: ReleaseRank | undefined): boolean {
  if (event === undefined) return true;
  if (resolvedIn === undefined) return false;
  const order = compareReleases(event, resolvedIn);
  return resolution === 'in_next_release' ? order <= 0 : order < 0;
}
