import type { Migration } from './migration.js';

export const foundation: Migration = {
  name: '0001_foundation',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('is_superuser', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('members')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('members_org_user', ['org_id', 'user_id'])
      .execute();
    await db.schema.createIndex('members_user').on('members').column('user_id').execute();
    await db.schema
      .createTable('teams')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('teams_org_slug', ['org_id', 'slug'])
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'member_id'])
      .execute();
    await db.schema
      .createTable('projects')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('platform', 'text')
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('projects_org_slug', ['org_id', 'slug'])
      .execute();
    await db.schema
      .createTable('project_teams')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('project_teams_pk', ['project_id', 'team_id'])
      .execute();
    await db.schema
      .createTable('client_keys')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull().unique())
      .addColumn('secret_key', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('rate_limit', 'integer')
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('client_keys_project').on('client_keys').column('project_id').execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('org_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('token_last_chars', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_used_at', big)
      .addColumn('expires_at', big)
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('expires_at', big, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_in_attempts')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_attempts_subject_at').on('sign_in_attempts').columns(['subject', 'at']).execute();
  },
};
