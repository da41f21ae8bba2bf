import type { RepoContext, StoreExecutor } from './repo-context.js';

export interface WindowIncrement {
  scope: string;
  windowStart: number;
  count: number;
}

/** `scope@windowStart` → the window's total after an increment. */
export type WindowTotals = Map<string, number>;

export function windowKey(scope: string, windowStart: number): string {
  return `${scope}@${windowStart}`;
}

/**
 * Fixed rate-limit windows counted in the database, so every server process sees
 * the same totals: each increment returns the window's new total.
 */
export function createRateWindowRepo({ db }: RepoContext) {
  return {
    async increment(trx: StoreExecutor, increments: readonly WindowIncrement[]): Promise<WindowTotals> {
      const merged = new Map<string, WindowIncrement>();
      for (const inc of increments) {
        const key = windowKey(inc.scope, inc.windowStart);
        const seen = merged.get(key);
        if (seen) seen.count += inc.count;
        else merged.set(key, { ...inc });
      }
      const totals: WindowTotals = new Map();
      const values = [...merged.values()].filter((v) => v.count > 0).map((v) => ({ scope: v.scope, window_start: v.windowStart, count: v.count }));
      if (values.length === 0) return totals;
      const rows = await trx
        .insertInto('rate_windows')
        .values(values)
        .onConflict((oc) => oc.columns(['scope', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_windows.count', '+', eb.ref('excluded.count')) })))
        .returning(['scope', 'window_start', 'count'])
        .execute();
      for (const r of rows) totals.set(windowKey(r.scope, r.window_start), Number(r.count));
      return totals;
    },

    /** Current totals of some counters' window, as committed by every process. */
    async totals(scopes: readonly string[], windowStart: number): Promise<WindowTotals> {
      const totals: WindowTotals = new Map();
      if (scopes.length === 0) return totals;
      const rows = await db
        .selectFrom('rate_windows')
        .select(['scope', 'count'])
        .where('scope', 'in', [...scopes])
        .where('window_start', '=', windowStart)
        .execute();
      for (const r of rows) totals.set(windowKey(r.scope, windowStart), Number(r.count));
      return totals;
    },

    async prune(before: number): Promise<void> {
      await db.deleteFrom('rate_windows').where('window_start', '<', before).execute();
    },
  };
}

export type RateWindowRepo = ReturnType<typeof createRateWindowRepo>;
