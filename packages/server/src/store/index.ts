/**
 * store: the data-access layer. One Kysely schema, two dialects (SQLite by
 * default, PostgreSQL with DATABASE_URL), versioned migrations and one
 * repository per aggregate. Dialect differences live only in `dialects/`.
 * It must not know about HTTP, sessions or the ingest protocol.
 */
export type { ApiToken } from './api-tokens.js';
export type { ClientKey } from './client-keys.js';
export type { Dialect } from './dialects/index.js';
export type { NewStoredEvent, StoredEvent } from './events.js';
export type { NewQueuedEnvelope, QueuedEnvelope } from './ingest-queue.js';
export { isMemberRole, type Member, type MemberRole, memberRoles } from './members.js';
export type { Organization } from './organizations.js';
export { mergeOutcomeIncrements, type OutcomeIncrement, type OutcomeQuery, type OutcomeRow } from './outcomes.js';
export type { NewParkedItem, ParkedItem } from './parked-items.js';
export type { Project } from './projects.js';
export { type WindowIncrement, type WindowTotals, windowKey } from './rate-windows.js';
export type { StoreExecutor } from './repo-context.js';
export type { Database } from './schema.js';
export type { SessionRecord } from './sessions.js';
export { createStore, openStore, type Store, type StoreOptions } from './store.js';
export type { Team } from './teams.js';
export type { User } from './users.js';
