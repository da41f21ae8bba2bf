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
