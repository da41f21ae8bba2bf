import type { RepoContext, StoreExecutor } from '../../store/index.js';

export interface NewFiring {
  dedupKey: string;
  kind: 'issue' | 'metric';
  projectId: number;
  ruleId: number | null;
  metricRuleId: number | null;
  issueId: number | null;
  incidentId: number | null;
  severity: string;
  firedAt: number;
  notification: unknown;
}

export interface NewDelivery {
  deliveryId: string;
  channelType: string;
  channelId: number | null;
  payload: unknown;
  /** a delivery known to be impossible at firing time (deleted channel) is recorded failed */
  failedWith?: string;
}

export interface DeliveryRecord {
  id: number;
  deliveryId: string;
  channelType: string;
  channelId: number | null;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
}

export interface FiringRecord {
  id: number;
  dedupKey: string;
  kind: string;
  projectId: number;
  ruleId: number | null;
  metricRuleId: number | null;
  issueId: number | null;
  incidentId: number | null;
  severity: string;
  firedAt: number;
  notification: unknown;
  deliveries: DeliveryRecord[];
}

/**
 * Firings and the outbox rows they enqueue. `record` runs inside the caller's
 * transaction so a firing and its deliveries exist together or not at all, and
 * the unique dedup key makes a second insert of the same firing a no-op.
 */
export function createAlertFiringRepo({ db, clock }: RepoContext) {
  return {
    /** Returns the new firing's id, or null when a firing with this dedup key already exists. */
    async record(trx: StoreExecutor, firing: NewFiring, deliveries: readonly NewDelivery[]): Promise<number | null> {
      const row = await trx
        .insertInto('alert_firings')
        .values({
          dedup_key: firing.dedupKey,
          kind: firing.kind,
          project_id: firing.projectId,
          rule_id: firing.ruleId,
          metric_rule_id: firing.metricRuleId,
          issue_id: firing.issueId,
          incident_id: firing.incidentId,
          severity: firing.severity,
          fired_at: firing.firedAt,
          notification: JSON.stringify(firing.notification),
        })
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      const now = clock.now();
      if (deliveries.length > 0) {
        await trx
          .insertInto('alert_outbox')
          .values(
            deliveries.map((d) => ({
              firing_id: row.id,
              delivery_id: d.deliveryId,
              channel_type: d.channelType,
              channel_id: d.channelId,
              payload: JSON.stringify(d.payload),
              status: d.failedWith === undefined ? 'pending' : 'failed',
              attempts: 0,
              next_attempt_at: firing.firedAt,
              last_error: d.failedWith ?? null,
              created_at: now,
            })),
          )
          .execute();
      }
      return row.id;
    },

    /** Newest first, each with its deliveries: the rule's history page. */
    async history(rule: { issueRuleId: number } | { metricRuleId: number }, limit = 100, offset = 0): Promise<FiringRecord[]> {
      let q = db.selectFrom('alert_firings').selectAll();
      q = 'issueRuleId' in rule ? q.where('rule_id', '=', rule.issueRuleId) : q.where('metric_rule_id', '=', rule.metricRuleId);
      const firings = await q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
      if (firings.length === 0) return [];
      const outbox = await db
        .selectFrom('alert_outbox')
        .select(['id', 'firing_id', 'delivery_id', 'channel_type', 'channel_id', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at'])
        .where(
          'firing_id',
          'in',
          firings.map((f) => f.id),
        )
        .orderBy('id')
        .execute();
      return firings.map((f) => ({
        id: f.id,
        dedupKey: f.dedup_key,
        kind: f.kind,
        projectId: f.project_id,
        ruleId: f.rule_id,
        metricRuleId: f.metric_rule_id,
        issueId: f.issue_id,
        incidentId: f.incident_id,
        severity: f.severity,
        firedAt: f.fired_at,
        notification: JSON.parse(f.notification) as unknown,
        deliveries: outbox
          .filter((o) => o.firing_id === f.id)
          .map((o) => ({
            id: o.id,
            deliveryId: o.delivery_id,
            channelType: o.channel_type,
            channelId: o.channel_id,
            status: o.status,
            attempts: o.attempts,
            nextAttemptAt: o.next_attempt_at,
            lastError: o.last_error,
            sentAt: o.sent_at,
          })),
      }));
    },
  };
}

export type AlertFiringRepo = ReturnType<typeof createAlertFiringRepo>;
