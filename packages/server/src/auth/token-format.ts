import { randomBytes } from 'node:crypto';

/**
 * Tokens are minted in the shapes sentry-cli recognises (Sentry product docs, Auth Tokens;
 * docs/wire-format.md › sentry-cli: tokens, errors and pagination):
 * organization tokens `sntrys_<base64 JSON>_<secret>` carry the server URL and
 * org so the CLI needs no other configuration; user tokens are `sntryu_<64 hex>`.
 */
export function mintOrgToken(url: string, org: string, nowMs: number): string {
  const payload = Buffer.from(JSON.stringify({ iat: nowMs / 1000, url, region_url: url, org })).toString('base64');
  const secret = randomBytes(32).toString('base64').replace(/=+$/, '');
  return `sntrys_${payload}_${secret}`;
}

export function mintUserToken(): string {
  return `sntryu_${randomBytes(32).toString('hex')}`;
}
