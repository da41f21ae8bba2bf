import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.js';
import { type Dialect, openPostgres, openSqlite, type PostgresOptions } from './dialects/index.js';
import { createIngestQueueRepo } from './ingest-queue.js';
import { migrateToLatest, pendingMigrations } from './migrations/index.js';
import { createParkedItemRepo } from './parked-items.js';
import { createPostProcessPendingRepo } from './post-process-pending.js';
import { createRateWindowRepo } from './rate-windows.js';
import type { RepoContext } from './repo-context.js';
import type { Database } from './schema.js';

export interface StoreOptions {
  /** postgres://… or null for embedded SQLite */
  databaseUrl: string | null;
  /** where the embedded database lives */
  dataDir: string;
  clock: Clock;
  postgres?: PostgresOptions;
  /** SQLite file override (tests use ':memory:') */
  sqliteFile?: string;
}

/**
 * The repositories of the tables each domain owns, one member per aggregate. Empty here: each
 * domain adds its members from its own `store/repositories.ts` (declaration merging), so
 * store/ knows no domain and `store.projects`, `store.alerts`, … are typed all the same.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the domains' declaration merging
export interface Repositories {}

/** How each member of `Repositories` is built; the composition root (open-store.ts) lists them all. */
export type RepositoryFactories = { readonly [K in keyof Repositories]: (ctx: RepoContext) => Repositories[K] };

function buildRepositories(factories: RepositoryFactories, ctx: RepoContext): Repositories {
  // Object.entries forgets which factory belongs to which key; the mapped type above guarantees it.
  return Object.fromEntries(Object.entries(factories).map(([name, create]) => [name, create(ctx)])) as unknown as Repositories;
}

/** The database with the shared queues and every domain's repositories. */
export function createStore(dialect: Dialect, clock: Clock, factories: RepositoryFactories) {
  const ctx = { db: dialect.db, clock };
  return {
    dialect,
    db: dialect.db as Kysely<Database>,
    ingestQueue: createIngestQueueRepo(ctx, dialect),
    parkedItems: createParkedItemRepo(ctx),
    postProcessPending: createPostProcessPendingRepo(ctx),
    rateWindows: createRateWindowRepo(ctx),
    migrate: () => migrateToLatest(dialect),
    pendingMigrations: () => pendingMigrations(dialect),
    close: () => dialect.close(),
    ...buildRepositories(factories, ctx),
  };
}

export type Store = ReturnType<typeof createStore>;

const openedWith = new WeakMap<Store, StoreOptions>();

/** Opens the database `options` names; open-store.ts passes every domain's repository factories. */
export function openDatabase(options: StoreOptions, factories: RepositoryFactories): Store {
  const dialect = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.postgres)
    : openSqlite(options.sqliteFile ?? join(options.dataDir, 'faultline.sqlite'));
  const store = createStore(dialect, options.clock, factories);
  openedWith.set(store, options);
  return store;
}

/** How `store` was opened, so another thread can open its own connection to the same database; undefined for stores built by hand. */
export function storeOpenOptions(store: Store): StoreOptions | undefined {
  return openedWith.get(store);
}
