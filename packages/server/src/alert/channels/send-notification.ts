import type { ChannelConfig } from './channel-config.js';
import { DeliveryError } from './delivery-error.js';
import { discordMessage } from './discord/discord-message.js';
import { emailMessage } from './email/email-message.js';
import type { Mailer } from './email/smtp-mailer.js';
import { postBody, postJson } from './http-post.js';
import type { Notification } from './notification.js';
import { createOutboundPolicy, type OutboundPolicy } from './outbound-policy.js';
import { pagerDutyEvent } from './pagerduty/pagerduty-event.js';
import { slackMessage } from './slack/slack-message.js';
import { teamsMessage } from './teams/teams-message.js';
import { webhookRequest } from './webhook/webhook-message.js';

export interface SendContext {
  /** unique per outbox row and stable across its retries */
  deliveryId: string;
  now: number;
  timeoutMs: number;
  mailer: Mailer;
  /** PagerDuty Events API v2 endpoint (configurable for tests and EU accounts) */
  pagerDutyUrl: string;
  /** e-mail recipients resolved at firing time, overriding a channel's list */
  recipients?: readonly string[];
  /** where HTTP notifications may go; default: only the addresses that are never allowed are refused */
  outbound?: OutboundPolicy;
}

/** Sends one notification through one channel; throws DeliveryError when it did not arrive. */
export async function sendNotification(config: ChannelConfig, n: Notification, ctx: SendContext): Promise<void> {
  const policy = ctx.outbound ?? createOutboundPolicy({ deny: [], allow: [] });
  const http = { timeoutMs: ctx.timeoutMs, headers: { 'x-faultline-delivery': ctx.deliveryId }, policy };
  switch (config.type) {
    case 'slack':
      await postJson(config.webhookUrl, slackMessage(n), http);
      return;
    case 'discord':
      await postJson(config.webhookUrl, discordMessage(n), http);
      return;
    case 'teams':
      await postJson(config.webhookUrl, teamsMessage(n), http);
      return;
    case 'webhook': {
      const req = webhookRequest(n, config.secret, ctx.deliveryId, ctx.now);
      await postBody(config.url, req.body, { timeoutMs: ctx.timeoutMs, headers: req.headers, policy });
      return;
    }
    case 'pagerduty':
      await postJson(ctx.pagerDutyUrl, pagerDutyEvent(n, config.routingKey, n.status === 'resolved' ? 'resolve' : 'trigger'), http);
      return;
    case 'email': {
      const to = ctx.recipients ?? config.recipients;
      if (to.length === 0) throw new DeliveryError('no e-mail recipients (the team has no members with an e-mail address)', { permanent: true });
      const m = emailMessage(n);
      await ctx.mailer.send({ to, ...m, messageId: `<${ctx.deliveryId}@faultline>`, headers: { 'X-Faultline-Delivery': ctx.deliveryId } });
      return;
    }
  }
}
