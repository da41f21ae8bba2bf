import type { Selectable } from 'kysely';
import type { AlertRuleTable, RepoContext, StoreExecutor } from '../../store/index.js';

/** An issue alert rule as stored; the JSON lists are validated by alert/ when read. */
export interface IssueRuleRecord {
  id: number;
  projectId: number;
  name: string;
  conditions: unknown;
  filters: unknown;
  actions: unknown;
  actionMatch: string;
  filterMatch: string;
  frequencyMinutes: number;
  environment: string | null;
  status: string;
  muted: boolean;
  snoozeUntil: number | null;
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface IssueRuleFields {
  name: string;
  conditions: unknown;
  filters: unknown;
  actions: unknown;
  actionMatch: string;
  filterMatch: string;
  frequencyMinutes: number;
  environment: string | null;
  status: string;
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
}

function toRule(r: Selectable<AlertRuleTable>): IssueRuleRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    conditions: JSON.parse(r.conditions) as unknown,
    filters: JSON.parse(r.filters) as unknown,
    actions: JSON.parse(r.actions) as unknown,
    actionMatch: r.action_match,
    filterMatch: r.filter_match,
    frequencyMinutes: r.frequency_minutes,
    environment: r.environment,
    status: r.status,
    muted: r.muted === 1,
    snoozeUntil: r.snooze_until,
    owner: r.owner,
    runbookUrl: r.runbook_url,
    triageNotes: r.triage_notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(f: IssueRuleFields) {
  return {
    name: f.name,
    conditions: JSON.stringify(f.conditions),
    filters: JSON.stringify(f.filters),
    actions: JSON.stringify(f.actions),
    action_match: f.actionMatch,
    filter_match: f.filterMatch,
    frequency_minutes: f.frequencyMinutes,
    environment: f.environment,
    status: f.status,
    owner: f.owner,
    runbook_url: f.runbookUrl,
    triage_notes: f.triageNotes,
  };
}

export function createIssueRuleRepo({ db, clock }: RepoContext) {
  return {
    async create(projectId: number, fields: IssueRuleFields, createdBy: number | null): Promise<IssueRuleRecord> {
      const now = clock.now();
      const row = await db
        .insertInto('alert_rules')
        .values({ ...columns(fields), project_id: projectId, created_by: createdBy, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRule(row);
    },
    async byId(id: number): Promise<IssueRuleRecord | undefined> {
      const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRule(row);
    },
    async list(projectId: number): Promise<IssueRuleRecord[]> {
      const rows = await db.selectFrom('alert_rules').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
      return rows.map(toRule);
    },
    async update(id: number, fields: IssueRuleFields): Promise<IssueRuleRecord | undefined> {
      const row = await db
        .updateTable('alert_rules')
        .set({ ...columns(fields), updated_at: clock.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toRule(row);
    },
    /** muted = snoozed without an end; snoozeUntil = snoozed until then; both cleared = live again. */
    async setSnooze(id: number, muted: boolean, snoozeUntil: number | null): Promise<IssueRuleRecord | undefined> {
      const row = await db
        .updateTable('alert_rules')
        .set({ muted: muted ? 1 : 0, snooze_until: snoozeUntil, updated_at: clock.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toRule(row);
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('alert_rules').where('id', '=', id).execute();
    },

    async lastFiredAt(ruleId: number, issueId: number): Promise<number | null> {
      const row = await db
        .selectFrom('alert_rule_issue_state')
        .select('last_fired_at')
        .where('rule_id', '=', ruleId)
        .where('issue_id', '=', issueId)
        .executeTakeFirst();
      return row?.last_fired_at ?? null;
    },

    /**
     * The action interval as a compare-and-set: true when this caller may notify about
     * `issueId` now (no notification within `intervalMs`), and the interval restarts.
     * Two processes racing for the same (rule, issue) cannot both get true.
     */
    async claimActionInterval(trx: StoreExecutor, ruleId: number, issueId: number, now: number, intervalMs: number): Promise<boolean> {
      const inserted = await trx
        .insertInto('alert_rule_issue_state')
        .values({ rule_id: ruleId, issue_id: issueId, last_fired_at: now })
        .onConflict((oc) => oc.columns(['rule_id', 'issue_id']).doNothing())
        .returning('rule_id')
        .executeTakeFirst();
      if (inserted) return true;
      const updated = await trx
        .updateTable('alert_rule_issue_state')
        .set({ last_fired_at: now })
        .where('rule_id', '=', ruleId)
        .where('issue_id', '=', issueId)
        .where('last_fired_at', '<=', now - intervalMs)
        .returning('rule_id')
        .executeTakeFirst();
      return updated !== undefined;
    },
  };
}

export type IssueRuleRepo = ReturnType<typeof createIssueRuleRepo>;
