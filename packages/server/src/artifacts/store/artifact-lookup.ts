import type { RepoContext, StoreExecutor } from '../../store/index.js';

/** One uploaded file as symbolication finds it: from a bundle or a legacy release file. */
export interface ArtifactFileRef {
  source: 'bundle' | 'release_file';
  /** the bundle's or the release file's id (what `touch` and retention act on) */
  ownerId: number;
  /** minified_source | source | source_map | indexed_ram_bundle; '' for release files (untyped) */
  type: string;
  url: string;
  debugId: string | null;
  sha1: string;
  size: number;
  /** lower-case keys */
  headers: Record<string, string>;
}

const lowerKeys = (json: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, unknown>)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
};

/**
 * The reads symbolication makes and the bookkeeping of artifact retention. Every query is
 * scoped to a project: a debug id or URL of another organization's upload never matches.
 * The reads take the caller's transaction (the worker's batch) when there is one.
 */
export function createArtifactLookupRepo({ db }: RepoContext) {
  return {
    /** Which of these projects have any artifact at all: one indexed probe per project, one query. */
    async projectsWithArtifacts(projectIds: readonly number[], exec: StoreExecutor = db): Promise<Set<number>> {
      if (projectIds.length === 0) return new Set();
      const rows = await exec
        .selectFrom('projects as p')
        .select('p.id')
        .where('p.id', 'in', [...new Set(projectIds)])
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('artifact_bundle_projects as bp').select('bp.bundle_id').whereRef('bp.project_id', '=', 'p.id')),
            eb.exists(eb.selectFrom('release_files as rf').select('rf.id').whereRef('rf.org_id', '=', 'p.org_id')),
          ]),
        )
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Bundle files carrying one of these debug ids, in bundles that apply to the project. */
    async byDebugIds(projectId: number, debugIds: readonly string[], exec: StoreExecutor = db): Promise<ArtifactFileRef[]> {
      if (debugIds.length === 0) return [];
      const rows = await exec
        .selectFrom('artifact_bundle_files as f')
        .innerJoin('artifact_bundle_projects as bp', 'bp.bundle_id', 'f.bundle_id')
        .selectAll('f')
        .where('bp.project_id', '=', projectId)
        .where('f.debug_id', 'in', [...new Set(debugIds)])
        .orderBy('f.bundle_id', 'desc')
        .execute();
      return rows.map((r) => ({
        source: 'bundle',
        ownerId: r.bundle_id,
        type: r.type,
        url: r.url,
        debugId: r.debug_id,
        sha1: r.sha1,
        size: r.size,
        headers: lowerKeys(r.headers),
      }));
    },

    /**
     * Files of the release (exact dist; '' = none) whose URL is one of `urls`: bundle files
     * first (newest bundle first), then legacy release files.
     */
    async byUrls(projectId: number, release: string, dist: string, urls: readonly string[], exec: StoreExecutor = db): Promise<ArtifactFileRef[]> {
      if (urls.length === 0) return [];
      const unique = [...new Set(urls)];
      const bundleRows = await exec
        .selectFrom('artifact_bundle_files as f')
        .innerJoin('artifact_bundle_projects as bp', 'bp.bundle_id', 'f.bundle_id')
        .innerJoin('artifact_bundle_releases as br', 'br.bundle_id', 'f.bundle_id')
        .innerJoin('projects as p', 'p.id', 'bp.project_id')
        .selectAll('f')
        .where('bp.project_id', '=', projectId)
        .whereRef('br.org_id', '=', 'p.org_id')
        .where('br.release', '=', release)
        .where('br.dist', '=', dist)
        .where('f.url', 'in', unique)
        .orderBy('f.bundle_id', 'desc')
        .execute();
      const fileRows = await exec
        .selectFrom('release_files as rf')
        .innerJoin('releases as r', 'r.id', 'rf.release_id')
        .innerJoin('projects as p', 'p.org_id', 'r.org_id')
        .selectAll('rf')
        .where('p.id', '=', projectId)
        .where('r.version', '=', release)
        .where('rf.dist', '=', dist)
        .where('rf.name', 'in', unique)
        .orderBy('rf.id', 'desc')
        .execute();
      return [
        ...bundleRows.map(
          (r): ArtifactFileRef => ({
            source: 'bundle',
            ownerId: r.bundle_id,
            type: r.type,
            url: r.url,
            debugId: r.debug_id,
            sha1: r.sha1,
            size: r.size,
            headers: lowerKeys(r.headers),
          }),
        ),
        ...fileRows.map(
          (r): ArtifactFileRef => ({
            source: 'release_file',
            ownerId: r.id,
            type: '',
            url: r.name,
            debugId: null,
            sha1: r.sha1,
            size: r.size,
            headers: lowerKeys(r.headers),
          }),
        ),
      ];
    },

    /** Marks artifacts used at `now`; rows touched within `granularityMs` are left alone (one write per day, not per event). */
    async touch(bundleIds: readonly number[], releaseFileIds: readonly number[], now: number, granularityMs: number): Promise<void> {
      const stale = now - granularityMs;
      if (bundleIds.length > 0)
        await db.updateTable('artifact_bundles').set({ last_used_at: now }).where('id', 'in', bundleIds).where('last_used_at', '<', stale).execute();
      if (releaseFileIds.length > 0)
        await db.updateTable('release_files').set({ last_used_at: now }).where('id', 'in', releaseFileIds).where('last_used_at', '<', stale).execute();
    },

    /** Retention: bundles and release files neither uploaded nor used since `before`. */
    async removeUnusedSince(before: number): Promise<{ bundles: number; releaseFiles: number }> {
      const b = await db.deleteFrom('artifact_bundles').where('last_used_at', '<', before).executeTakeFirst();
      const f = await db.deleteFrom('release_files').where('last_used_at', '<', before).executeTakeFirst();
      return { bundles: Number(b.numDeletedRows), releaseFiles: Number(f.numDeletedRows) };
    },

    /** The subset of `sha1s` still referenced by a chunk, a bundle file or a release file. */
    async referenced(sha1s: readonly string[]): Promise<Set<string>> {
      if (sha1s.length === 0) return new Set();
      const rows = await db
        .selectFrom('upload_chunks')
        .select('sha1')
        .where('sha1', 'in', sha1s)
        .union(db.selectFrom('artifact_bundle_files').select('sha1').where('sha1', 'in', sha1s))
        .union(db.selectFrom('release_files').select('sha1').where('sha1', 'in', sha1s))
        .execute();
      return new Set(rows.map((r) => r.sha1));
    },
  };
}

export type ArtifactLookupRepo = ReturnType<typeof createArtifactLookupRepo>;
