/**
 * store: the data-access layer. One Kysely schema, two dialects (SQLite by
 * default, PostgreSQL with DATABASE_URL), versioned migrations and one
 * repository per aggregate. Dialect differences live only in `dialects/`.
 * It must not know about HTTP, sessions or the ingest protocol.
 */

// The repository factories, for the composition root (open-store.ts).

export type { AlertIncidentTable, AlertRuleTable, MetricAlertRuleTable, NotificationChannelTable } from './alert-tables.js';
export type { Dialect } from './dialects/index.js';
export type { NewQueuedEnvelope, QueuedEnvelope, QueuePartition } from './ingest-queue.js';
export type { NewParkedItem, ParkedItem } from './parked-items.js';
export type { PendingBatch } from './post-process-pending.js';
export { type WindowIncrement, type WindowTotals, windowKey } from './rate-windows.js';
export type { ArtifactBundleTable, CommitTable, DeployTable, ReleaseFileTable, ReleaseTable, RepositoryTable } from './release-tables.js';
export type { RepoContext, StoreExecutor } from './repo-context.js';
export type { ScheduledTaskRecord } from './scheduled-tasks.js';
export { createScheduledTaskRepo } from './scheduled-tasks.js';
export type { ApiTokenTable, ClientKeyTable, Database, IssueTable, MemberInviteTable, OrganizationTable, ProjectTable, UserTable } from './schema.js';
export { createStore, openDatabase, type Repositories, type RepositoryFactories, type Store, type StoreOptions, storeOpenOptions } from './store.js';
