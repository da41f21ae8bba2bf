import type { JsonValue } from '@faultline/protocol';
import type { SearchFilter } from '../../performance/index.js';
import { LOG_LEVELS, type LogLevel } from '../log-line.js';
import type { LogsRepo } from '../store/logs-repo.js';
import type { FunctionField } from './log-aggregates.js';
import type { LogProject } from './log-fields.js';

/**
 * `count()` per severity and project over whole minutes comes from the per-minute counts
 * (`log_minutes`), not from decoding blocks (docs/logs.md › Storage): the chart beside the
 * stream and "count() by severity" stay fast however many lines a day holds. Only requests
 * whose every function is `count()`, whose groups are severity or project, and whose filters
 * name severities qualify; the partial minutes at a window's edges are counted from the lines.
 */
const SEVERITY_FIELDS = new Set(['severity', 'severity_text', 'log.severity_text']);
const PROJECT_FIELDS = new Set(['project', 'project.slug', 'project.name', 'project.id']);

export interface MinuteCountPlan {
  /** level indexes the filters allow; null = all */
  readonly severities: readonly number[] | null;
}

export function minuteCountPlan(
  functions: readonly FunctionField[],
  columns: readonly string[],
  filters: readonly SearchFilter[],
  environments: readonly string[],
): MinuteCountPlan | null {
  if (functions.length === 0 || !functions.every((f) => f.name === 'count' && (f.args.length === 0 || f.args[0] === ''))) return null;
  if (!columns.every((c) => SEVERITY_FIELDS.has(c) || PROJECT_FIELDS.has(c)) || environments.length > 0) return null;
  let severities = null as Set<number> | null;
  for (const f of filters) {
    if (!SEVERITY_FIELDS.has(f.key) || f.op !== 'eq' || f.negated || f.values.some((v) => v.includes('*'))) return null;
    const named = new Set(
      f.values.map((v) => LOG_LEVELS.indexOf((v.toLowerCase() === 'warning' ? 'warn' : v.toLowerCase()) as LogLevel)).filter((i) => i >= 0),
    );
    severities = severities === null ? named : new Set([...severities].filter((s) => named.has(s)));
  }
  return { severities: severities === null ? null : [...severities] };
}

/** A group's values for the request's columns, from a minute row. */
export function minuteGroupKey(columns: readonly string[], severity: number, project: LogProject): Record<string, JsonValue> {
  return Object.fromEntries(columns.map((c) => [c, SEVERITY_FIELDS.has(c) ? (LOG_LEVELS[severity] ?? null) : c === 'project.id' ? project.id : project.slug]));
}

/** Counts per minute row in [start, end) (both whole minutes), handed to `visit` with their project. */
export async function readMinuteCounts(
  repo: LogsRepo,
  projects: readonly LogProject[],
  start: number,
  end: number,
  plan: MinuteCountPlan,
  visit: (minute: number, severity: number, project: LogProject, count: number) => void,
): Promise<void> {
  if (end <= start) return;
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const r of await repo.minuteCounts([...byId.keys()], start, end, plan.severities)) {
    const project = byId.get(r.projectId);
    if (project !== undefined) visit(r.minute, r.severity, project, r.count);
  }
}
