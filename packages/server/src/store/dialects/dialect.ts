import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The one seam where SQLite and PostgreSQL differ. Domain code and repositories
 * see only Kysely plus these few capabilities; nothing else branches on dialect.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** auto-incrementing integer primary key */
  autoId(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** column type for binary payloads */
  readonly blobType: 'blob' | 'bytea';
  /** column type for integer milliseconds and counters that outgrow 32 bits */
  readonly bigIntType: 'integer' | 'bigint';
  /** verifies the database answers */
  ping(): Promise<void>;
  close(): Promise<void>;
}
