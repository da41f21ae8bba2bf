import type { Selectable } from 'kysely';
import type { RepoContext, UserTable } from '../../store/index.js';

export interface User {
  id: number;
  email: string;
  name: string;
  isSuperuser: boolean;
  createdAt: number;
}

function toUser(r: Selectable<UserTable>): User {
  return { id: r.id, email: r.email, name: r.name, isSuperuser: r.is_superuser === 1, createdAt: r.created_at };
}

export function createUserRepo({ db, clock }: RepoContext) {
  return {
    async create(input: { email: string; name: string; passwordHash: string | null; isSuperuser?: boolean }): Promise<User> {
      const row = await db
        .insertInto('users')
        .values({
          email: input.email.toLowerCase(),
          name: input.name,
          password_hash: input.passwordHash,
          is_superuser: input.isSuperuser ? 1 : 0,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    },
    async byId(id: number): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async byEmail(email: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row && toUser(row);
    },
    async passwordHash(userId: number): Promise<string | null> {
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
      return row?.password_hash ?? null;
    },
    async setPassword(userId: number, passwordHash: string, isSuperuser?: boolean): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, ...(isSuperuser === undefined ? {} : { is_superuser: isSuperuser ? 1 : 0 }) })
        .where('id', '=', userId)
        .execute();
    },
    /** Every user, oldest first (`faultline user list`). */
    async list(): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(toUser);
    },
    async first(): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().orderBy('id').limit(1).executeTakeFirst();
      return row && toUser(row);
    },
  };
}

export type UserRepo = ReturnType<typeof createUserRepo>;
