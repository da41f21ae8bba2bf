import type { RepoContext } from '../../store/index.js';

/** Server-side sign-in sessions, keyed by the digest of the cookie value. */
export interface SessionRecord {
  userId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export function createSessionRepo({ db, clock }: RepoContext) {
  return {
    async create(idHash: string, userId: number, csrfToken: string, ttlMs: number): Promise<void> {
      const now = clock.now();
      await db
        .insertInto('sessions')
        .values({ id_hash: idHash, user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: now + ttlMs })
        .execute();
    },
    async find(idHash: string): Promise<SessionRecord | undefined> {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', clock.now()).executeTakeFirst();
      return r && { userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at };
    },
    async remove(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async removeExpired(): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', clock.now()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export function createSignInAttemptRepo({ db, clock }: RepoContext) {
  return {
    async record(subject: string): Promise<void> {
      await db.insertInto('sign_in_attempts').values({ subject, at: clock.now() }).execute();
    },
    async countSince(subject: string, windowMs: number): Promise<number> {
      const r = await db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('subject', '=', subject)
        .where('at', '>', clock.now() - windowMs)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async clear(subject: string): Promise<void> {
      await db.deleteFrom('sign_in_attempts').where('subject', '=', subject).execute();
    },
  };
}

export type SessionRepo = ReturnType<typeof createSessionRepo>;
export type SignInAttemptRepo = ReturnType<typeof createSignInAttemptRepo>;
