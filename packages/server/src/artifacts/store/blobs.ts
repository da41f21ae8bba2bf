import type { RepoContext, StoreExecutor } from '../../store/index.js';

/**
 * Content-addressed bytes in the database (table `blobs`), the artifact storage of
 * scale-out deployments: every server process sees the same files. Writing a known SHA-1
 * again is a no-op, so uploads deduplicate by content.
 */
export function createBlobRepo({ db, clock }: RepoContext) {
  return {
    async put(sha1: string, data: Uint8Array): Promise<void> {
      await db
        .insertInto('blobs')
        .values({ sha1, size: data.byteLength, data, created_at: clock.now() })
        // Known content only gets younger: the garbage collector's grace period starts again.
        .onConflict((oc) => oc.column('sha1').doUpdateSet({ created_at: clock.now() }))
        .execute();
    },

    async get(sha1: string, exec: StoreExecutor = db): Promise<Uint8Array | undefined> {
      const r = await exec.selectFrom('blobs').select('data').where('sha1', '=', sha1).executeTakeFirst();
      return r?.data;
    },

    /** Deletes the blob unless it was written or refreshed at or after `unlessNewerThan`. */
    async removeOlderThan(sha1: string, unlessNewerThan: number): Promise<void> {
      await db.deleteFrom('blobs').where('sha1', '=', sha1).where('created_at', '<', unlessNewerThan).execute();
    },

    /** Blobs written before `before`, in SHA-1 order after `after`: the garbage collector's pages. */
    async listOlderThan(before: number, after: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('blobs')
        .select('sha1')
        .where('created_at', '<', before)
        .where('sha1', '>', after)
        .orderBy('sha1')
        .limit(limit)
        .execute();
      return rows.map((r) => r.sha1);
    },
  };
}

export type BlobRepo = ReturnType<typeof createBlobRepo>;
