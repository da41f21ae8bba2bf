import type { Selectable } from 'kysely';
import type { ApiTokenTable, RepoContext } from '../../store/index.js';

/** An API token as stored: only its SHA-256 digest and last characters, never the token. */
export interface ApiToken {
  id: number;
  userId: number;
  orgId: number | null;
  name: string;
  scopes: string[];
  lastChars: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
}

function toToken(r: Selectable<ApiTokenTable>): ApiToken {
  return {
    id: r.id,
    userId: r.user_id,
    orgId: r.org_id,
    name: r.name,
    scopes: r.scopes.split(' ').filter(Boolean),
    lastChars: r.token_last_chars,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  };
}

export function createApiTokenRepo({ db, clock }: RepoContext) {
  return {
    async create(input: { userId: number; orgId: number | null; name: string; tokenHash: string; lastChars: string; scopes: string[] }): Promise<ApiToken> {
      const row = await db
        .insertInto('api_tokens')
        .values({
          user_id: input.userId,
          org_id: input.orgId,
          name: input.name,
          token_hash: input.tokenHash,
          token_last_chars: input.lastChars,
          scopes: input.scopes.join(' '),
          created_at: clock.now(),
          last_used_at: null,
          expires_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async byHash(tokenHash: string): Promise<ApiToken | undefined> {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toToken(row);
    },
    async listForUser(userId: number): Promise<ApiToken[]> {
      const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute();
      return rows.map(toToken);
    },
    async listForOrg(orgId: number): Promise<ApiToken[]> {
      const rows = await db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toToken);
    },
    /**
     * Records that the token was used now, unless it was recorded less than `notWithinMs`
     * ago: a conditional UPDATE, so concurrent requests write at most once per interval.
     */
    async touch(id: number, notWithinMs = 0): Promise<void> {
      const now = clock.now();
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - notWithinMs)]))
        .execute();
    },
    async revoke(userId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('api_tokens').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type ApiTokenRepo = ReturnType<typeof createApiTokenRepo>;
