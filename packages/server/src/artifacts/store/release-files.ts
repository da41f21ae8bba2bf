import type { Selectable } from 'kysely';
import type { ReleaseFileTable, RepoContext } from '../../store/index.js';

export interface ReleaseFile {
  id: number;
  releaseId: number;
  name: string;
  /** '' = none */
  dist: string;
  sha1: string;
  size: number;
  headers: Record<string, string>;
  createdAt: number;
}

function toReleaseFile(r: Selectable<ReleaseFileTable>): ReleaseFile {
  return {
    id: r.id,
    releaseId: r.release_id,
    name: r.name,
    dist: r.dist,
    sha1: r.sha1,
    size: r.size,
    headers: JSON.parse(r.headers) as Record<string, string>,
    createdAt: r.created_at,
  };
}

/**
 * Files uploaded one by one under a release (the legacy upload of sentry-cli 2.x: docs/wire-format.md › Legacy
 * release files).
 */
export function createReleaseFileRepo({ db, clock }: RepoContext) {
  return {
    async list(releaseId: number, offset: number, limit: number): Promise<ReleaseFile[]> {
      const rows = await db
        .selectFrom('release_files')
        .selectAll()
        .where('release_id', '=', releaseId)
        .orderBy('name')
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map(toReleaseFile);
    },

    async byId(releaseId: number, id: number): Promise<ReleaseFile | undefined> {
      const r = await db.selectFrom('release_files').selectAll().where('release_id', '=', releaseId).where('id', '=', id).executeTakeFirst();
      return r && toReleaseFile(r);
    },

    /** undefined when a file of that name and dist exists already (the endpoint answers 409). */
    async create(orgId: number, input: Omit<ReleaseFile, 'id' | 'createdAt'>): Promise<ReleaseFile | undefined> {
      const now = clock.now();
      const r = await db
        .insertInto('release_files')
        .values({
          org_id: orgId,
          release_id: input.releaseId,
          name: input.name,
          dist: input.dist,
          sha1: input.sha1,
          size: input.size,
          headers: JSON.stringify(input.headers),
          created_at: now,
          last_used_at: now,
        })
        .onConflict((oc) => oc.columns(['release_id', 'dist', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return r && toReleaseFile(r);
    },

    async remove(releaseId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('release_files').where('release_id', '=', releaseId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type ReleaseFileRepo = ReturnType<typeof createReleaseFileRepo>;
