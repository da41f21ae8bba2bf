import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.js';
import { createAlertRepos } from './alerts.js';
import { createApiTokenRepo } from './api-tokens.js';
import { createClientKeyRepo } from './client-keys.js';
import { type Dialect, openPostgres, openSqlite, type PostgresOptions } from './dialects/index.js';
import { createEventDictionaryRepo } from './event-dictionaries.js';
import { createEventRepo } from './events.js';
import { createIngestQueueRepo } from './ingest-queue.js';
import { createIssueCounterRepo } from './issue-counters.js';
import { createIssueIgnoreExpiryRepo } from './issue-ignore-expiry.js';
import { createIssueMergeRepo } from './issue-merge.js';
import { createIssueTriageRepo } from './issue-triage.js';
import { createIssueWriteRepo } from './issue-writes.js';
import { createMemberInviteRepo } from './member-invites.js';
import { createMemberRepo } from './members.js';
import { migrateToLatest, pendingMigrations } from './migrations/index.js';
import { createOrganizationRepo } from './organizations.js';
import { createOutcomeRepo } from './outcomes.js';
import { createParkedItemRepo } from './parked-items.js';
import { createPostProcessPendingRepo } from './post-process-pending.js';
import { createProjectRepo } from './projects.js';
import { createRateWindowRepo } from './rate-windows.js';
import { createArtifactRepos, createReleaseRepos } from './release-repos.js';
import type { Database } from './schema.js';
import { createSessionRepo, createSignInAttemptRepo } from './sessions.js';
import { createTeamRepo } from './teams.js';
import { createUserRepo } from './users.js';

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

export function createStore(dialect: Dialect, clock: Clock) {
  const ctx = { db: dialect.db, clock };
  return {
    dialect,
    db: dialect.db as Kysely<Database>,
    organizations: createOrganizationRepo(ctx),
    users: createUserRepo(ctx),
    members: createMemberRepo(ctx),
    memberInvites: createMemberInviteRepo(ctx),
    teams: createTeamRepo(ctx),
    projects: createProjectRepo(ctx),
    clientKeys: createClientKeyRepo(ctx),
    apiTokens: createApiTokenRepo(ctx),
    sessions: createSessionRepo(ctx),
    signInAttempts: createSignInAttemptRepo(ctx),
    ingestQueue: createIngestQueueRepo(ctx, dialect),
    events: createEventRepo(ctx),
    eventDictionaries: createEventDictionaryRepo(ctx),
    parkedItems: createParkedItemRepo(ctx),
    postProcessPending: createPostProcessPendingRepo(ctx),
    issueWrites: createIssueWriteRepo(ctx),
    issueCounters: createIssueCounterRepo(ctx),
    issueIgnoreExpiry: createIssueIgnoreExpiryRepo(ctx),
    outcomes: createOutcomeRepo(ctx),
    rateWindows: createRateWindowRepo(ctx),
    alerts: createAlertRepos(ctx),
    issueTriage: createIssueTriageRepo(ctx),
    issueMerge: createIssueMergeRepo(ctx),
    releases: createReleaseRepos(ctx),
    artifacts: createArtifactRepos(ctx),
    migrate: () => migrateToLatest(dialect),
    pendingMigrations: () => pendingMigrations(dialect),
    close: () => dialect.close(),
  };
}

export type Store = ReturnType<typeof createStore>;

const openedWith = new WeakMap<Store, StoreOptions>();

export function openStore(options: StoreOptions): Store {
  const dialect = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.postgres)
    : openSqlite(options.sqliteFile ?? join(options.dataDir, 'faultline.sqlite'));
  const store = createStore(dialect, options.clock);
  openedWith.set(store, options);
  return store;
}

/** How `store` was opened, so another thread can open its own connection to the same database; undefined for stores built by hand. */
export function storeOpenOptions(store: Store): StoreOptions | undefined {
  return openedWith.get(store);
}
