import { type Notification, notificationFacts, statusTag } from '../notification.js';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Embed colours by severity (Discord takes an RGB integer). */
const colours = { critical: 0xd0021b, error: 0xe5533d, warning: 0xf5a623, info: 0x4a90d9, resolved: 0x2ba84a } as const;

/**
 * A Discord webhook message with one embed (Discord API: "Execute Webhook", embed limits:
 * title 256, description 4096, 25 fields of name 256 / value 1024). Mentions are disabled:
 * an issue title containing `@everyone` must not ping a server.
 */
export function discordMessage(n: Notification) {
  const lines = [n.reason];
  if (n.issue?.culprit) lines.push(`\`${clip(n.issue.culprit, 500)}\``);
  if (n.rule.triageNotes) lines.push(`**Triage notes:** ${n.rule.triageNotes}`);
  const links = [`[${n.link.text}](${n.link.url})`];
  if (n.rule.runbookUrl) links.push(`[Runbook](${n.rule.runbookUrl})`);
  lines.push(links.join(' · '));
  return {
    username: 'Faultline',
    allowed_mentions: { parse: [] as string[] },
    embeds: [
      {
        title: clip(`${statusTag(n)} ${n.title}`, 256),
        url: n.link.url,
        description: clip(lines.join('\n'), 4096),
        color: n.status === 'resolved' ? colours.resolved : colours[n.severity],
        fields: notificationFacts(n)
          .slice(0, 25)
          .map((f) => ({ name: clip(f.label, 256), value: clip(f.value, 1024), inline: true })),
        timestamp: new Date(n.firedAt).toISOString(),
        footer: { text: clip(`Rule: ${n.rule.name}`, 2048) },
      },
    ],
  };
}
