import type { Migration } from './migration.js';

/**
 * Releases (with deploys, repositories and commits) and the artifacts sentry-cli uploads
 * for source maps: chunks, artifact bundles, legacy release files and the blobs holding
 * their bytes. Every uploaded file is stored once per content (SHA-1); the metadata rows
 * say where it is used. See docs/releases.md and docs/wire-format.md › sentry-cli: chunked uploads.
 */
export const releases: Migration = {
  name: '0007_releases',
  async up(db, d) {
    const big = d.bigIntType;
    // Sentry's releases are organization-wide; projects join through release_projects.
    await db.schema
      .createTable('releases')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('url', 'text')
      .addColumn('date_started', big)
      .addColumn('date_released', big)
      // open | archived
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('releases_org_version', ['org_id', 'version'])
      .execute();
    await db.schema.createIndex('releases_org_created').on('releases').columns(['org_id', 'created_at']).execute();

    // first/last event: the newest event of this release in this project (release list "Last Event").
    await db.schema
      .createTable('release_projects')
      .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('first_event', big)
      .addColumn('last_event', big)
      .addColumn('created_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('release_projects_pk', ['release_id', 'project_id'])
      .execute();
    await db.schema.createIndex('release_projects_project').on('release_projects').columns(['project_id', 'release_id']).execute();

    await db.schema
      .createTable('deploys')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('url', 'text')
      .addColumn('date_started', big)
      .addColumn('date_finished', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('deploys_release').on('deploys').columns(['release_id', 'date_finished']).execute();

    await db.schema
      .createTable('repositories')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('provider', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('repositories_org_name', ['org_id', 'name'])
      .execute();

    await db.schema
      .createTable('commits')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('repository_id', 'integer', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('author_name', 'text')
      .addColumn('author_email', 'text')
      .addColumn('date_added', big, (c) => c.notNull())
      .addUniqueConstraint('commits_repository_key', ['repository_id', 'key'])
      .execute();

    // position 0 is the newest commit (the release's head).
    await db.schema
      .createTable('release_commits')
      .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
      .addColumn('commit_id', 'integer', (c) => c.notNull().references('commits.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('release_commits_pk', ['release_id', 'commit_id'])
      .execute();
    await db.schema.createIndex('release_commits_release_position').on('release_commits').columns(['release_id', 'position']).execute();

    // Release pages count new issues and events per release; these lookups must not scan.
    await db.schema.createIndex('issues_project_first_release').on('issues').columns(['project_id', 'first_release']).execute();
    await db.schema.createIndex('issue_hourly_release').on('issue_hourly').columns(['release', 'issue_id']).execute();

    // Content-addressed bytes when artifacts live in the database (scale-out); unused on the file store.
    await db.schema
      .createTable('blobs')
      .addColumn('sha1', 'text', (c) => c.primaryKey())
      .addColumn('size', big, (c) => c.notNull())
      .addColumn('data', d.blobType, (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();

    // Chunks belong to the organization that uploaded them: assembling needs the org to own every chunk.
    await db.schema
      .createTable('upload_chunks')
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('sha1', 'text', (c) => c.notNull())
      .addColumn('size', big, (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('upload_chunks_pk', ['org_id', 'sha1'])
      .execute();
    await db.schema.createIndex('upload_chunks_sha1').on('upload_chunks').columns(['sha1']).execute();
    await db.schema.createIndex('upload_chunks_created').on('upload_chunks').columns(['created_at']).execute();

    // Assemble is asynchronous: every server process answers polls from this row.
    await db.schema
      .createTable('artifact_assemblies')
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('checksum', 'text', (c) => c.notNull())
      // assembling | ok | error
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('updated_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('artifact_assemblies_pk', ['org_id', 'checksum'])
      .execute();

    await db.schema
      .createTable('artifact_bundles')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('checksum', 'text', (c) => c.notNull())
      // the manifest's debug_id (a bundle id, not a file's)
      .addColumn('bundle_id', 'text')
      .addColumn('file_count', 'integer', (c) => c.notNull())
      .addColumn('size', big, (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_used_at', big, (c) => c.notNull())
      .addUniqueConstraint('artifact_bundles_org_checksum', ['org_id', 'checksum'])
      .execute();
    await db.schema.createIndex('artifact_bundles_last_used').on('artifact_bundles').columns(['last_used_at']).execute();

    await db.schema
      .createTable('artifact_bundle_projects')
      .addColumn('bundle_id', 'integer', (c) => c.notNull().references('artifact_bundles.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('artifact_bundle_projects_pk', ['bundle_id', 'project_id'])
      .execute();
    await db.schema.createIndex('artifact_bundle_projects_project').on('artifact_bundle_projects').columns(['project_id', 'bundle_id']).execute();

    // '' = no release / no dist: the lookup matches dist exactly, and no dist only matches no dist.
    await db.schema
      .createTable('artifact_bundle_releases')
      .addColumn('bundle_id', 'integer', (c) => c.notNull().references('artifact_bundles.id').onDelete('cascade'))
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('dist', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('artifact_bundle_releases_pk', ['bundle_id', 'release', 'dist'])
      .execute();
    await db.schema.createIndex('artifact_bundle_releases_lookup').on('artifact_bundle_releases').columns(['org_id', 'release', 'dist', 'bundle_id']).execute();

    await db.schema
      .createTable('artifact_bundle_files')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('bundle_id', 'integer', (c) => c.notNull().references('artifact_bundles.id').onDelete('cascade'))
      // minified_source | source | source_map | indexed_ram_bundle
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('debug_id', 'text')
      .addColumn('sha1', 'text', (c) => c.notNull())
      .addColumn('size', big, (c) => c.notNull())
      // JSON object, lower-case keys (`sourcemap`, `debug-id`)
      .addColumn('headers', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('artifact_bundle_files_bundle_url').on('artifact_bundle_files').columns(['bundle_id', 'url']).execute();
    await db.schema.createIndex('artifact_bundle_files_debug_id').on('artifact_bundle_files').columns(['debug_id', 'type']).execute();
    await db.schema.createIndex('artifact_bundle_files_sha1').on('artifact_bundle_files').columns(['sha1']).execute();

    // Legacy per-file uploads (sentry-cli 2.x without chunk upload, `releases files upload`).
    await db.schema
      .createTable('release_files')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('dist', 'text', (c) => c.notNull())
      .addColumn('sha1', 'text', (c) => c.notNull())
      .addColumn('size', big, (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_used_at', big, (c) => c.notNull())
      .addUniqueConstraint('release_files_release_dist_name', ['release_id', 'dist', 'name'])
      .execute();
    await db.schema.createIndex('release_files_org').on('release_files').columns(['org_id', 'release_id']).execute();
    await db.schema.createIndex('release_files_sha1').on('release_files').columns(['sha1']).execute();
    await db.schema.createIndex('release_files_last_used').on('release_files').columns(['last_used_at']).execute();
  },
};
