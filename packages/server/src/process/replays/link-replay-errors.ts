import { normalizeEventId } from '@faultline/protocol';
import { mergeLinkedError, type ReplayErrorLink } from '../../replays/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { NormalizedEvent } from '../normalize/index.js';

/** A stored error event as the link needs it. */
export interface StoredError {
  readonly projectId: number;
  readonly receivedAt: number;
  readonly issueId: number | null;
  readonly event: NormalizedEvent;
}

/**
 * The replay an error event names: `contexts.replay.replay_id`, else the tag `replayId` (what
 * the browser SDK sets while a replay records; Sentry developer docs, "Session Replay").
 */
export function replayIdOf(event: NormalizedEvent): string | null {
  const context = event.contexts?.replay?.replay_id;
  const tag = event.tags.find(([key]) => key === 'replayId')?.[1];
  for (const candidate of [context, tag]) {
    if (candidate === undefined) continue;
    const id = normalizeEventId(candidate);
    if (id.ok) return id.id;
  }
  return null;
}

/**
 * In the batch's transaction, after persist: each newly stored error event that names a
 * replay becomes a link (replay-count by issue reads it) and, when the replay is already
 * stored, one of its error/warning/info ids. A replay that arrives later takes in its links
 * when its row is created (apply-replays.ts).
 */
export async function linkReplayErrors(store: Store, trx: StoreExecutor, errors: readonly StoredError[]): Promise<void> {
  const links: ReplayErrorLink[] = [];
  for (const e of errors) {
    const replayId = replayIdOf(e.event);
    if (replayId === null) continue;
    const level = e.event.level === 'warning' ? 'warning' : e.event.level === 'info' || e.event.level === 'debug' ? 'info' : 'error';
    links.push({ projectId: e.projectId, replayId, eventId: e.event.event_id, issueId: e.issueId, level, receivedAt: e.receivedAt });
  }
  if (links.length === 0) return;
  await store.replays.linkErrors(trx, links);
  for (const link of links) {
    // The claim serializes with a replay being stored at the same time (another worker): either
    // this link is merged into its row here, or its stage reads the link after this commits.
    // A replay not there yet keeps a placeholder row; its first item takes in the links.
    if ((await store.replays.claim(trx, link.projectId, link.replayId, link.receivedAt)).created) continue;
    const row = await store.replays.get(trx, link.projectId, link.replayId);
    if (row === undefined || row.isPlaceholder) continue;
    await store.replays.save(trx, {
      ...row,
      summary: mergeLinkedError(row.summary, link.eventId, link.level),
      updatedAt: Math.max(row.updatedAt, link.receivedAt),
    });
  }
}
