import type { Kysely } from 'kysely';
import type { Dialect } from '../dialects/index.js';

/**
 * A versioned schema change. Migrations see an untyped Kysely because they
 * describe how the typed schema came to be; the dialect supplies the few
 * column types that differ.
 */
export interface Migration {
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a migration predates the typed schema it creates
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}
