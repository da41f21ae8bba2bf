import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';

export interface ResolvedAssignee {
  readonly userId: number | null;
  readonly teamId: number | null;
  /** Sentry's assignedTo JSON, null when unassigned */
  readonly json: { type: 'user' | 'team'; id: string; name: string; email?: string } | null;
}

/**
 * Sentry's `assignedTo` input: `user:ID`, `team:ID`, a bare user id, an e-mail or username
 * (Faultline usernames are e-mails), or ''/null to unassign. Only members and teams of the
 * issue's organization can be assigned; anything else is a 400.
 */
export async function resolveAssignee(store: Store, orgId: number, value: unknown): Promise<ResolvedAssignee> {
  if (value === null || value === '') return { userId: null, teamId: null, json: null };
  if (typeof value !== 'string' || value.length > 320) fail('validation_failed', 'assignedTo must be "user:ID", "team:ID", an e-mail, or "" to unassign');
  const team = /^team:(\d+)$/.exec(value);
  if (team) {
    const found = (await store.teams.list(orgId)).find((t) => t.id === Number(team[1]));
    if (!found) fail('validation_failed', `Unknown actor input: no team ${team[1]} in this organization`);
    return { userId: null, teamId: found.id, json: { type: 'team', id: String(found.id), name: found.slug } };
  }
  const id = /^(?:user:)?(\d+)$/.exec(value);
  const user = id ? await store.users.byId(Number(id[1])) : await store.users.byEmail(value);
  const member = user ? await store.members.find(orgId, user.id) : undefined;
  if (!user || !member) fail('validation_failed', `Unknown actor input: ${JSON.stringify(value.slice(0, 80))} is not a member of this organization`);
  return { userId: user.id, teamId: null, json: { type: 'user', id: String(user.id), name: user.name, email: user.email } };
}
