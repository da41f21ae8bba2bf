import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.js';
import type { Database } from './schema.js';

/** What every repository is built from. */
export interface RepoContext {
  db: Kysely<Database>;
  clock: Clock;
}

/** The database or an open transaction: what repository writes that join a caller's transaction take. */
export type StoreExecutor = Kysely<Database>;

/**
 * Runs `work` in the caller's transaction when given one, else in a new one: Kysely cannot
 * nest transactions, and a repository write that may be one step of a larger change (triage
 * that also merges) must commit with it.
 */
export function inTransaction<T>(db: Kysely<Database>, trx: StoreExecutor | undefined, work: (trx: StoreExecutor) => Promise<T>): Promise<T> {
  return trx ? work(trx) : db.transaction().execute(work);
}
