import { fail } from '../kernel/index.js';

/**
 * Validation of what sentry-cli and the web UI send to the release endpoints. A wrong value
 * is a 400 whose detail names the field (sentry-cli prints it).
 */

// Sentry's Release.is_valid_version: no path separators or control whitespace, not "latest".
const BAD_VERSION_CHARS = /[\r\n\f\t/\\]/;
export const MAX_VERSION_LENGTH = 200;

export function isValidVersion(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_VERSION_LENGTH &&
    !BAD_VERSION_CHARS.test(value) &&
    value !== '.' &&
    value !== '..' &&
    value.trim() !== '' &&
    value.toLowerCase() !== 'latest'
  );
}

export function parseVersion(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail('validation_failed', 'version is required');
  if (value.length > MAX_VERSION_LENGTH) fail('validation_failed', `version must be at most ${MAX_VERSION_LENGTH} characters`);
  if (!isValidVersion(value)) {
    fail('validation_failed', `Invalid release version ${JSON.stringify(value)}: it must not be "latest", "." or "..", nor contain slashes, tabs or newlines`);
  }
  return value;
}

/** RFC 3339 (any fraction length, as sentry-cli sends nanoseconds) or epoch seconds; null clears. */
export function parseDate(value: unknown, field: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms;
  }
  return fail('validation_failed', `${field} must be an RFC 3339 date`);
}

export function optionalText(value: unknown, field: string, max = 1024): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string' || value.length > max) fail('validation_failed', `${field} must be a string of at most ${max} characters`);
  return value;
}

/** `projects`: slugs (or numeric ids), as sentry-cli sends them. */
export function parseProjectList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((p) => typeof p !== 'string' && typeof p !== 'number'))
    fail('validation_failed', 'projects must be a list of project slugs');
  return value.map(String);
}

export interface RefInput {
  repository: string;
  commit: string;
  previousCommit: string | null;
}

export interface CommitInput {
  id: string;
  repository: string | null;
  message: string | null;
  authorName: string | null;
  authorEmail: string | null;
  timestamp: number | null;
}

const MAX_COMMITS = 10_000;

function objects(value: unknown, field: string): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length > MAX_COMMITS) fail('validation_failed', `${field} must be a list of at most ${MAX_COMMITS} objects`);
  return value.map((v, i) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('validation_failed', `${field}[${i}] must be an object`);
    return v as Record<string, unknown>;
  });
}

function sha(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) fail('validation_failed', `${field} must be a commit id`);
  return value;
}

/** `refs`: `[{repository, commit, previousCommit}]` (`set-commits --commit REPO@SHA`). */
export function parseRefs(value: unknown): RefInput[] | undefined {
  if (value === undefined || value === null) return undefined;
  return objects(value, 'refs').map((r, i) => {
    const repository = optionalText(r.repository, `refs[${i}].repository`, 200);
    if (!repository) fail('validation_failed', `refs[${i}].repository is required`);
    const previous = r.previousCommit ?? null;
    return { repository, commit: sha(r.commit, `refs[${i}].commit`), previousCommit: previous === null ? null : sha(previous, `refs[${i}].previousCommit`) };
  });
}

/** `commits`: `[{id, repository, message, author_name, author_email, timestamp}]`, newest first (`--auto`, `--local`). */
export function parseCommits(value: unknown): CommitInput[] | undefined {
  if (value === undefined || value === null) return undefined;
  return objects(value, 'commits').map((c, i) => ({
    id: sha(c.id, `commits[${i}].id`),
    repository: optionalText(c.repository, `commits[${i}].repository`, 200) ?? null,
    message: optionalText(c.message, `commits[${i}].message`, 64 * 1024) ?? null,
    authorName: optionalText(c.author_name, `commits[${i}].author_name`, 256) ?? null,
    authorEmail: optionalText(c.author_email, `commits[${i}].author_email`, 256) ?? null,
    timestamp: parseDate(c.timestamp, `commits[${i}].timestamp`) ?? null,
  }));
}

export interface DeployInput {
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: number | null;
  dateFinished: number | null;
  projects: string[] | undefined;
}

export function parseDeploy(body: Record<string, unknown>): DeployInput {
  const environment = optionalText(body.environment, 'environment', 64);
  if (!environment) fail('validation_failed', 'environment is required');
  return {
    environment,
    name: optionalText(body.name, 'name', 64) ?? null,
    url: optionalText(body.url, 'url', 2048) ?? null,
    dateStarted: parseDate(body.dateStarted, 'dateStarted') ?? null,
    dateFinished: parseDate(body.dateFinished, 'dateFinished') ?? null,
    projects: parseProjectList(body.projects),
  };
}
