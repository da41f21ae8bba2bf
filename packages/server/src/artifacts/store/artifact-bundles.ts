import type { Selectable } from 'kysely';
import type { ArtifactBundleTable, RepoContext } from '../../store/index.js';

export interface ArtifactBundle {
  id: number;
  orgId: number;
  checksum: string;
  bundleId: string | null;
  fileCount: number;
  size: number;
  createdAt: number;
  lastUsedAt: number;
}

export interface NewBundleFile {
  type: string;
  url: string;
  debugId: string | null;
  sha1: string;
  size: number;
  headers: Record<string, string>;
}

export interface BundleAssociation {
  projectIds: readonly number[];
  /** '' = none */
  release: string;
  /** '' = none */
  dist: string;
}

function toBundle(r: Selectable<ArtifactBundleTable>): ArtifactBundle {
  return {
    id: r.id,
    orgId: r.org_id,
    checksum: r.checksum,
    bundleId: r.bundle_id,
    fileCount: r.file_count,
    size: r.size,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  };
}

const rowsPerInsert = 200;

/** Artifact bundles (sentry-cli `sourcemaps upload`), their files and where they apply. */
export function createArtifactBundleRepo({ db, clock }: RepoContext) {
  async function associate(bundleId: number, orgId: number, with_: BundleAssociation, trx = db): Promise<void> {
    if (with_.projectIds.length > 0) {
      await trx
        .insertInto('artifact_bundle_projects')
        .values(with_.projectIds.map((project_id) => ({ bundle_id: bundleId, project_id })))
        .onConflict((oc) => oc.columns(['bundle_id', 'project_id']).doNothing())
        .execute();
    }
    await trx
      .insertInto('artifact_bundle_releases')
      .values({ bundle_id: bundleId, org_id: orgId, release: with_.release, dist: with_.dist })
      .onConflict((oc) => oc.columns(['bundle_id', 'release', 'dist']).doNothing())
      .execute();
  }

  return {
    async byChecksum(orgId: number, checksum: string): Promise<ArtifactBundle | undefined> {
      const r = await db.selectFrom('artifact_bundles').selectAll().where('org_id', '=', orgId).where('checksum', '=', checksum).executeTakeFirst();
      return r && toBundle(r);
    },

    /** Stores the bundle's index in one transaction; a bundle already stored (same checksum) only gains associations. */
    async create(
      input: { orgId: number; checksum: string; bundleId: string | null; files: readonly NewBundleFile[] },
      with_: BundleAssociation,
    ): Promise<ArtifactBundle> {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const size = input.files.reduce((n, f) => n + f.size, 0);
        const inserted = await trx
          .insertInto('artifact_bundles')
          .values({
            org_id: input.orgId,
            checksum: input.checksum,
            bundle_id: input.bundleId,
            file_count: input.files.length,
            size,
            created_at: now,
            last_used_at: now,
          })
          .onConflict((oc) => oc.columns(['org_id', 'checksum']).doNothing())
          .returningAll()
          .executeTakeFirst();
        const bundle =
          inserted ??
          (await trx
            .selectFrom('artifact_bundles')
            .selectAll()
            .where('org_id', '=', input.orgId)
            .where('checksum', '=', input.checksum)
            .executeTakeFirstOrThrow());
        if (inserted) {
          for (let i = 0; i < input.files.length; i += rowsPerInsert) {
            const values = input.files.slice(i, i + rowsPerInsert).map((f) => ({
              bundle_id: bundle.id,
              type: f.type,
              url: f.url,
              debug_id: f.debugId,
              sha1: f.sha1,
              size: f.size,
              headers: JSON.stringify(f.headers),
            }));
            await trx.insertInto('artifact_bundle_files').values(values).execute();
          }
        }
        await associate(bundle.id, input.orgId, with_, trx);
        return toBundle(bundle);
      });
    },

    associate: (bundleId: number, orgId: number, with_: BundleAssociation) => associate(bundleId, orgId, with_),

    /** Bundles that apply to the project, newest first, with their release/dist pairs. */
    async listForProject(projectId: number, offset: number, limit: number): Promise<(ArtifactBundle & { releases: { release: string; dist: string }[] })[]> {
      const rows = await db
        .selectFrom('artifact_bundles')
        .innerJoin('artifact_bundle_projects', 'artifact_bundle_projects.bundle_id', 'artifact_bundles.id')
        .selectAll('artifact_bundles')
        .where('artifact_bundle_projects.project_id', '=', projectId)
        .orderBy('artifact_bundles.created_at', 'desc')
        .orderBy('artifact_bundles.id', 'desc')
        .offset(offset)
        .limit(limit)
        .execute();
      const ids = rows.map((r) => r.id);
      const rels =
        ids.length === 0 ? [] : await db.selectFrom('artifact_bundle_releases').selectAll().where('bundle_id', 'in', ids).orderBy('release').execute();
      return rows.map((r) => ({
        ...toBundle(r),
        releases: rels.filter((x) => x.bundle_id === r.id).map((x) => ({ release: x.release, dist: x.dist })),
      }));
    },

    /** The bundle if it applies to the project (org isolation comes from the project). */
    async forProject(projectId: number, id: number): Promise<ArtifactBundle | undefined> {
      const r = await db
        .selectFrom('artifact_bundles')
        .innerJoin('artifact_bundle_projects', 'artifact_bundle_projects.bundle_id', 'artifact_bundles.id')
        .selectAll('artifact_bundles')
        .where('artifact_bundle_projects.project_id', '=', projectId)
        .where('artifact_bundles.id', '=', id)
        .executeTakeFirst();
      return r && toBundle(r);
    },

    async files(bundleId: number): Promise<(NewBundleFile & { id: number })[]> {
      const rows = await db.selectFrom('artifact_bundle_files').selectAll().where('bundle_id', '=', bundleId).orderBy('url').execute();
      return rows.map((r) => ({
        id: r.id,
        type: r.type,
        url: r.url,
        debugId: r.debug_id,
        sha1: r.sha1,
        size: r.size,
        headers: JSON.parse(r.headers) as Record<string, string>,
      }));
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom('artifact_bundles').where('id', '=', id).execute();
    },
  };
}

export type ArtifactBundleRepo = ReturnType<typeof createArtifactBundleRepo>;
