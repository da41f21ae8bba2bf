import type { Selectable } from 'kysely';
import type { CommitTable, RepoContext, RepositoryTable } from '../../store/index.js';

export interface Repository {
  id: number;
  orgId: number;
  name: string;
  url: string | null;
  provider: string | null;
  status: string;
  createdAt: number;
}

export interface Commit {
  id: number;
  repositoryId: number;
  key: string;
  message: string | null;
  authorName: string | null;
  authorEmail: string | null;
  dateAdded: number;
}

export interface NewCommit {
  repositoryId: number;
  key: string;
  message?: string | null;
  authorName?: string | null;
  authorEmail?: string | null;
  dateAdded?: number | null;
}

function toRepository(r: Selectable<RepositoryTable>): Repository {
  return { id: r.id, orgId: r.org_id, name: r.name, url: r.url, provider: r.provider, status: r.status, createdAt: r.created_at };
}

function toCommit(r: Selectable<CommitTable>): Commit {
  return {
    id: r.id,
    repositoryId: r.repository_id,
    key: r.key,
    message: r.message,
    authorName: r.author_name,
    authorEmail: r.author_email,
    dateAdded: r.date_added,
  };
}

/** Repositories of an organization and the commits releases are made of (`set-commits`). */
export function createReleaseCommitRepo({ db, clock }: RepoContext) {
  return {
    async repositories(orgId: number): Promise<Repository[]> {
      const rows = await db.selectFrom('repositories').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
      return rows.map(toRepository);
    },

    async createRepository(
      orgId: number,
      input: { name: string; url: string | null; provider: string | null },
    ): Promise<{ repository: Repository; created: boolean }> {
      const row = await db
        .insertInto('repositories')
        .values({ org_id: orgId, name: input.name, url: input.url, provider: input.provider, created_at: clock.now() })
        .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { repository: toRepository(row), created: true };
      const existing = await db.selectFrom('repositories').selectAll().where('org_id', '=', orgId).where('name', '=', input.name).executeTakeFirstOrThrow();
      return { repository: toRepository(existing), created: false };
    },

    async removeRepository(orgId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('repositories').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /**
     * Replaces the release's commits with `commits` (newest first). Known commits keep their
     * row and gain message/author when these were missing.
     */
    async setReleaseCommits(orgId: number, releaseId: number, commits: readonly NewCommit[]): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('release_commits').where('release_id', '=', releaseId).execute();
        const seen = new Set<number>();
        let position = 0;
        for (const c of commits) {
          const values = {
            org_id: orgId,
            repository_id: c.repositoryId,
            key: c.key,
            message: c.message ?? null,
            author_name: c.authorName ?? null,
            author_email: c.authorEmail ?? null,
            date_added: c.dateAdded ?? now,
          };
          const row = await trx
            .insertInto('commits')
            .values(values)
            .onConflict((oc) =>
              oc.columns(['repository_id', 'key']).doUpdateSet((eb) => ({
                message: eb.fn.coalesce('commits.message', 'excluded.message'),
                author_name: eb.fn.coalesce('commits.author_name', 'excluded.author_name'),
                author_email: eb.fn.coalesce('commits.author_email', 'excluded.author_email'),
              })),
            )
            .returning('id')
            .executeTakeFirstOrThrow();
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          await trx.insertInto('release_commits').values({ release_id: releaseId, commit_id: row.id, position: position++ }).execute();
        }
      });
    },

    /** Newest first, with the repository name. */
    async forRelease(releaseId: number): Promise<(Commit & { repositoryName: string })[]> {
      const rows = await db
        .selectFrom('release_commits')
        .innerJoin('commits', 'commits.id', 'release_commits.commit_id')
        .innerJoin('repositories', 'repositories.id', 'commits.repository_id')
        .selectAll('commits')
        .select('repositories.name as repository_name')
        .where('release_commits.release_id', '=', releaseId)
        .orderBy('release_commits.position')
        .execute();
      return rows.map((r) => ({ ...toCommit(r), repositoryName: r.repository_name }));
    },

    /** release id → commit count, head commit and distinct authors, for release lists. */
    async summaries(releaseIds: readonly number[]): Promise<Map<number, { count: number; head: Commit; authors: { name: string | null; email: string }[] }>> {
      const out = new Map<number, { count: number; head: Commit; authors: { name: string | null; email: string }[] }>();
      if (releaseIds.length === 0) return out;
      const rows = await db
        .selectFrom('release_commits')
        .innerJoin('commits', 'commits.id', 'release_commits.commit_id')
        .selectAll('commits')
        .select(['release_commits.release_id', 'release_commits.position'])
        .where('release_commits.release_id', 'in', releaseIds)
        .orderBy('release_commits.release_id')
        .orderBy('release_commits.position')
        .execute();
      for (const r of rows) {
        const entry = out.get(r.release_id) ?? { count: 0, head: toCommit(r), authors: [] };
        entry.count += 1;
        if (r.author_email && !entry.authors.some((a) => a.email === r.author_email)) entry.authors.push({ name: r.author_name, email: r.author_email });
        out.set(r.release_id, entry);
      }
      return out;
    },
  };
}

export type ReleaseCommitRepo = ReturnType<typeof createReleaseCommitRepo>;
