import { expiredIgnorePatch } from '../issues/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** How often ignores that ran out are ended; an issue comes back at most this late. */
export const IGNORE_EXPIRY = { task: 'issues.expire-ignores', everyMs: 60_000 } as const;

const chunk = 500;

/**
 * Time-based ignores ("ignore for 30 minutes", "until 9 May") used to end only when an
 * event arrived. This ends them when their time passes: the issue goes back to unresolved
 * (`ongoing`) with a `set_unresolved` activity of reason `until`. Meant for the leased
 * schedule, so one process runs it at a time; the store's conditional UPDATE keeps a
 * concurrent manual change or processed event from being overwritten.
 */
export function createIgnoreExpiry(deps: { store: Store; clock: Clock; logger: Logger }) {
  const { store, clock, logger } = deps;
  return {
    /** Returns the ids of the issues that came back. */
    async run(): Promise<number[]> {
      const now = clock.now();
      const all: number[] = [];
      for (;;) {
        const ids = await store.issueIgnoreExpiry.expire(now, expiredIgnorePatch(), { type: 'set_unresolved', data: { reason: 'until' } }, chunk);
        all.push(...ids);
        if (ids.length < chunk) break;
      }
      if (all.length > 0) logger.info({ issues: all.length }, 'ignores that ran out were ended');
      return all;
    },
  };
}

export type IgnoreExpiry = ReturnType<typeof createIgnoreExpiry>;
