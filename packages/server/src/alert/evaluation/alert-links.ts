/** Web UI addresses messages link to (the Sentry-style routes of packages/web). */
export function issueUrl(publicUrl: string, org: string, issueId: number): string {
  return `${publicUrl}/organizations/${org}/issues/${issueId}/`;
}

export function issueRuleUrl(publicUrl: string, org: string, project: string, ruleId: number): string {
  return `${publicUrl}/organizations/${org}/alerts/rules/${project}/${ruleId}/details/`;
}

export function metricRuleUrl(publicUrl: string, org: string, ruleId: number): string {
  return `${publicUrl}/organizations/${org}/alerts/rules/details/${ruleId}/`;
}

export function formatShortId(projectSlug: string, counter: number): string {
  return `${projectSlug.toUpperCase()}-${counter.toString(36).toUpperCase()}`;
}
