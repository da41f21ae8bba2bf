import type { Store } from '../../store/index.js';
import { ACTION, type RuleAction } from './issue-rule.js';
import type { Parsed } from './rule-fields.js';

/** Every action must point at something in the rule's organization: a channel, a team, a member. */
export async function checkActionTargets(store: Store, orgId: number, actions: readonly RuleAction[]): Promise<Parsed<true>> {
  for (const [i, a] of actions.entries()) {
    if (a.id === ACTION.channel) {
      const channel = await store.alerts.channels.byId(Number(a.channel));
      if (!channel || channel.orgId !== orgId) return { ok: false, reason: `actions[${i}]: notification channel ${a.channel} does not exist` };
    } else if (a.targetType === 'Team') {
      const teams = await store.teams.list(orgId);
      if (!teams.some((t) => String(t.id) === a.targetIdentifier)) return { ok: false, reason: `actions[${i}]: team ${a.targetIdentifier} does not exist` };
    } else if ((await store.alerts.queries.memberEmail(orgId, Number(a.targetIdentifier))) === undefined) {
      return { ok: false, reason: `actions[${i}]: user ${a.targetIdentifier} is not a member of this organization` };
    }
  }
  return { ok: true, value: true };
}
