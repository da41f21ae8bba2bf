import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/index.js';
import { ACTION, type RuleAction } from '../rules/issue-rule.js';
import type { NewDelivery } from '../store/alert-firings.js';

/**
 * Turns a rule's actions into outbox rows at firing time. E-mail targets are resolved to
 * addresses now, so the message goes to the people who were on the team when it fired.
 * An action that cannot be delivered (deleted channel, empty team) becomes a row that is
 * already failed with the reason, so the rule's history shows it instead of silence.
 */
export async function planDeliveries(store: Store, orgId: number, actions: readonly RuleAction[]): Promise<NewDelivery[]> {
  const out: NewDelivery[] = [];
  for (const action of actions) {
    const deliveryId = randomUUID();
    if (action.id === ACTION.email) {
      const target = Number(action.targetIdentifier);
      const recipients =
        action.targetType === 'Team'
          ? await store.alerts.queries.teamEmails(orgId, target)
          : [await store.alerts.queries.memberEmail(orgId, target)].filter((e): e is string => !!e);
      const what = action.targetType === 'Team' ? `team ${target}` : `member ${target}`;
      out.push({
        deliveryId,
        channelType: 'email',
        channelId: null,
        payload: { recipients, target: what },
        ...(recipients.length === 0 ? { failedWith: `no e-mail recipients: ${what} has no members in this organization` } : {}),
      });
      continue;
    }
    const channel = await store.alerts.channels.byId(Number(action.channel));
    if (!channel || channel.orgId !== orgId) {
      out.push({ deliveryId, channelType: 'unknown', channelId: null, payload: {}, failedWith: `notification channel ${action.channel} does not exist` });
      continue;
    }
    out.push({ deliveryId, channelType: channel.type, channelId: channel.id, payload: {} });
  }
  return out;
}
