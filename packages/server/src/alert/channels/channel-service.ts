import { randomUUID } from 'node:crypto';
import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { Fields } from '../rules/rule-fields.js';
import type { NotificationChannel } from '../store/notification-channels.js';
import { type ChannelConfig, isChannelType, parseChannelConfig, storedChannelConfig } from './channel-config.js';
import { deliveryErrorOf } from './delivery-error.js';
import type { Notification } from './notification.js';
import type { OutboundPolicy } from './outbound-policy.js';
import { testNotification } from './test-notification.js';

export interface ChannelView {
  channel: NotificationChannel;
  config: ChannelConfig;
}

export type Send = (config: ChannelConfig, n: Notification, deliveryId: string) => Promise<void>;

/** Managing an organization's notification channels, and sending a test through one. */
export function createChannelService(deps: { store: Store; clock: Clock; publicUrl: string; send: Send; outbound: OutboundPolicy }) {
  const repo = deps.store.alerts.channels;

  async function load(orgId: number, id: number): Promise<ChannelView> {
    const channel = await repo.byId(id);
    if (!channel || channel.orgId !== orgId) fail('not_found', 'Notification channel not found');
    const config = storedChannelConfig(channel.type, channel.config);
    if (!config.ok) fail('internal', config.reason);
    return { channel, config: config.value };
  }

  function name(body: Fields, fallback?: string): string {
    const v = body.name ?? fallback;
    if (typeof v !== 'string' || v.trim() === '' || v.length > 200) fail('validation_failed', 'name must be a string of 1–200 characters');
    return v.trim();
  }

  /** Save-time half of the outbound policy: a URL it refuses is a 400 with the reason (sending checks again, after DNS). */
  async function checkDestination(config: ChannelConfig): Promise<void> {
    const url = config.type === 'webhook' ? config.url : 'webhookUrl' in config ? config.webhookUrl : null;
    if (url === null) return;
    const refusal = await deps.outbound.refusal(url);
    if (refusal !== null) fail('validation_failed', refusal);
  }

  return {
    async list(orgId: number): Promise<ChannelView[]> {
      const out: ChannelView[] = [];
      for (const channel of await repo.list(orgId)) {
        const config = storedChannelConfig(channel.type, channel.config);
        if (config.ok) out.push({ channel, config: config.value });
      }
      return out;
    },
    get: load,
    async create(orgId: number, body: Fields): Promise<ChannelView> {
      if (!isChannelType(body.type)) fail('validation_failed', 'type must be one of slack, email, webhook, discord, teams, pagerduty');
      const n = name(body);
      const config = parseChannelConfig(body.type, body.config);
      if (!config.ok) fail('validation_failed', config.reason);
      await checkDestination(config.value);
      const channel = await repo.create({ orgId, name: n, type: body.type, config: config.value });
      return { channel, config: config.value };
    },
    async update(orgId: number, id: number, body: Fields): Promise<ChannelView> {
      const current = await load(orgId, id);
      if (body.type !== undefined && body.type !== current.channel.type) fail('validation_failed', 'type cannot be changed; create a new channel');
      const config =
        body.config === undefined ? { ok: true as const, value: current.config } : parseChannelConfig(current.config.type, body.config, current.config);
      if (!config.ok) fail('validation_failed', config.reason);
      if (body.config !== undefined) await checkDestination(config.value);
      const channel = await repo.update(id, { name: name(body, current.channel.name), config: config.value });
      if (!channel) fail('not_found', 'Notification channel not found');
      return { channel, config: config.value };
    },
    async remove(orgId: number, id: number): Promise<void> {
      await load(orgId, id);
      await repo.remove(id);
    },
    /** Sends a test message now (not through the outbox): the caller sees at once whether it arrived. */
    async test(org: { id: number; slug: string }, id: number): Promise<{ ok: true } | { ok: false; error: string }> {
      const { channel, config } = await load(org.id, id);
      const n = testNotification({ publicUrl: deps.publicUrl, org: org.slug, channelId: channel.id, channelName: channel.name, now: deps.clock.now() });
      try {
        await deps.send(config, n, randomUUID());
        // PagerDuty: resolve the test alert right away so it does not page anyone for long.
        if (config.type === 'pagerduty') await deps.send(config, { ...n, status: 'resolved' }, randomUUID());
        return { ok: true };
      } catch (err) {
        return { ok: false, error: deliveryErrorOf(err).message };
      }
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
