import type { RepoContext } from '../../store/index.js';

export type AssemblyState = 'assembling' | 'ok' | 'error';

export interface Assembly {
  state: AssemblyState;
  detail: string | null;
  updatedAt: number;
}

const asState = (s: string): AssemblyState => (s === 'ok' || s === 'error' ? s : 'assembling');

/**
 * Chunk ownership (which organization uploaded which chunk; the bytes are in blob storage)
 * and the state of assemble jobs, shared by every server process so a poll may land on any.
 */
export function createUploadChunkRepo({ db, clock }: RepoContext) {
  return {
    async add(orgId: number, chunks: readonly { sha1: string; size: number }[]): Promise<void> {
      if (chunks.length === 0) return;
      const now = clock.now();
      const unique = [...new Map(chunks.map((c) => [c.sha1, c])).values()];
      await db
        .insertInto('upload_chunks')
        .values(unique.map((c) => ({ org_id: orgId, sha1: c.sha1, size: c.size, created_at: now })))
        .onConflict((oc) => oc.columns(['org_id', 'sha1']).doUpdateSet({ created_at: now }))
        .execute();
    },

    /** The subset of `sha1s` this organization has uploaded. */
    async owned(orgId: number, sha1s: readonly string[]): Promise<Set<string>> {
      if (sha1s.length === 0) return new Set();
      const rows = await db
        .selectFrom('upload_chunks')
        .select('sha1')
        .where('org_id', '=', orgId)
        .where('sha1', 'in', [...new Set(sha1s)])
        .execute();
      return new Set(rows.map((r) => r.sha1));
    },

    async removeOlderThan(before: number): Promise<number> {
      const r = await db.deleteFrom('upload_chunks').where('created_at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async assembly(orgId: number, checksum: string): Promise<Assembly | undefined> {
      const r = await db.selectFrom('artifact_assemblies').selectAll().where('org_id', '=', orgId).where('checksum', '=', checksum).executeTakeFirst();
      return r && { state: asState(r.state), detail: r.detail, updatedAt: r.updated_at };
    },

    /**
     * Takes the job of assembling `checksum`: true when this caller won. A job that failed or
     * finished earlier, or whose process went away (still `assembling` before `staleBefore`),
     * can be taken again.
     */
    async claimAssembly(orgId: number, checksum: string, staleBefore: number): Promise<boolean> {
      const now = clock.now();
      const row = await db
        .insertInto('artifact_assemblies')
        .values({ org_id: orgId, checksum, state: 'assembling', detail: null, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'checksum'])
            .doUpdateSet({ state: 'assembling', detail: null, updated_at: now })
            .where((eb) =>
              eb.or([
                // `ok` without a bundle (the caller checked): the bundle was deleted since.
                eb('artifact_assemblies.state', 'in', ['error', 'ok']),
                eb.and([eb('artifact_assemblies.state', '=', 'assembling'), eb('artifact_assemblies.updated_at', '<', staleBefore)]),
              ]),
            ),
        )
        .returning('checksum')
        .executeTakeFirst();
      return row !== undefined;
    },

    async finishAssembly(orgId: number, checksum: string, state: 'ok' | 'error', detail: string | null): Promise<void> {
      await db
        .updateTable('artifact_assemblies')
        .set({ state, detail, updated_at: clock.now() })
        .where('org_id', '=', orgId)
        .where('checksum', '=', checksum)
        .execute();
    },

    async removeAssembliesOlderThan(before: number): Promise<number> {
      const r = await db.deleteFrom('artifact_assemblies').where('updated_at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type UploadChunkRepo = ReturnType<typeof createUploadChunkRepo>;
