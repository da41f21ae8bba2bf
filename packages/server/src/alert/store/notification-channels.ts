import type { Selectable } from 'kysely';
import type { NotificationChannelTable, RepoContext } from '../../store/index.js';

/** A configured notification destination; `config` is the channel type's JSON, validated by alert/. */
export interface NotificationChannel {
  id: number;
  orgId: number;
  name: string;
  type: string;
  config: unknown;
  createdAt: number;
  updatedAt: number;
}

function toChannel(r: Selectable<NotificationChannelTable>): NotificationChannel {
  return { id: r.id, orgId: r.org_id, name: r.name, type: r.type, config: JSON.parse(r.config) as unknown, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function createNotificationChannelRepo({ db, clock }: RepoContext) {
  return {
    async create(input: { orgId: number; name: string; type: string; config: unknown }): Promise<NotificationChannel> {
      const now = clock.now();
      const row = await db
        .insertInto('notification_channels')
        .values({ org_id: input.orgId, name: input.name, type: input.type, config: JSON.stringify(input.config), created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toChannel(row);
    },
    async byId(id: number): Promise<NotificationChannel | undefined> {
      const row = await db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toChannel(row);
    },
    async list(orgId: number): Promise<NotificationChannel[]> {
      const rows = await db.selectFrom('notification_channels').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toChannel);
    },
    async update(id: number, patch: { name?: string; config?: unknown }): Promise<NotificationChannel | undefined> {
      const row = await db
        .updateTable('notification_channels')
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.config === undefined ? {} : { config: JSON.stringify(patch.config) }),
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toChannel(row);
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('notification_channels').where('id', '=', id).execute();
    },
  };
}

export type NotificationChannelRepo = ReturnType<typeof createNotificationChannelRepo>;
