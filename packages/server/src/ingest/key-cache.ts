import type { AllowedOrigins, Clock } from '../kernel/index.js';
import { allowedDomainsOf, compileAllowedOrigins } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** What ingest needs to know about a DSN key and its project. */
export interface IngestKey {
  readonly keyId: number;
  readonly publicKey: string;
  readonly projectId: number;
  readonly enabled: boolean;
  /** error events per minute for this key; null = unlimited */
  readonly keyRateLimit: number | null;
  /** error events per minute for the whole project; null = unlimited */
  readonly projectRateLimit: number | null;
  /** the project's Allowed Domains, checked against a browser request's Origin or Referer */
  readonly allowedOrigins: AllowedOrigins;
}

export interface KeyCache {
  /** The key, or null when no such key exists. */
  lookup(publicKey: string): Promise<IngestKey | null>;
}

interface Entry {
  expiresAt: number;
  value: Promise<IngestKey | null>;
}

// Bounds memory against clients sending random keys; entries are tiny.
const maxEntries = 50_000;

/** The project setting `quota.eventsPerMinute` overrides the configured default; 0 or absent = the default. */
export function projectQuota(settings: Record<string, unknown>, fallback: number): number | null {
  const quota = settings.quota;
  if (quota !== null && typeof quota === 'object' && !Array.isArray(quota)) {
    const v = (quota as Record<string, unknown>).eventsPerMinute;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  return fallback > 0 ? fallback : null;
}

/**
 * DSN keys cached in this process for `ttlMs`: the database stays the truth (several
 * processes may serve ingest), so disabling a key or changing a limit takes effect
 * everywhere within the TTL. Unknown keys are cached too, and concurrent lookups of
 * the same key share one query.
 */
export function createKeyCache(deps: { store: Store; clock: Clock; ttlMs: number; defaultProjectRateLimit: number }): KeyCache {
  const { store, clock, ttlMs } = deps;
  const entries = new Map<string, Entry>();

  async function load(publicKey: string): Promise<IngestKey | null> {
    const key = await store.clientKeys.byPublicKey(publicKey);
    if (!key) return null;
    const project = await store.projects.byId(key.projectId);
    if (!project) return null;
    return {
      keyId: key.id,
      publicKey: key.publicKey,
      projectId: key.projectId,
      enabled: key.enabled,
      keyRateLimit: key.rateLimit !== null && key.rateLimit > 0 ? key.rateLimit : null,
      projectRateLimit: projectQuota(project.settings, deps.defaultProjectRateLimit),
      allowedOrigins: compileAllowedOrigins(allowedDomainsOf(project.settings)),
    };
  }

  return {
    lookup(publicKey) {
      const now = clock.now();
      const hit = entries.get(publicKey);
      if (hit && hit.expiresAt > now) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load(publicKey);
      const entry = { expiresAt: now + ttlMs, value };
      entries.set(publicKey, entry);
      // A failed lookup (database down) must not be cached.
      value.catch(() => {
        if (entries.get(publicKey) === entry) entries.delete(publicKey);
      });
      return value;
    },
  };
}
