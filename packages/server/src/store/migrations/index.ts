import { type Migration as KyselyMigration, Migrator } from 'kysely';
import type { Dialect } from '../dialects/index.js';
import { foundation } from './0001-foundation.js';
import { ingest } from './0002-ingest.js';
import { issues } from './0003-issues.js';
import { issueReview } from './0004-issue-review.js';
import { retention } from './0005-retention.js';
import { alerts } from './0006-alerts.js';
import { releases } from './0007-releases.js';
import { ingestClientIp } from './0008-ingest-client-ip.js';
import { issueTagTopValues } from './0009-issue-tag-top-values.js';
import { memberInvites } from './0010-member-invites.js';
import { backgroundSweeps } from './0011-background-sweeps.js';
import { eventDictionaries } from './0012-event-dictionaries.js';
import { performance } from './0013-performance.js';
import { eventTraces } from './0014-event-traces.js';
import { sessions } from './0015-sessions.js';
import { hourlyTransactionRollups } from './0016-hourly-transaction-rollups.js';
import { monitors } from './0017-monitors.js';
import { hourlyNameRollups } from './0018-hourly-name-rollups.js';
import { feedback } from './0019-feedback.js';
import { replays } from './0020-replays.js';
import { sessionSetDays } from './0021-session-set-days.js';
import { logs } from './0022-logs.js';
import { ingestUserAgent } from './0023-ingest-user-agent.js';
import { replayViews } from './0024-replay-views.js';
import type { Migration } from './migration.js';

/** Ordered: append new migrations, never edit or reorder applied ones. */
export const migrations: readonly Migration[] = [
  foundation,
  ingest,
  issues,
  issueReview,
  retention,
  alerts,
  releases,
  ingestClientIp,
  issueTagTopValues,
  memberInvites,
  backgroundSweeps,
  eventDictionaries,
  performance,
  eventTraces,
  sessions,
  hourlyTransactionRollups,
  monitors,
  hourlyNameRollups,
  feedback,
  replays,
  sessionSetDays,
  logs,
  ingestUserAgent,
  replayViews,
];

async function migrator(dialect: Dialect): Promise<Migrator> {
  const migrationTableSchema = await dialect.migrationSchema();
  return new Migrator({
    db: dialect.db,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
    provider: {
      async getMigrations() {
        const out: Record<string, KyselyMigration> = {};
        for (const m of migrations) out[m.name] = { up: (db) => m.up(db, dialect) };
        return out;
      },
    },
  });
}

/** Applies pending migrations; Kysely takes a database lock so concurrent starts are safe. */
export async function migrateToLatest(dialect: Dialect): Promise<string[]> {
  const { error, results } = await (await migrator(dialect)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function pendingMigrations(dialect: Dialect): Promise<string[]> {
  const all = await (await migrator(dialect)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export type { Migration } from './migration.js';
