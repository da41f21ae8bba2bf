/**
 * store: the data-access layer. One Kysely schema, two dialects (SQLite by
 * default, PostgreSQL with DATABASE_URL), versioned migrations and one
 * repository per aggregate. Dialect differences live only in `dialects/`.
 * It must not know about HTTP, sessions or the ingest protocol.
 */
export type { DeliveryRecord, FiringRecord, NewDelivery, NewFiring } from './alert-firings.js';
export type { ClaimedDelivery } from './alert-outbox.js';
export type { AlertIssueFacts, EventWindow, IssueRowCondition } from './alert-queries.js';
export type { IssueRuleFields, IssueRuleRecord } from './alert-rules.js';
export type { AlertRepos } from './alerts.js';
// The repository factories, for the composition root (open-store.ts).
export { createAlertRepos } from './alerts.js';

export type { ArtifactBundle, BundleAssociation, NewBundleFile } from './artifact-bundles.js';
export type { ArtifactFileRef } from './artifact-lookup.js';
export { createArtifactRepos } from './artifact-repos.js';

export type { Deploy, NewDeploy } from './deploys.js';
export type { Dialect } from './dialects/index.js';

export type { NewQueuedEnvelope, QueuedEnvelope, QueuePartition } from './ingest-queue.js';

export type { IncidentActivityRecord, IncidentRecord, MetricRuleFields, MetricRuleRecord, MetricRuleState } from './metric-alert-rules.js';
export type { NotificationChannel } from './notification-channels.js';

export type { NewParkedItem, ParkedItem } from './parked-items.js';
export type { PendingBatch } from './post-process-pending.js';

export { type WindowIncrement, type WindowTotals, windowKey } from './rate-windows.js';
export type { Commit, NewCommit, Repository } from './release-commits.js';
export type { ReleaseFile } from './release-files.js';
export { createReleaseRepos } from './release-repos.js';
export type { NewRelease, Release, ReleaseListFilter, ReleasePatch } from './releases.js';
export type { RepoContext, StoreExecutor } from './repo-context.js';
export type { ScheduledTaskRecord } from './scheduled-tasks.js';
export type { ApiTokenTable, ClientKeyTable, Database, IssueTable, MemberInviteTable, OrganizationTable, ProjectTable, UserTable } from './schema.js';
export { createStore, openDatabase, type Repositories, type RepositoryFactories, type Store, type StoreOptions, storeOpenOptions } from './store.js';
export type { Assembly, AssemblyState } from './upload-chunks.js';
