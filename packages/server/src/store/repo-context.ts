import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.js';
import type { Database } from './schema.js';

/** What every repository is built from. */
export interface RepoContext {
  db: Kysely<Database>;
  clock: Clock;
}
