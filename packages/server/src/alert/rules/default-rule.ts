import type { Store } from '../../store/index.js';
import { ACTION, CONDITION, FILTER } from './issue-rule.js';
import type { IssueRuleDraft } from './parse-issue-rule.js';

/**
 * The one rule a new project starts with. It alerts on a symptom users feel — a new
 * problem that already reached several people — rather than on every new issue, which
 * is what trains people to ignore alert mail. The age filter makes "within 1 hour" mean
 * the issue's first hour; the long action interval makes it one e-mail per issue.
 */
export function defaultIssueRule(teamId: number): IssueRuleDraft {
  return {
    name: 'New issue affecting more than 5 users within 1 hour',
    conditions: [{ id: CONDITION.userFrequency, value: 5, interval: '1h' }],
    filters: [{ id: FILTER.age, comparison_type: 'newer', value: 1, time: 'hour' }],
    actions: [{ id: ACTION.email, targetType: 'Team', targetIdentifier: String(teamId) }],
    actionMatch: 'all',
    filterMatch: 'all',
    frequencyMinutes: 1440,
    environment: null,
    status: 'active',
    owner: `team:${teamId}`,
    runbookUrl: null,
    triageNotes:
      'Created with the project. Open the issue, check the release it first appeared in, and assign it. See docs/alerts.md to tune or mute this rule.',
  };
}

/** Gives a newly created project its default issue rule, e-mailing the project's team. */
export async function createDefaultIssueRule(store: Store, projectId: number, teamId: number): Promise<void> {
  await store.alerts.issueRules.create(projectId, defaultIssueRule(teamId), null);
}
