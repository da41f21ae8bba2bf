import type { ColumnDefinitionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
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
  /**
   * The schema the migration bookkeeping tables live in, or undefined for the
   * default. PostgreSQL names its current schema explicitly: Kysely otherwise
   * finds `kysely_migration` in any schema of the database and skips creating
   * its own.
   */
  migrationSchema(): Promise<string | undefined>;
  /**
   * Turns a SELECT inside a transaction into a claim of its rows: PostgreSQL adds
   * `FOR UPDATE SKIP LOCKED` so several processes take disjoint rows; SQLite has a
   * single writer per database file and returns the query unchanged.
   */
  forClaim<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * Whether a claim inside a transaction locks only its own rows. PostgreSQL: yes, so a
   * worker may process a claim inside its transaction while ingest and other workers go
   * on. SQLite: no — a write transaction holds the whole file, so ingest would wait for
   * every event's processing; there a worker reads its claim first, processes it outside
   * any transaction and commits in a short one that confirms the claim by deleting it.
   */
  readonly claimLocksRows: boolean;
  /**
   * Runs `fn` as one transaction that is on disk when the promise resolves, without
   * making the event loop wait for the disk where the dialect allows it (the ingest
   * group commit). PostgreSQL simply commits; SQLite, see sqlite-durable-writer.ts.
   */
  durableTransaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * SQLite only: copies the write-ahead log back into the database file (passive: never
   * waits for readers or writers), then returns a step of free pages to the file system
   * when many are free. Every commit of a connection checkpoints once the log is large; see
   * `checkpointElsewhere`.
   */
  checkpoint?(): void;
  /**
   * SQLite only: this process's connections stop checkpointing as part of their commits,
   * because another thread calls `checkpoint` regularly (the processing thread). A
   * checkpoint copies megabytes and fsyncs the database file: inside an ingest commit it
   * stalled the event loop for hundreds of milliseconds.
   */
  checkpointElsewhere?(): void;
  /** verifies the database answers */
  ping(): Promise<void>;
  close(): Promise<void>;
}
