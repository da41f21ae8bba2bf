import { type Notification, notificationFacts } from '../notification.js';

/**
 * PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
 * `trigger` opens or updates the alert with this dedup_key, `resolve` closes it. Using the
 * alert's own identity as dedup_key makes a retried trigger update the same alert instead
 * of opening a second one, so at-least-once delivery is harmless here.
 */
export function pagerDutyEvent(n: Notification, routingKey: string, action: 'trigger' | 'resolve') {
  if (action === 'resolve') return { routing_key: routingKey, event_action: 'resolve' as const, dedup_key: n.dedupKey };
  const details: Record<string, string> = { reason: n.reason };
  for (const f of notificationFacts(n)) details[f.label] = f.value;
  if (n.rule.triageNotes) details['Triage notes'] = n.rule.triageNotes;
  if (n.rule.runbookUrl) details.Runbook = n.rule.runbookUrl;
  const links = [{ href: n.link.url, text: n.link.text }];
  if (n.rule.runbookUrl) links.push({ href: n.rule.runbookUrl, text: 'Runbook' });
  return {
    routing_key: routingKey,
    event_action: 'trigger' as const,
    dedup_key: n.dedupKey,
    payload: {
      summary: (n.title.length > 1024 ? `${n.title.slice(0, 1023)}…` : n.title) || 'Faultline alert',
      source: `${n.organization.slug}/${n.project.slug}`,
      // PagerDuty's severities are exactly Faultline's: critical, error, warning, info.
      severity: n.severity,
      timestamp: new Date(n.firedAt).toISOString(),
      component: n.project.slug,
      group: n.environment ?? 'all environments',
      class: n.kind === 'metric' ? (n.metric?.key ?? 'metric') : 'issue',
      custom_details: details,
    },
    links,
    client: 'Faultline',
    client_url: n.rule.url,
  };
}
