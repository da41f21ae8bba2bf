import type { ChannelJson, ChannelType } from './alert-types.js';

/** What each channel type is configured with (docs/alerts.md, "Notification channels"). */
export interface ChannelField {
  key: string;
  label: string;
  hint: string;
  /** a credential: shown masked after creation; left empty on edit to keep it */
  secret: boolean;
  optional?: boolean;
}

export const CHANNEL_TYPES: readonly { type: ChannelType; label: string; fields: readonly ChannelField[] }[] = [
  { type: 'slack', label: 'Slack', fields: [{ key: 'webhookUrl', label: 'Incoming webhook URL', hint: 'https://hooks.slack.com/services/…', secret: true }] },
  { type: 'email', label: 'E-mail', fields: [{ key: 'recipients', label: 'Recipients', hint: 'One address per line (at most 50)', secret: false }] },
  {
    type: 'webhook',
    label: 'Webhook',
    fields: [
      { key: 'url', label: 'URL', hint: 'Faultline POSTs signed JSON here', secret: false },
      { key: 'secret', label: 'Signing secret', hint: '16–256 characters; leave empty to generate one', secret: true, optional: true },
    ],
  },
  { type: 'discord', label: 'Discord', fields: [{ key: 'webhookUrl', label: 'Webhook URL', hint: 'https://discord.com/api/webhooks/…', secret: true }] },
  {
    type: 'teams',
    label: 'Microsoft Teams',
    fields: [
      { key: 'webhookUrl', label: 'Webhook URL', hint: 'A Teams incoming webhook or a Workflows “when a webhook request is received” URL', secret: true },
    ],
  },
  {
    type: 'pagerduty',
    label: 'PagerDuty',
    fields: [{ key: 'routingKey', label: 'Integration (routing) key', hint: 'The Events API v2 integration key', secret: true }],
  },
];

export function channelTypeInfo(type: ChannelType) {
  return CHANNEL_TYPES.find((t) => t.type === type) ?? (CHANNEL_TYPES[0] as (typeof CHANNEL_TYPES)[number]);
}

export interface ChannelForm {
  name: string;
  type: ChannelType;
  /** one text per field key */
  values: Record<string, string>;
}

export function emptyChannelForm(type: ChannelType = 'webhook'): ChannelForm {
  return { name: '', type, values: {} };
}

/** Editing: credentials come back masked, so their inputs start empty ("leave empty to keep"). */
export function channelFormFromJson(channel: ChannelJson): ChannelForm {
  const values: Record<string, string> = {};
  for (const f of channelTypeInfo(channel.type).fields) {
    const v = channel.config[f.key];
    if (f.secret) continue;
    values[f.key] = Array.isArray(v) ? v.join('\n') : v === undefined || v === null ? '' : String(v);
  }
  return { name: channel.name, type: channel.type, values };
}

/** The body for create (`editing` false) or update: empty credential inputs are left out, so the server keeps them. */
export function channelBody(form: ChannelForm, editing: boolean): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const f of channelTypeInfo(form.type).fields) {
    const raw = (form.values[f.key] ?? '').trim();
    if (raw === '' && (f.optional || (editing && f.secret))) continue;
    config[f.key] =
      f.key === 'recipients'
        ? raw
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : raw;
  }
  return { name: form.name.trim(), type: form.type, config };
}
