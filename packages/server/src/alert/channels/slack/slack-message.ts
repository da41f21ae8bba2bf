import { formatTime, type Notification, notificationFacts, statusTag } from '../notification.js';

/** Slack mrkdwn treats only these three as control characters (Slack: "Formatting text for app surfaces"). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A Block Kit message for an incoming webhook: header, why, facts, notes, buttons, rule context. */
export function slackMessage(n: Notification) {
  const title = `${statusTag(n)} ${n.title}`;
  const culprit = n.issue?.culprit ? `\n\`${slackEscape(clip(n.issue.culprit, 500))}\`` : '';
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, 150), emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${slackEscape(n.reason)}${culprit}`, 3000) } },
    {
      type: 'section',
      // Slack allows at most 10 fields of 2,000 characters.
      fields: notificationFacts(n)
        .slice(0, 10)
        .map((f) => ({ type: 'mrkdwn', text: clip(`*${f.label}*\n${slackEscape(f.value)}`, 2000) })),
    },
  ];
  if (n.rule.triageNotes) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Triage notes*\n${slackEscape(n.rule.triageNotes)}`, 3000) } });
  const buttons: Record<string, unknown>[] = [{ type: 'button', text: { type: 'plain_text', text: n.link.text }, url: n.link.url }];
  if (n.rule.runbookUrl) buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Runbook' }, url: n.rule.runbookUrl });
  blocks.push({ type: 'actions', elements: buttons });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Rule <${n.rule.url}|${slackEscape(clip(n.rule.name, 200))}> · fired ${formatTime(n.firedAt)}` }],
  });
  // `text` is the notification and screen-reader fallback when blocks are present.
  return { text: clip(title, 3000), blocks };
}
