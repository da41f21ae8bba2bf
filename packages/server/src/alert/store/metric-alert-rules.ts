import type { Selectable } from 'kysely';
import type { AlertIncidentTable, MetricAlertRuleTable, RepoContext, StoreExecutor } from '../../store/index.js';

export interface MetricRuleFields {
  projectId: number;
  name: string;
  metric: string;
  query: string;
  environment: string | null;
  timeWindowMs: number;
  comparisonDeltaMs: number | null;
  thresholdType: string;
  criticalThreshold: number;
  warningThreshold: number | null;
  resolveThreshold: number | null;
  sustainMs: number;
  actions: unknown;
  status: string;
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
}

/** Where a metric rule's evaluation stands. */
export interface MetricRuleState {
  state: string;
  warningSince: number | null;
  criticalSince: number | null;
  activeIncidentId: number | null;
  lastValue: number | null;
  lastEvaluatedAt: number | null;
}

export interface MetricRuleRecord extends MetricRuleFields, MetricRuleState {
  id: number;
  orgId: number;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface IncidentRecord {
  id: number;
  ruleId: number;
  projectId: number;
  status: string;
  severity: string;
  startedAt: number;
  resolvedAt: number | null;
}

export interface IncidentActivityRecord {
  id: number;
  incidentId: number;
  type: string;
  severity: string;
  value: number;
  at: number;
}

function toRule(r: Selectable<MetricAlertRuleTable>): MetricRuleRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    projectId: r.project_id,
    name: r.name,
    metric: r.metric,
    query: r.query,
    environment: r.environment,
    timeWindowMs: r.time_window_ms,
    comparisonDeltaMs: r.comparison_delta_ms,
    thresholdType: r.threshold_type,
    criticalThreshold: r.critical_threshold,
    warningThreshold: r.warning_threshold,
    resolveThreshold: r.resolve_threshold,
    sustainMs: r.sustain_ms,
    actions: JSON.parse(r.actions) as unknown,
    status: r.status,
    owner: r.owner,
    runbookUrl: r.runbook_url,
    triageNotes: r.triage_notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    state: r.state,
    warningSince: r.warning_since,
    criticalSince: r.critical_since,
    activeIncidentId: r.active_incident_id,
    lastValue: r.last_value,
    lastEvaluatedAt: r.last_evaluated_at,
  };
}

function toIncident(r: Selectable<AlertIncidentTable>): IncidentRecord {
  return { id: r.id, ruleId: r.rule_id, projectId: r.project_id, status: r.status, severity: r.severity, startedAt: r.started_at, resolvedAt: r.resolved_at };
}

function columns(f: MetricRuleFields) {
  return {
    project_id: f.projectId,
    name: f.name,
    metric: f.metric,
    query: f.query,
    environment: f.environment,
    time_window_ms: f.timeWindowMs,
    comparison_delta_ms: f.comparisonDeltaMs,
    threshold_type: f.thresholdType,
    critical_threshold: f.criticalThreshold,
    warning_threshold: f.warningThreshold,
    resolve_threshold: f.resolveThreshold,
    sustain_ms: f.sustainMs,
    actions: JSON.stringify(f.actions),
    status: f.status,
    owner: f.owner,
    runbook_url: f.runbookUrl,
    triage_notes: f.triageNotes,
  };
}

export function createMetricRuleRepo({ db, clock }: RepoContext) {
  return {
    async create(orgId: number, fields: MetricRuleFields, createdBy: number | null): Promise<MetricRuleRecord> {
      const now = clock.now();
      const row = await db
        .insertInto('metric_alert_rules')
        .values({ ...columns(fields), org_id: orgId, created_by: createdBy, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRule(row);
    },
    async byId(id: number): Promise<MetricRuleRecord | undefined> {
      const row = await db.selectFrom('metric_alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRule(row);
    },
    async list(orgId: number): Promise<MetricRuleRecord[]> {
      const rows = await db.selectFrom('metric_alert_rules').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toRule);
    },
    async listActive(): Promise<MetricRuleRecord[]> {
      const rows = await db.selectFrom('metric_alert_rules').selectAll().where('status', '=', 'active').orderBy('id').execute();
      return rows.map(toRule);
    },
    async update(id: number, fields: MetricRuleFields): Promise<MetricRuleRecord | undefined> {
      const row = await db
        .updateTable('metric_alert_rules')
        .set({ ...columns(fields), updated_at: clock.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toRule(row);
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('metric_alert_rules').where('id', '=', id).execute();
    },

    /**
     * Stores the outcome of one evaluation if the rule is still where the evaluator found it
     * (same state and last evaluation time); false means someone else got there first.
     */
    async saveState(trx: StoreExecutor, id: number, expected: Pick<MetricRuleState, 'state' | 'lastEvaluatedAt'>, next: MetricRuleState): Promise<boolean> {
      let q = trx
        .updateTable('metric_alert_rules')
        .set({
          state: next.state,
          warning_since: next.warningSince,
          critical_since: next.criticalSince,
          active_incident_id: next.activeIncidentId,
          last_value: next.lastValue,
          last_evaluated_at: next.lastEvaluatedAt,
        })
        .where('id', '=', id)
        .where('state', '=', expected.state);
      q = expected.lastEvaluatedAt === null ? q.where('last_evaluated_at', 'is', null) : q.where('last_evaluated_at', '=', expected.lastEvaluatedAt);
      const row = await q.returning('id').executeTakeFirst();
      return row !== undefined;
    },

    async openIncident(trx: StoreExecutor, input: { ruleId: number; projectId: number; severity: string; startedAt: number }): Promise<number> {
      const row = await trx
        .insertInto('alert_incidents')
        .values({
          rule_id: input.ruleId,
          project_id: input.projectId,
          status: 'open',
          severity: input.severity,
          started_at: input.startedAt,
          resolved_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async updateIncident(trx: StoreExecutor, id: number, patch: { severity: string; resolvedAt?: number }): Promise<void> {
      await trx
        .updateTable('alert_incidents')
        .set({ severity: patch.severity, ...(patch.resolvedAt === undefined ? {} : { status: 'resolved', resolved_at: patch.resolvedAt }) })
        .where('id', '=', id)
        .execute();
    },
    /** Returns the activity id: with the incident id it names one notification. */
    async addIncidentActivity(trx: StoreExecutor, input: Omit<IncidentActivityRecord, 'id'>): Promise<number> {
      const row = await trx
        .insertInto('alert_incident_activity')
        .values({ incident_id: input.incidentId, type: input.type, severity: input.severity, value: input.value, at: input.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async incidentById(id: number): Promise<IncidentRecord | undefined> {
      const row = await db.selectFrom('alert_incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toIncident(row);
    },
    /** Newest first. */
    async incidents(ruleIds: readonly number[], limit = 100): Promise<IncidentRecord[]> {
      if (ruleIds.length === 0) return [];
      const rows = await db.selectFrom('alert_incidents').selectAll().where('rule_id', 'in', ruleIds).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toIncident);
    },
    async incidentActivity(incidentId: number): Promise<IncidentActivityRecord[]> {
      const rows = await db.selectFrom('alert_incident_activity').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, type: r.type, severity: r.severity, value: r.value, at: r.at }));
    },
  };
}

export type MetricRuleRepo = ReturnType<typeof createMetricRuleRepo>;
