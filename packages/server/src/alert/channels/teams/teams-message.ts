import { type Notification, notificationFacts, statusTag } from '../notification.js';

/**
 * A Microsoft Teams message carrying an Adaptive Card (schema 1.4), the format Teams
 * incoming webhooks and Workflows ("Post to a channel when a webhook request is
 * received") accept; the legacy MessageCard format is being retired by Microsoft.
 */
export function teamsMessage(n: Notification) {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
      text: `${statusTag(n)} ${n.title}`,
      color: n.status === 'resolved' ? 'Good' : n.severity === 'critical' || n.severity === 'error' ? 'Attention' : 'Warning',
    },
    { type: 'TextBlock', wrap: true, text: n.reason },
  ];
  if (n.issue?.culprit) body.push({ type: 'TextBlock', wrap: true, isSubtle: true, fontType: 'Monospace', text: n.issue.culprit });
  body.push({ type: 'FactSet', facts: notificationFacts(n).map((f) => ({ title: f.label, value: f.value })) });
  if (n.rule.triageNotes) body.push({ type: 'TextBlock', wrap: true, text: `**Triage notes:** ${n.rule.triageNotes}` });
  body.push({ type: 'TextBlock', wrap: true, isSubtle: true, size: 'Small', text: `Rule: ${n.rule.name}` });
  const actions: Record<string, unknown>[] = [{ type: 'Action.OpenUrl', title: n.link.text, url: n.link.url }];
  if (n.rule.runbookUrl) actions.push({ type: 'Action.OpenUrl', title: 'Runbook', url: n.rule.runbookUrl });
  actions.push({ type: 'Action.OpenUrl', title: 'Alert rule', url: n.rule.url });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, actions },
      },
    ],
  };
}
