import type { RepoContext } from '../../store/index.js';

/** A claimed outbox row with what sending it needs. */
export interface ClaimedDelivery {
  id: number;
  deliveryId: string;
  firingId: number;
  channelType: string;
  channelId: number | null;
  payload: unknown;
  notification: unknown;
  /** including this one */
  attempts: number;
}

/**
 * The delivery side of the outbox. A worker claims a due row by moving it to
 * `sending` under a lease with a conditional UPDATE (atomic on both dialects), so
 * two workers never hold the same row; a row whose worker died mid-send becomes
 * due again when its lease runs out.
 */
export function createAlertOutboxRepo({ db }: RepoContext) {
  return {
    /** Ids of rows due at `now`: pending and due, or sending with an expired lease. */
    async dueIds(now: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('alert_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /** Takes the row for `owner` until `leaseUntil` and counts the attempt; undefined if it is no longer due. */
    async claim(id: number, owner: string, now: number, leaseUntil: number): Promise<ClaimedDelivery | undefined> {
      const row = await db
        .updateTable('alert_outbox')
        .set((eb) => ({ status: 'sending', lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .returning(['id', 'delivery_id', 'firing_id', 'channel_type', 'channel_id', 'payload', 'attempts'])
        .executeTakeFirst();
      if (!row) return undefined;
      const firing = await db.selectFrom('alert_firings').select('notification').where('id', '=', row.firing_id).executeTakeFirst();
      return {
        id: row.id,
        deliveryId: row.delivery_id,
        firingId: row.firing_id,
        channelType: row.channel_type,
        channelId: row.channel_id,
        payload: JSON.parse(row.payload) as unknown,
        notification: firing ? (JSON.parse(firing.notification) as unknown) : null,
        attempts: row.attempts,
      };
    },

    /** Settles a claimed row; false when the lease was lost (another worker took the row over). */
    async settle(
      id: number,
      owner: string,
      outcome: { status: 'sent'; at: number } | { status: 'pending'; nextAttemptAt: number; error: string } | { status: 'failed'; error: string },
    ): Promise<boolean> {
      const row = await db
        .updateTable('alert_outbox')
        .set({
          status: outcome.status,
          lease_owner: null,
          lease_until: null,
          ...(outcome.status === 'sent' ? { sent_at: outcome.at, last_error: null } : { last_error: outcome.error.slice(0, 2000) }),
          ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('lease_owner', '=', owner)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async counts(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('alert_outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Earliest time a pending row becomes due, for the worker's sleep. */
    async nextDueAt(): Promise<number | null> {
      const row = await db
        .selectFrom('alert_outbox')
        .select((eb) => eb.fn.min<number>('next_attempt_at').as('at'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },
  };
}

export type AlertOutboxRepo = ReturnType<typeof createAlertOutboxRepo>;
