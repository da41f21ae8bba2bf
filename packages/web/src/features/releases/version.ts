/**
 * How a release version is shown, as Sentry shows it: `package@1.2.3+build` as "1.2.3 (build)"
 * with the package beside it, a git SHA as its first 12 characters. The full version stays in
 * links and tooltips; only the label is shortened.
 */
export interface VersionLabel {
  /** the shortened version, without the package */
  readonly short: string;
  /** `package` of `package@version`, or null */
  readonly pkg: string | null;
  readonly full: string;
}

const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;
const SHORT_SHA = 12;

function shortenHash(text: string): string {
  return SHA.test(text) ? text.slice(0, SHORT_SHA) : text;
}

export function describeVersion(version: string): VersionLabel {
  const at = version.indexOf('@');
  // `@scope/pkg@1.0` is not a valid release (no `/`), so the first `@` after position 0 splits.
  const pkg = at > 0 && at < version.length - 1 ? version.slice(0, at) : null;
  const rest = pkg === null ? version : version.slice(at + 1);
  const plus = rest.indexOf('+');
  if (plus > 0 && plus < rest.length - 1) {
    const core = rest.slice(0, plus);
    const build = rest.slice(plus + 1);
    return { short: `${shortenHash(core)} (${shortenHash(build)})`, pkg, full: version };
  }
  return { short: shortenHash(rest), pkg, full: version };
}

/** The one-line label: "1.2.3 (build)", or "1.2.3 (build), package" with the package. */
export function formatVersion(version: string, withPackage = false): string {
  const v = describeVersion(version);
  return withPackage && v.pkg ? `${v.short}, ${v.pkg}` : v.short;
}

/** The issue-search value for a version: quoted when plain text would be read differently. */
export function searchValue(version: string): string {
  if (/^[\w.@+-]+$/.test(version) && version !== 'latest') return version;
  return `"${version.replace(/[\\"*]/g, (c) => `\\${c}`)}"`;
}

/** A version as one path segment; `@` stays readable (it is allowed in paths). */
export const versionSegment = (version: string) => encodeURIComponent(version).replace(/%40/g, '@');

export const releaseHref = (org: string, version: string, search = '') => `/organizations/${org}/releases/${versionSegment(version)}/${search}`;
