import { deflateSync } from 'node:zlib';
import { parseJsonPayload } from '@faultline/protocol';
import type { QueueItem } from '../../jobs/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import { parseRecording, parseReplayEvent, type ReplayEventFacts, recordingClicks } from '../../replays/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import { parseUserAgent } from '../normalize/index.js';
import type { ProcessingSettings } from '../project-settings.js';
import { createReplayScrubber, type ReplayScrubber } from '../scrub/index.js';
import { scrubRecording } from './scrub-recording.js';

/** Storage limits of session replay (FAULTLINE_REPLAY_*; docs/replays.md › Limits). */
export interface ReplayLimits {
  readonly maxBytesPerReplay: number;
  readonly maxSegments: number;
  readonly maxSegmentBytes: number;
  /** 0 = no quota */
  readonly projectQuotaBytes: number;
}

/** The configuration's defaults (config/schema.ts), for pipelines built without them (tests). */
export const DEFAULT_REPLAY_LIMITS: ReplayLimits = Object.freeze({
  maxBytesPerReplay: 50 * 1024 * 1024,
  maxSegments: 1000,
  maxSegmentBytes: 64 * 1024 * 1024,
  projectQuotaBytes: 10 * 1024 * 1024 * 1024,
});

export type ReplayOp =
  | { readonly kind: 'event'; readonly item: QueueItem; readonly facts: ReplayEventFacts }
  | {
      readonly kind: 'recording';
      readonly item: QueueItem;
      readonly replayId: string;
      readonly segmentId: number;
      /** zlib, ready to store */
      readonly bytes: Uint8Array;
      readonly clicks: [number, number, number];
      readonly passwordIds: ReadonlySet<number>;
    };

export function isReplayItem(item: QueueItem): boolean {
  return item.type === 'replay_event' || item.type === 'replay_recording';
}

/**
 * The CPU part of the replay stage, outside the batch's transaction: parse each item, scrub
 * it with its project's rules (metadata as events are scrubbed; rrweb recordings by
 * scrub-recording.ts) and compress recordings. Invalid items get their outcome here. The
 * password inputs earlier segments revealed are read through `reader`.
 */
export async function prepareReplays(
  items: readonly QueueItem[],
  deps: { settingsOf: (projectId: number) => ProcessingSettings; reader: StoreExecutor; store: Store; limits: ReplayLimits; outcomes: OutcomeCounts },
): Promise<ReplayOp[]> {
  const ops: ReplayOp[] = [];
  const passwordIds = new Map<string, Set<number>>();
  const invalid = (item: QueueItem, reason: string) => deps.outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason });
  // Queue order is arrival order: a snapshot's password inputs are known before later segments' input events.
  for (const item of items) {
    const scrubber = createReplayScrubber(deps.settingsOf(item.projectId).scrubbing);
    if (item.type === 'replay_event') {
      const json = parseJsonPayload(item.payload);
      if (!json.ok) {
        invalid(item, 'invalid_json');
        continue;
      }
      const parsed = parseReplayEvent(json.value, item.eventId);
      if (!parsed.ok) invalid(item, parsed.reason);
      else ops.push({ kind: 'event', item, facts: scrubFacts(parsed.facts, scrubber) });
      continue;
    }
    if (item.eventId === null) {
      invalid(item, 'missing_replay_id');
      continue;
    }
    const parsed = parseRecording(item.payload, deps.limits.maxSegmentBytes);
    if (!parsed.ok) {
      invalid(item, parsed.reason);
      continue;
    }
    const { recording } = parsed;
    const key = `${item.projectId}:${item.eventId}`;
    let known = passwordIds.get(key);
    if (known === undefined) {
      const row = await deps.store.replays.get(deps.reader, item.projectId, item.eventId);
      known = new Set(row?.summary.passwordIds ?? []);
      passwordIds.set(key, known);
    }
    const before = new Set(known);
    const scrub = scrubRecording(recording.events, scrubber, known);
    // The SDK's own compressed bytes are kept when scrubbing changed nothing; otherwise (or raw JSON) compress here.
    const bytes = scrub.changed === 0 && recording.zlib !== null ? recording.zlib : deflateSync(JSON.stringify(recording.events));
    const found = new Set([...known].filter((id) => !before.has(id)));
    ops.push({
      kind: 'recording',
      item,
      replayId: item.eventId,
      segmentId: recording.segmentId,
      bytes,
      clicks: recordingClicks(recording.events),
      passwordIds: found,
    });
  }
  return ops;
}

/** Replay metadata gets the event scrubber's rules: URLs, request headers, tags, user fields and IP. */
function scrubFacts(f: ReplayEventFacts, s: ReplayScrubber): ReplayEventFacts {
  f.urls = f.urls.map((u) => s.text(u));
  s.pairs(f.headers);
  s.pairs(f.tags);
  if (f.user !== null) {
    const u = f.user;
    f.user = {
      id: u.id,
      username: u.username === null ? null : s.text(u.username),
      email: u.email === null ? null : s.text(u.email),
      ip: s.dropIp ? null : u.ip,
      geo: u.geo,
    };
  }
  const ua = f.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
  if (ua !== undefined && (f.browser === null || f.os === null)) {
    const info = parseUserAgent(ua);
    if (f.browser === null && info.browser) f.browser = { name: info.browser.name, version: info.browser.version };
    if (f.os === null && info.os) f.os = { name: info.os.name, version: info.os.version ?? null };
  }
  return f;
}
