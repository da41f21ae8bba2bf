/**
 * store: what every domain's data access shares. One Kysely schema (the row types of every
 * table), two dialects (SQLite by default, PostgreSQL with DATABASE_URL), versioned
 * migrations, opening and closing, and the repositories of the shared queues (ingest queue,
 * parked items, pending post-process work, rate windows, scheduled tasks). Each domain owns
 * its own tables' repositories and adds them to `Repositories`. Dialect differences live
 * only in `dialects/`. It must not know any domain, HTTP, sessions or the ingest protocol.
 */

export type { AlertIncidentTable, AlertRuleTable, MetricAlertRuleTable, NotificationChannelTable } from './alert-tables.js';
export type { Dialect } from './dialects/index.js';
export type { EventAttachmentTable, UserReportTable } from './feedback-tables.js';
export type { NewQueuedEnvelope, QueuedEnvelope, QueuePartition } from './ingest-queue.js';
// Migration 0018's backfill, exported so a test can replay the upgrade on rows it made.
export { backfillHourlyNames } from './migrations/0018-hourly-name-rollups.js';
export type { MonitorCheckInTable, MonitorEnvironmentTable, MonitorIncidentTable, MonitorTable } from './monitor-tables.js';
export type { NewParkedItem, ParkedItem } from './parked-items.js';
export type { PendingBatch } from './post-process-pending.js';
export { type WindowIncrement, type WindowTotals, windowKey } from './rate-windows.js';
export type { ArtifactBundleTable, CommitTable, DeployTable, ReleaseFileTable, ReleaseTable, RepositoryTable } from './release-tables.js';
export type { ReplayErrorTable, ReplaySegmentTable, ReplayTable } from './replay-tables.js';
export { inTransaction, type RepoContext, type StoreExecutor } from './repo-context.js';
export type { ScheduledTaskRecord } from './scheduled-tasks.js';
export { createScheduledTaskRepo } from './scheduled-tasks.js';
export type { ApiTokenTable, ClientKeyTable, Database, IssueTable, MemberInviteTable, OrganizationTable, ProjectTable, UserTable } from './schema.js';
export { createStore, openDatabase, type Repositories, type RepositoryFactories, type Store, type StoreOptions, storeOpenOptions } from './store.js';
