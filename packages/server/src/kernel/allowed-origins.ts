/**
 * A project's "Allowed Domains" (Sentry's project setting `allowedDomains`, default `["*"]`;
 * https://docs.sentry.io/product/relay/projects/ › config.allowedDomains, and docs/ingest.md › Allowed
 * domains): which web origins may send events with the project's public DSN. A browser request
 * names its page in `Origin` (or, without one, `Referer`); a request with neither — a server
 * SDK, sentry-cli — is never refused, as Relay does. Entries are `*`, a host (`example.com`),
 * its subdomains (`*.example.com`, which also matches `example.com`), optionally with a scheme
 * (`https://example.com`) and a port (`example.com:8080`, `*:8080`). Matching compares parts;
 * nothing builds a regular expression from an entry.
 */
export interface AllowedOrigins {
  /** true when the request's `Origin` / `Referer` (either may be absent) may send events */
  allows(origin: string | undefined, referer: string | undefined): boolean;
  readonly entries: readonly string[];
}

interface Entry {
  readonly scheme: string | null;
  /** '*' any host; '.example.com' a domain and its subdomains; otherwise one host */
  readonly host: string;
  readonly port: string | null;
}

export const MAX_ALLOWED_DOMAINS = 100;
const MAX_ENTRY_LENGTH = 255;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };
const HOST = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const SCHEME = /^[a-z][a-z0-9+.-]{0,30}$/;

type EntryParse = { readonly ok: true; readonly entry: Entry } | { readonly ok: false; readonly reason: string };

function parseEntry(raw: string): EntryParse {
  const text = raw.trim().toLowerCase();
  const bad = (why: string): EntryParse => ({ ok: false, reason: `"${raw.slice(0, 80)}" ${why}` });
  if (text === '*') return { ok: true, entry: { scheme: null, host: '*', port: null } };
  let rest = text;
  let scheme: string | null = null;
  const sep = rest.indexOf('://');
  if (sep >= 0) {
    scheme = rest.slice(0, sep);
    if (!SCHEME.test(scheme)) return bad('has an invalid scheme');
    rest = rest.slice(sep + 3);
  }
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest.includes('/')) return bad('must be a domain, optionally with a scheme and port, not a path');
  let port: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    port = rest.slice(colon + 1);
    if (port !== '*' && !/^\d{1,5}$/.test(port)) return bad('has an invalid port');
    if (port === '*') port = null;
    rest = rest.slice(0, colon);
  }
  if (rest === '*') return { ok: true, entry: { scheme, host: '*', port } };
  const sub = rest.startsWith('*.');
  const host = sub ? rest.slice(2) : rest;
  if (!HOST.test(host)) return bad('is not a domain such as example.com or *.example.com');
  return { ok: true, entry: { scheme: scheme === null ? null : `${scheme}:`, host: sub ? `.${host}` : host, port } };
}

/** The setting as the API takes it: a list of entries, at least one (`*` allows every origin). */
export function parseAllowedDomains(value: unknown): { ok: true; domains: string[] } | { ok: false; reason: string } {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { ok: false, reason: 'allowedDomains must be a list of strings' };
  const domains = (value as string[]).map((v) => v.trim()).filter((v) => v !== '');
  // Sentry's own refusal: an empty list would block every browser request.
  if (domains.length === 0) return { ok: false, reason: 'Empty value will block all requests, use * to accept from all domains' };
  if (domains.length > MAX_ALLOWED_DOMAINS) return { ok: false, reason: `allowedDomains holds at most ${MAX_ALLOWED_DOMAINS} entries` };
  for (const d of domains) {
    if (d.length > MAX_ENTRY_LENGTH) return { ok: false, reason: `allowedDomains entries are at most ${MAX_ENTRY_LENGTH} characters` };
    const parsed = parseEntry(d);
    if (!parsed.ok) return { ok: false, reason: `allowedDomains: ${parsed.reason}` };
  }
  return { ok: true, domains };
}

/** What the stored setting says; anything unreadable (a hand-edited row) falls back to Sentry's default, every origin. */
export function allowedDomainsOf(settings: Record<string, unknown>): string[] {
  const parsed = parseAllowedDomains(settings.allowedDomains);
  return parsed.ok ? parsed.domains : ['*'];
}

function originUrl(origin: string | undefined, referer: string | undefined): URL | 'none' | 'unreadable' {
  const text = origin !== undefined && origin !== '' ? origin : referer;
  if (text === undefined || text === '') return 'none';
  // A sandboxed frame or a file: page says `null`: it names no site, so no entry matches it.
  if (text === 'null') return 'unreadable';
  try {
    return new URL(text);
  } catch {
    return 'unreadable';
  }
}

function matches(entry: Entry, url: URL): boolean {
  if (entry.scheme !== null && entry.scheme !== url.protocol) return false;
  if (entry.port !== null && entry.port !== (url.port || DEFAULT_PORTS[url.protocol] || '')) return false;
  const host = url.hostname.toLowerCase();
  if (entry.host === '*') return true;
  if (entry.host.startsWith('.')) return host === entry.host.slice(1) || host.endsWith(entry.host);
  return host === entry.host;
}

export function compileAllowedOrigins(domains: readonly string[]): AllowedOrigins {
  const entries = domains.flatMap((d) => {
    const parsed = parseEntry(d);
    return parsed.ok ? [parsed.entry] : [];
  });
  const any = entries.some((e) => e.host === '*' && e.scheme === null && e.port === null);
  return {
    entries: domains,
    allows(origin, referer) {
      if (any) return true;
      const url = originUrl(origin, referer);
      if (url === 'none') return true;
      if (url === 'unreadable') return false;
      return entries.some((e) => matches(e, url));
    },
  };
}
