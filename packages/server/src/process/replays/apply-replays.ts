import type { OutcomeCounts } from '../../outcomes/index.js';
import {
  emptySummary,
  mergeEvent,
  mergeLinkedError,
  mergeRecording,
  type ReplayErrorLink,
  type ReplayRecord,
  type ReplaySummary,
} from '../../replays/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { ReplayLimits, ReplayOp } from './replay-stage.js';

interface Working {
  readonly projectId: number;
  readonly replayId: string;
  /** a filled row was there before this batch */
  existed: boolean;
  /** this batch's claim created the row: removed again if nothing lands in it */
  readonly createdHere: boolean;
  archived: boolean;
  startedAt: number;
  finishedAt: number;
  environment: string | null;
  recordingBytes: number;
  segmentCount: number;
  summary: ReplaySummary;
  changed: boolean;
  updatedAt: number;
}

/**
 * The write part of the replay stage, in the batch's transaction: per replay, one
 * read-modify-write of its row; segments stored (a repeated id replaces the earlier bytes)
 * within the per-replay and per-project limits; the error ids a replay_event lists become
 * links for replay-count. Every op's item gets its one outcome here.
 */
export async function applyReplays(store: Store, trx: StoreExecutor, ops: readonly ReplayOp[], limits: ReplayLimits, outcomes: OutcomeCounts): Promise<void> {
  if (ops.length === 0) return;
  const replays = new Map<string, Working>();
  const projectBytes = new Map<number, number>();
  const links: ReplayErrorLink[] = [];
  for (const op of ops) {
    const { item } = op;
    const replayId = op.kind === 'event' ? op.facts.replayId : op.replayId;
    const w = await working(store, trx, replays, item.projectId, replayId, item.receivedAt);
    const verdict = (outcome: 'accepted' | 'invalid' | 'rate_limited', reason = '') =>
      outcomes.item(item.projectId, item.receivedAt, item, outcome === 'accepted' ? { outcome } : { outcome, reason });
    if (w.archived) {
      verdict('invalid', 'replay_deleted');
      continue;
    }
    w.updatedAt = Math.max(w.updatedAt, item.receivedAt);
    if (op.kind === 'event') {
      const f = op.facts;
      mergeEvent(w.summary, f);
      const start = f.startedAt ?? f.timestamp ?? item.receivedAt;
      const end = f.timestamp ?? start;
      w.startedAt = w.existed || w.changed ? Math.min(w.startedAt, start) : start;
      w.finishedAt = w.existed || w.changed ? Math.max(w.finishedAt, end, start) : Math.max(end, start);
      w.environment = w.environment ?? f.environment;
      for (const eventId of f.errorIds)
        links.push({ projectId: item.projectId, replayId, eventId, issueId: null, level: 'error', receivedAt: item.receivedAt });
      w.changed = true;
      verdict('accepted');
      continue;
    }
    if (op.segmentId >= limits.maxSegments) {
      verdict('invalid', 'too_many_segments');
      continue;
    }
    const previous = (await store.replays.segmentSize(trx, item.projectId, replayId, op.segmentId)) ?? null;
    const delta = op.bytes.length - (previous ?? 0);
    if (w.recordingBytes + delta > limits.maxBytesPerReplay) {
      verdict('invalid', 'replay_too_large');
      continue;
    }
    if (limits.projectQuotaBytes > 0) {
      const used = projectBytes.get(item.projectId) ?? (await store.replays.projectBytes(trx, item.projectId));
      if (used + delta > limits.projectQuotaBytes) {
        projectBytes.set(item.projectId, used);
        verdict('rate_limited', 'replay_storage_quota');
        continue;
      }
      projectBytes.set(item.projectId, used + delta);
    }
    await store.replays.putSegment(trx, { projectId: item.projectId, replayId, segmentId: op.segmentId, recording: op.bytes, receivedAt: item.receivedAt });
    w.recordingBytes += delta;
    if (previous === null) w.segmentCount++;
    mergeRecording(w.summary, op.segmentId, op.clicks, op.passwordIds);
    if (!w.existed && !w.changed) {
      w.startedAt = item.receivedAt;
      w.finishedAt = item.receivedAt;
    }
    w.changed = true;
    verdict('accepted');
  }
  await store.replays.linkErrors(trx, links);
  for (const w of replays.values()) {
    if (!w.changed) {
      if (w.createdHere) await store.replays.discard(trx, w.projectId, w.replayId);
      continue;
    }
    await store.replays.save(trx, {
      projectId: w.projectId,
      replayId: w.replayId,
      startedAt: w.startedAt,
      finishedAt: w.finishedAt,
      environment: w.environment,
      recordingBytes: w.recordingBytes,
      segmentCount: w.segmentCount,
      summary: w.summary,
      updatedAt: w.updatedAt,
    });
  }
}

async function working(store: Store, trx: StoreExecutor, cache: Map<string, Working>, projectId: number, replayId: string, at: number): Promise<Working> {
  const key = `${projectId}:${replayId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const claim = await store.replays.claim(trx, projectId, replayId, at);
  const stored: ReplayRecord | undefined = claim.created ? undefined : await store.replays.get(trx, projectId, replayId);
  // A placeholder is a row an error claimed before its replay arrived: nothing of it is kept.
  const row = stored?.isPlaceholder === true ? undefined : stored;
  const summary = row?.summary ?? emptySummary();
  // Errors can arrive before their replay (buffer mode sends the error first) or while it is
  // processed elsewhere: the claim waited for them, so every committed link is read here. Idempotent.
  for (const link of await store.replays.linkedErrors(trx, projectId, replayId)) mergeLinkedError(summary, link.eventId, link.level);
  const w: Working = {
    projectId,
    replayId,
    existed: row !== undefined,
    createdHere: claim.created,
    archived: row?.isArchived ?? false,
    startedAt: row?.startedAt ?? at,
    finishedAt: row?.finishedAt ?? at,
    environment: row?.environment ?? null,
    recordingBytes: row?.recordingBytes ?? 0,
    segmentCount: row?.segmentCount ?? 0,
    summary,
    changed: false,
    updatedAt: row?.updatedAt ?? at,
  };
  cache.set(key, w);
  return w;
}
