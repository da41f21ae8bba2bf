import type { RepoContext, StoreExecutor } from '../../store/index.js';

/** One counter increment: `quantity` more of (project, hour, category, outcome, reason). */
export interface OutcomeIncrement {
  projectId: number;
  /** start of the hour, ms */
  hour: number;
  category: string;
  outcome: string;
  /** '' for none */
  reason: string;
  quantity: number;
}

export type OutcomeRow = OutcomeIncrement;

export interface OutcomeQuery {
  projectIds: readonly number[];
  /** inclusive, ms */
  from: number;
  /** exclusive, ms */
  to: number;
  categories?: readonly string[];
  outcomes?: readonly string[];
  reasons?: readonly string[];
}

const rowsPerStatement = 500;

/** Adds up increments that hit the same counter: one statement may not touch a row twice. */
export function mergeOutcomeIncrements(rows: readonly OutcomeIncrement[]): OutcomeIncrement[] {
  const merged = new Map<string, OutcomeIncrement>();
  for (const r of rows) {
    const key = `${r.projectId}\u0000${r.hour}\u0000${r.category}\u0000${r.outcome}\u0000${r.reason}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += r.quantity;
    else merged.set(key, { ...r });
  }
  return [...merged.values()].filter((r) => r.quantity > 0);
}

/** Outcome counters (upsert-increment), written inside the caller's transaction. */
export function createOutcomeRepo({ db }: RepoContext) {
  return {
    async increment(trx: StoreExecutor, increments: readonly OutcomeIncrement[]): Promise<void> {
      const rows = mergeOutcomeIncrements(increments);
      for (let i = 0; i < rows.length; i += rowsPerStatement) {
        const values = rows.slice(i, i + rowsPerStatement).map((r) => ({
          project_id: r.projectId,
          hour: r.hour,
          category: r.category,
          outcome: r.outcome,
          reason: r.reason,
          quantity: r.quantity,
        }));
        await trx
          .insertInto('outcomes')
          .values(values)
          .onConflict((oc) =>
            oc
              .columns(['project_id', 'hour', 'category', 'outcome', 'reason'])
              .doUpdateSet((eb) => ({ quantity: eb('outcomes.quantity', '+', eb.ref('excluded.quantity')) })),
          )
          .execute();
      }
    },

    async query(q: OutcomeQuery): Promise<OutcomeRow[]> {
      if (q.projectIds.length === 0) return [];
      let query = db
        .selectFrom('outcomes')
        .selectAll()
        .where('project_id', 'in', [...q.projectIds])
        .where('hour', '>=', q.from)
        .where('hour', '<', q.to);
      if (q.categories?.length) query = query.where('category', 'in', [...q.categories]);
      if (q.outcomes?.length) query = query.where('outcome', 'in', [...q.outcomes]);
      if (q.reasons?.length) query = query.where('reason', 'in', [...q.reasons]);
      const rows = await query.execute();
      return rows.map((r) => ({
        projectId: r.project_id,
        hour: r.hour,
        category: r.category,
        outcome: r.outcome,
        reason: r.reason,
        quantity: Number(r.quantity),
      }));
    },
  };
}

export type OutcomeRepo = ReturnType<typeof createOutcomeRepo>;
