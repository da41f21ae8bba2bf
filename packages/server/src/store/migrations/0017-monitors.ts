import type { Migration } from './migration.js';

/**
 * Crons (docs/crons.md): monitors (one per organization and slug, in one project), their
 * per-environment state (next expected check-in, status), check-ins (the client's and the
 * sweep's synthetic `missed` ones) and incidents (consecutive failures that opened a cron
 * issue). Follows Sentry's model: https://docs.sentry.io/product/crons/
 */
export const monitors: Migration = {
  name: '0017_monitors',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('monitors')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('guid', 'text', (c) => c.notNull().unique())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('is_muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('owner', 'text')
      .addColumn('schedule_type', 'text', (c) => c.notNull())
      .addColumn('schedule', 'text', (c) => c.notNull())
      .addColumn('interval_unit', 'text')
      .addColumn('checkin_margin', 'integer')
      .addColumn('max_runtime', 'integer')
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('failure_issue_threshold', 'integer')
      .addColumn('recovery_threshold', 'integer')
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addUniqueConstraint('monitors_org_slug', ['org_id', 'slug'])
      .execute();
    await db.schema.createIndex('monitors_project').on('monitors').columns(['project_id']).execute();
    await db.schema
      .createTable('monitor_environments')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('is_muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_checkin', big)
      .addColumn('next_checkin', big)
      .addColumn('next_checkin_latest', big)
      .addUniqueConstraint('monitor_environments_name', ['monitor_id', 'environment'])
      .execute();
    // The missed sweep's scan: environments whose latest expected check-in has passed.
    await db.schema.createIndex('monitor_environments_due').on('monitor_environments').columns(['next_checkin_latest']).execute();
    await db.schema
      .createTable('monitor_checkins')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
      .addColumn('environment_id', 'integer', (c) => c.notNull().references('monitor_environments.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('duration_ms', 'double precision')
      .addColumn('date_created', big, (c) => c.notNull())
      .addColumn('date_updated', big, (c) => c.notNull())
      .addColumn('date_in_progress', big)
      .addColumn('date_clock', big)
      .addColumn('expected_time', big)
      .addColumn('timeout_at', big)
      .addColumn('trace_id', 'text')
      .addColumn('release', 'text')
      .addColumn('monitor_config', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('monitor_checkins_guid').on('monitor_checkins').columns(['monitor_id', 'guid']).execute();
    await db.schema.createIndex('monitor_checkins_env_date').on('monitor_checkins').columns(['environment_id', 'date_created']).execute();
    // The timeout sweep's scan: open check-ins whose max runtime has passed.
    await db.schema.createIndex('monitor_checkins_timeout').on('monitor_checkins').columns(['status', 'timeout_at']).execute();
    await db.schema
      .createTable('monitor_incidents')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
      .addColumn('environment_id', 'integer', (c) => c.notNull().references('monitor_environments.id').onDelete('cascade'))
      .addColumn('grouphash', 'text', (c) => c.notNull().unique())
      .addColumn('starting_checkin_id', 'integer')
      .addColumn('starting_at', big, (c) => c.notNull())
      .addColumn('resolving_checkin_id', 'integer')
      .addColumn('resolving_at', big)
      .execute();
    await db.schema.createIndex('monitor_incidents_env').on('monitor_incidents').columns(['environment_id', 'resolving_at']).execute();
  },
};
