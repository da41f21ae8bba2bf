/**
 * Sentry's release name format, `package@version+build`, and its order by version
 * (https://docs.sentry.io/product/releases/usage/sorting-filtering/ › Semantic Versioning;
 * docs/releases.md › Sorting and filtering the release list). A release has version parts
 * only with a package before the `@`, as Sentry's semver support requires; `1`, `1.2`,
 * `1.2.3` and `1.2.3.4` are versions (missing parts count as 0), followed by an optional
 * pre-release (`-rc.1`, or lowercase letters straight after the numbers as in `1.0rc1`); a build hash
 * (12–64 hex digits, isBuildHash) is not a version and an
 * optional `+build`. A build of digits alone is the release's build number.
 */
export interface ParsedVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly revision: number;
  /** without the `-`; null when there is none */
  readonly pre: string | null;
  readonly buildCode: string | null;
  /** how many numeric parts were written (1–4) */
  readonly components: number;
}

export interface ParsedRelease {
  readonly package: string | null;
  /** everything after the package's `@` (or the whole name without a package) */
  readonly raw: string;
  /** the version before `+build` */
  readonly versionText: string;
  readonly version: ParsedVersion | null;
  /** `buildCode` when it is a whole number (Sentry's `build_number`) */
  readonly buildNumber: number | null;
}

// Each pattern is fixed (never built from input) and anchored, with no nested repetition that
// can backtrack: parts are separated by characters the parts themselves cannot contain.
const NUMBERS = /^(\d{1,15})(?:\.(\d{1,15}))?(?:\.(\d{1,15}))?(?:\.(\d{1,15}))?/;
const IDENTIFIERS = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/;
const DIGITS = /^\d{1,15}$/;
const HEX = /^[0-9a-fA-F]+$/;

/** Sentry reads a version of 12, 16, 20, 32, 40 or 64 hex digits as a build hash (a commit), not a version. */
export const isBuildHash = (text: string): boolean => [12, 16, 20, 32, 40, 64].includes(text.length) && HEX.test(text);

/** The version part alone (`1.2.3-rc.1+77`), as written after `@` or in a `release.version:` filter. */
export function parseVersionText(text: string): ParsedVersion | null {
  const plus = text.indexOf('+');
  const main = plus >= 0 ? text.slice(0, plus) : text;
  const build = plus >= 0 ? text.slice(plus + 1) : null;
  if ((build !== null && !IDENTIFIERS.test(build)) || isBuildHash(main)) return null;
  const numbers = NUMBERS.exec(main);
  if (!numbers) return null;
  let rest = main.slice(numbers[0].length);
  if (rest.startsWith('-')) {
    rest = rest.slice(1);
    if (rest === '') return null;
  } else if (rest !== '' && !/^[a-z]/.test(rest)) return null;
  if (rest !== '' && !IDENTIFIERS.test(rest)) return null;
  const part = (i: number) => (numbers[i] === undefined ? 0 : Number(numbers[i]));
  return {
    major: part(1),
    minor: part(2),
    patch: part(3),
    revision: part(4),
    pre: rest === '' ? null : rest,
    buildCode: build,
    components: numbers.slice(1).filter((n) => n !== undefined).length,
  };
}

export function parseRelease(name: string): ParsedRelease {
  // A leading `@` belongs to the package (`@scope/app@1.0.0`).
  const at = name.indexOf('@', 1);
  const pkg = at > 0 ? name.slice(0, at) : null;
  const raw = at > 0 ? name.slice(at + 1) : name;
  const plus = raw.indexOf('+');
  const version = pkg === null ? null : parseVersionText(raw);
  const buildCode = version?.buildCode ?? null;
  return {
    package: pkg,
    raw,
    versionText: plus >= 0 ? raw.slice(0, plus) : raw,
    version,
    buildNumber: buildCode !== null && DIGITS.test(buildCode) ? Number(buildCode) : null,
  };
}

/**
 * Negative when `a` is the lower version. Numbers compare part by part; a version without a
 * pre-release is higher than the same numbers with one (`1.0.0` > `1.0.0-rc.1`); pre-releases
 * compare as text, as Sentry orders its stored pre-release column.
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const numbers = a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.revision - b.revision;
  if (numbers !== 0) return Math.sign(numbers);
  if (a.pre === b.pre) return 0;
  if (a.pre === null) return 1;
  if (b.pre === null) return -1;
  return a.pre < b.pre ? -1 : 1;
}
