import type { User } from '../../auth/index.js';
import { userJson } from '../../auth/index.js';
import { jsonObject, optionalBoolean } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { LifecyclePatch } from '../lifecycle.js';
import { latestReleases } from '../read/latest-release.js';
import { parseStatusChange, planStatusChange, type StatusChange } from '../status-change.js';
import type { IssueTriageChange } from '../store/issue-triage.js';
import { type ResolvedAssignee, resolveAssignee } from './resolve-assignee.js';

const KNOWN = new Set([
  'status',
  'substatus',
  'statusDetails',
  'snoozeDuration',
  'ignoreDuration',
  'assignedTo',
  'inbox',
  'merge',
  'hasSeen',
  'isBookmarked',
  'isSubscribed',
  'isPublic',
]);

export interface UpdateTarget {
  readonly orgId: number;
  readonly issueIds: readonly number[];
  readonly actor: User;
}

/** Sentry's statusDetails for a planned patch (plus who did it). */
function detailsOf(patch: LifecyclePatch, actor: User): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (patch.resolution === 'in_release') out.inRelease = patch.resolvedInRelease;
  if (patch.resolution === 'in_next_release') out.inNextRelease = true;
  if (patch.ignoreUntil != null) out.ignoreUntil = new Date(patch.ignoreUntil).toISOString();
  if (patch.ignoreCount != null)
    Object.assign(out, { ignoreCount: patch.ignoreCount, ignoreWindow: patch.ignoreWindowMs == null ? null : patch.ignoreWindowMs / 60_000 });
  if (patch.ignoreUserCount != null) {
    Object.assign(out, {
      ignoreUserCount: patch.ignoreUserCount,
      ignoreUserWindow: patch.ignoreUserWindowMs == null ? null : patch.ignoreUserWindowMs / 60_000,
    });
  }
  if (patch.substatus === 'archived_until_escalating') out.ignoreUntilEscalating = true;
  if (Object.keys(out).length > 0) out.actor = userJson(actor);
  return out;
}

/**
 * Applies a Sentry issue update body (status, assignee, inbox, merge) to the target issues,
 * validating everything before the first write, and answers like Sentry's bulk update:
 * `{status, statusDetails, substatus, assignedTo?, inbox?, merge?}`.
 */
export async function applyIssueUpdate(store: Store, clock: Clock, target: UpdateTarget, rawBody: unknown): Promise<Record<string, unknown>> {
  const body = jsonObject(rawBody);
  const unknown = Object.keys(body).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) fail('validation_failed', `Unsupported field(s): ${unknown.join(', ')}`);
  for (const flag of ['hasSeen', 'isBookmarked', 'isSubscribed', 'isPublic']) optionalBoolean(body, flag);
  const inbox = optionalBoolean(body, 'inbox');
  const status = parseStatusChange(body);
  if (!status.ok) fail('validation_failed', status.reason);
  const assignee = body.assignedTo === undefined ? undefined : await resolveAssignee(store, target.orgId, body.assignedTo);
  const merge = body.merge === 1 || body.merge === true || body.merge === '1';
  const facts = await store.issueTriage.facts(target.issueIds);
  const now = clock.now();
  const changes = await plan(store, facts, status.change, assignee, inbox, now);
  let mergeResult: { parent: string; children: string[] } | undefined;
  if (merge) {
    if (facts.length < 2) fail('validation_failed', 'Merging needs at least two issues');
    if (new Set(facts.map((f) => f.projectId)).size > 1) fail('validation_failed', 'Merging across projects is not supported');
    // Sentry merges into the issue with the most events.
    const [parent, ...children] = [...facts].sort((a, b) => b.timesSeen - a.timesSeen || a.id - b.id);
    mergeResult = { parent: String(parent?.id), children: children.map((c) => String(c.id)) };
  }
  // One transaction: a status change that merges too commits whole or not at all.
  const merging = mergeResult;
  await store.db.transaction().execute(async (trx) => {
    await store.issueTriage.apply(changes.list, target.actor.id, trx);
    if (merging) await store.issueMerge.merge(Number(merging.parent), merging.children.map(Number), target.actor.id, trx);
  });
  const first = changes.patch;
  return {
    ...(status.change
      ? { status: first?.status ?? null, substatus: first?.substatus ?? null, statusDetails: first ? detailsOf(first, target.actor) : {} }
      : {}),
    ...(assignee ? { assignedTo: assignee.json } : {}),
    ...(inbox === undefined ? {} : { inbox: inbox ? true : null }),
    ...(mergeResult ? { merge: mergeResult } : {}),
  };
}

async function plan(
  store: Store,
  facts: Awaited<ReturnType<Store['issueTriage']['facts']>>,
  change: StatusChange | null,
  assignee: ResolvedAssignee | undefined,
  inbox: boolean | undefined,
  now: number,
): Promise<{ list: IssueTriageChange[]; patch: LifecyclePatch | undefined }> {
  const needsLatest = change?.kind === 'resolvedInNextRelease' || (change?.kind === 'resolvedInRelease' && change.release === null);
  const latest = needsLatest ? await latestReleases(store.db, [...new Set(facts.map((f) => f.projectId))]) : new Map<number, string>();
  let firstPatch: LifecyclePatch | undefined;
  const list = facts.map((f): IssueTriageChange => {
    const activity: IssueTriageChange['activity'][number][] = [];
    let patch: IssueTriageChange['patch'] = {};
    if (change) {
      const planned = planStatusChange(change, f, now, latest.get(f.projectId) ?? null);
      if (!planned.ok) fail('validation_failed', planned.reason);
      firstPatch ??= planned.patch;
      patch = { ...planned.patch };
      // Unresolving an unresolved issue changes nothing worth a history entry.
      if (!(change.kind === 'unresolved' && f.status === 'unresolved')) activity.push(planned.activity);
    }
    if (assignee) {
      patch.assigneeUserId = assignee.userId;
      patch.assigneeTeamId = assignee.teamId;
      activity.push(
        assignee.json
          ? { type: 'assigned', data: { assignee: assignee.json.id, assigneeType: assignee.json.type, assigneeEmail: assignee.json.email ?? null } }
          : { type: 'unassigned', data: {} },
      );
    }
    if (inbox !== undefined) {
      patch.reviewedAt = inbox ? null : now;
      if (!inbox) activity.push({ type: 'mark_reviewed', data: {} });
    }
    return { issueId: f.id, patch, activity };
  });
  return { list, patch: firstPatch };
}
