import type { DataCategory, RateLimit } from '@faultline/protocol';
import type { Clock } from '../kernel/index.js';
import { type WindowIncrement, type WindowTotals, windowKey } from '../store/index.js';
import type { IngestKey } from './key-cache.js';

/**
 * Key rate limits and project quotas count error events: Sentry's error categories, `error` and `default`
 * together (docs/wire-format.md › Rate-limit header).
 */
export const limitedCategories: readonly DataCategory[] = ['default', 'error', 'security'];

const windowMs = 60_000;

interface Quota {
  scope: 'key' | 'project';
  counter: string;
  perMinute: number;
  reasonCode: string;
}

interface Window {
  start: number;
  /** the committed total as last read from the database */
  known: number;
  /** counted here, not yet committed */
  pending: number;
  readAt: number;
  reading: Promise<void> | null;
}

export interface RateDecision {
  /** false: every limited item of the envelope is dropped */
  allowed: boolean;
  /** counts to commit with the envelope (empty when nothing was counted) */
  increments: WindowIncrement[];
  /** limits to announce in `X-Sentry-Rate-Limits` (dropped now or window already full) */
  active: RateLimit[];
}

export interface RateLimiter {
  decide(key: IngestKey, quantity: number): Promise<RateDecision>;
  /** After the commit: the counted increments are no longer pending; adopt the database totals. */
  settle(increments: readonly WindowIncrement[], totals: WindowTotals | null): void;
}

export interface RateLimiterDeps {
  clock: Clock;
  /** committed totals of the given counters' window (all processes) */
  readTotals(counters: readonly string[], windowStart: number): Promise<WindowTotals>;
  /** how old a window's committed total may be before it is read again */
  refreshMs?: number;
}

function quotasOf(key: IngestKey): Quota[] {
  const out: Quota[] = [];
  if (key.keyRateLimit !== null) out.push({ scope: 'key', counter: `key:${key.keyId}`, perMinute: key.keyRateLimit, reasonCode: 'key_quota' });
  if (key.projectRateLimit !== null)
    out.push({ scope: 'project', counter: `project:${key.projectId}`, perMinute: key.projectRateLimit, reasonCode: 'project_quota' });
  return out;
}

/**
 * Fixed one-minute windows counted in the database (`rate_windows`), so every server
 * process shares them. A process decides from the window's committed total — read back
 * by each of its group commits, and read again when older than `refreshMs` — plus what it
 * has counted but not committed yet. Other processes' counts can thus be up to
 * `refreshMs` old: with N processes a window overshoots by at most what the others
 * accept within that time. Keys without limits cost nothing.
 */
export function createRateLimiter(deps: RateLimiterDeps): RateLimiter {
  const { clock } = deps;
  const refreshMs = deps.refreshMs ?? 1000;
  const windows = new Map<string, Window>();

  function windowOf(counter: string, start: number): Window {
    let w = windows.get(counter);
    if (!w || w.start !== start) {
      w = { start, known: 0, pending: 0, readAt: Number.NEGATIVE_INFINITY, reading: null };
      windows.set(counter, w);
    }
    return w;
  }

  function refresh(counter: string, w: Window, now: number): Promise<void> | null {
    if (now - w.readAt < refreshMs) return null;
    w.reading ??= deps
      .readTotals([counter], w.start)
      .then((totals) => {
        w.known = Math.max(w.known, totals.get(windowKey(counter, w.start)) ?? 0);
        w.readAt = clock.now();
      })
      .finally(() => {
        w.reading = null;
      });
    return w.reading;
  }

  return {
    async decide(key, quantity) {
      const quotas = quotasOf(key);
      const decision: RateDecision = { allowed: true, increments: [], active: [] };
      if (quotas.length === 0) return decision;
      const now = clock.now();
      const start = now - (now % windowMs);
      const reads = quotas.map((q) => refresh(q.counter, windowOf(q.counter, start), now)).filter((p) => p !== null);
      if (reads.length > 0) await Promise.all(reads);
      const retryAfterSeconds = (start + windowMs - now) / 1000;
      const over = quotas.map((q) => {
        const w = windowOf(q.counter, start);
        return quantity > 0 && w.known + w.pending + quantity > q.perMinute;
      });
      decision.allowed = !over.includes(true);
      for (const [i, q] of quotas.entries()) {
        const w = windowOf(q.counter, start);
        if (decision.allowed && quantity > 0) {
          w.pending += quantity;
          decision.increments.push({ scope: q.counter, windowStart: start, count: quantity });
        }
        if (over[i] || w.known + w.pending >= q.perMinute) {
          decision.active.push({ retryAfterSeconds, categories: limitedCategories, scope: q.scope, reasonCode: q.reasonCode });
        }
      }
      return decision;
    },
    settle(increments, totals) {
      for (const inc of increments) {
        const w = windows.get(inc.scope);
        if (!w || w.start !== inc.windowStart) continue;
        w.pending = Math.max(0, w.pending - inc.count);
        const total = totals?.get(windowKey(inc.scope, inc.windowStart));
        if (total !== undefined) {
          w.known = Math.max(w.known, total);
          w.readAt = clock.now();
        }
      }
    },
  };
}
