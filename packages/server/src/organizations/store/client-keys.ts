import type { Selectable, Updateable } from 'kysely';
import { randomHex } from '../../kernel/index.js';
import type { ClientKeyTable, RepoContext } from '../../store/index.js';

/** A DSN key. The public key is an identifier SDKs send in the clear, not a secret. */
export interface ClientKey {
  id: number;
  projectId: number;
  label: string;
  publicKey: string;
  secretKey: string;
  enabled: boolean;
  /** events per minute; null = unlimited */
  rateLimit: number | null;
  createdAt: number;
}

function toKey(r: Selectable<ClientKeyTable>): ClientKey {
  return {
    id: r.id,
    projectId: r.project_id,
    label: r.label,
    publicKey: r.public_key,
    secretKey: r.secret_key,
    enabled: r.enabled === 1,
    rateLimit: r.rate_limit,
    createdAt: r.created_at,
  };
}

export function createClientKeyRepo({ db, clock }: RepoContext) {
  return {
    async create(projectId: number, label: string, rateLimit: number | null = null): Promise<ClientKey> {
      const row = await db
        .insertInto('client_keys')
        .values({
          project_id: projectId,
          label,
          public_key: randomHex(16),
          secret_key: randomHex(16),
          enabled: 1,
          rate_limit: rateLimit,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toKey(row);
    },
    async byPublicKey(publicKey: string): Promise<ClientKey | undefined> {
      const row = await db.selectFrom('client_keys').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
      return row && toKey(row);
    },
    async byId(projectId: number, id: number): Promise<ClientKey | undefined> {
      const row = await db.selectFrom('client_keys').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
      return row && toKey(row);
    },
    async list(projectId: number): Promise<ClientKey[]> {
      const rows = await db.selectFrom('client_keys').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
      return rows.map(toKey);
    },
    async update(projectId: number, id: number, patch: { label?: string; enabled?: boolean; rateLimit?: number | null }): Promise<ClientKey | undefined> {
      const set: Updateable<ClientKeyTable> = {};
      if (patch.label !== undefined) set.label = patch.label;
      if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
      if (patch.rateLimit !== undefined) set.rate_limit = patch.rateLimit;
      if (Object.keys(set).length > 0) await db.updateTable('client_keys').set(set).where('project_id', '=', projectId).where('id', '=', id).execute();
      return this.byId(projectId, id);
    },
    async remove(projectId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('client_keys').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type ClientKeyRepo = ReturnType<typeof createClientKeyRepo>;
