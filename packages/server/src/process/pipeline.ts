import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type CategoryHint, isJsonObject, parseJsonPayload } from '@faultline/protocol';
import type { ProcessBatch, QueueItem } from '../jobs/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import { OutcomeCounts, type Verdict } from '../outcomes/index.js';
import { createPerformanceRepo, type StoredBatch } from '../performance/index.js';
import type { Store, StoreExecutor } from '../store/index.js';
import {
  claimFeedback,
  commitFeedback,
  DEFAULT_FEEDBACK_ATTACHMENT_LIMITS,
  type FeedbackAttachmentLimits,
  linkWaitingReports,
  prepareFeedbackEvents,
} from './feedback/index.js';
import { applyInboundFilters } from './filter/index.js';
import { computeGrouping, type GroupingResult, type GroupingRules } from './group/index.js';
import { applyCheckIns, cronIssueEvents, isCheckInItem, prepareCheckIns } from './monitors/index.js';
import { type NormalizedEvent, normalizeEvent } from './normalize/index.js';
import { parkItems } from './park-items.js';
import { createEventDictionaries, type LoadResolutionCheck, persistEvents, type ReadyEvent, stageEvents, withoutEvents } from './persist/index.js';
import { createPostProcess, type PostProcessBatch, type PostProcessHook, type ProcessedEventSummary, recordPendingBatch } from './post-process/index.js';
import { createProjectSettingsCache, type ProcessingSettings } from './project-settings.js';
import { applyReplays, DEFAULT_REPLAY_LIMITS, isReplayItem, linkReplayErrors, prepareReplays, type ReplayLimits } from './replays/index.js';
import { scrubEvent } from './scrub/index.js';
import { isSessionItem, prepareSessions } from './sessions/index.js';
import { heldBackProblems, performanceIssueEvents, prepareSpans, processSpanItem, spansOfTransactions } from './spans/index.js';
import { type SourceMapStage, symbolicate } from './symbolicate/index.js';

/**
 * The processing pipeline, in the order every `event` and `transaction` item goes through it:
 *
 *   1. normalize     any SDK's payload → NormalizedEvent (invalid → outcome invalid)
 *   2. filter        the project's inbound filters (match → outcome filtered, not stored)
 *   3. scrub         secrets and PII removed before anything is stored
 *   4. symbolicate   JavaScript source maps (uploaded artifacts); native debug files not yet
 *   5. group         hashes that decide the issue (errors only; transactions are not grouped)
 *   6. persist       store the events, create/update their issues (duplicates → filtered)
 *   7. post-process  after the batch commits: hooks such as alerting (owed work recorded in
 *                    the batch's transaction, so a crash after the commit loses nothing)
 *
 * Spans take a side path (spans/): a stored transaction's spans, and every `span` item
 * (parsed and scrubbed there), go to the performance domain's trace documents and rollups.
 * Sessions take another (sessions/): `session` and `sessions` items become release health's
 * hourly counters and distinct sets, one batched upsert per batch. Check-ins take a third
 * (monitors/): `check_in` items become crons check-ins; failures that open or continue an
 * incident become cron issue events persisted like errors (the sweep adds missed and timeouts).
 * Feedback takes a fourth (feedback/): `feedback` items become feedback issues (one each) with
 * their envelope's attachments, `user_report` items user reports and their feedback shims.
 * Replays take a fifth (replays/): `replay_event` and `replay_recording` items, scrubbed and
 * compressed, into replay rows and segments; stored errors that name a replay are linked to it.
 *
 * A batch of claimed items runs in the worker's one short write transaction. Every item ends
 * in exactly one outcome. Items of other types are parked for their own processors.
 */
export interface PipelineDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** how long a project's processing settings are cached */
  settingsTtlMs: number;
  /** called after each committed batch that stored error events; the list may grow after wiring */
  postProcessHooks: readonly PostProcessHook[];
  /**
   * Replaces running the hooks here: a processing thread hands each committed batch to the
   * main thread, where the hooks are registered and which deletes the pending row.
   */
  forwardCommitted?: (batch: PostProcessBatch) => void;
  /** resolves JavaScript frames from uploaded source maps; absent = frames pass through */
  sourceMaps?: SourceMapStage;
  /** releases/ as the pipeline uses it (process/ may not import it); absent = no implicit releases, any other release is "newer" */
  releases?: PipelineReleaseDeps;
  /** size limits of the attachments stored with a feedback event (docs/feedback.md › Limits) */
  feedbackAttachments?: FeedbackAttachmentLimits;
  /** session replay's storage limits (docs/replays.md › Limits); absent = the configuration's defaults */
  replayLimits?: ReplayLimits;
}

export interface PipelineReleaseDeps {
  /** once per batch and project, before persist: creates and links the releases its events name */
  ensure(trx: StoreExecutor, projectId: number, versions: readonly string[], seenAt: number | null): Promise<unknown>;
  /** "is this release newer" for the lifecycle of issues resolved in a release */
  resolutionCheck: LoadResolutionCheck;
}

// ~5 ms of processing between two looks at the event loop keeps ingest's latency low for a few percent of throughput.
const yieldEveryMs = 5;

const ACCEPTED: Verdict = { outcome: 'accepted' };
const DUPLICATE: Verdict = { outcome: 'filtered', reason: 'duplicate' };

type ItemResult = ({ readonly ok: true; readonly ready: ReadyEvent } | { readonly ok: false; readonly verdict: Verdict }) & { readonly hint: CategoryHint };

export function createPipeline(deps: PipelineDeps): ProcessBatch {
  const { store, clock } = deps;
  const settings = createProjectSettingsCache({ store, clock, logger: deps.logger, ttlMs: deps.settingsTtlMs });
  const dictionaries = createEventDictionaries(store);
  const postProcess = createPostProcess({ store, hooks: deps.postProcessHooks, logger: deps.logger });
  const performanceRepo = createPerformanceRepo(store.db);
  const replayLimits = deps.replayLimits ?? DEFAULT_REPLAY_LIMITS;

  // The CPU-heavy part (stages 1–5 and encoding the stored documents) reads through `reader`
  // and writes nothing; the returned commit does every write in the batch's transaction.
  return async (items, reader) => {
    const outcomes = new OutcomeCounts();
    const eventItems = items.filter(isEventItem);
    const spanItems = items.filter((i) => i.type === 'span');
    const sessionItems = items.filter(isSessionItem);
    const checkInItems = items.filter(isCheckInItem);
    // `feedback` and `user_report` items, and the attachments of a feedback's envelope, take the feedback stage.
    const feedback = claimFeedback(items);
    const replayItems = items.filter(isReplayItem);
    const otherItems = items.filter(
      (i) => !isEventItem(i) && i.type !== 'span' && !isSessionItem(i) && !isCheckInItem(i) && !isReplayItem(i) && !feedback.claims(i),
    );
    const projectIds = [...eventItems, ...spanItems, ...replayItems].map((i) => i.projectId).concat(feedback.projectIds);
    const settingsOf = await settings.load(reader, projectIds);
    const ready: { item: QueueItem; hint: CategoryHint; ready: ReadyEvent }[] = [];
    let lastYield = performance.now();
    for (const item of eventItems) {
      const result = await processItem(item, settingsOf(item.projectId), { sourceMaps: deps.sourceMaps, trx: reader });
      if (result.ok) ready.push({ item, hint: result.hint, ready: result.ready });
      else outcomes.item(item.projectId, item.receivedAt, item, result.verdict, result.hint);
      // Processing shares the event loop with ingest unless it runs on a thread: let requests in every few ms.
      if (performance.now() - lastYield > yieldEveryMs) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    const streamed: StoredBatch[] = spanItems.flatMap((item) => processSpanItem(item, settingsOf(item.projectId), outcomes));
    const transactionSpans = new Map(ready.map((r) => [r.ready, spansOfTransactions([r])]));
    // Performance issues ride along as events; a duplicate segment yields duplicate event ids.
    const problems = performanceIssueEvents([...[...transactionSpans.values()].flat(), ...streamed], clock.now());
    const spanRows = prepareSpans(transactionSpans, streamed);
    const readyEvents = [...ready.map((r) => r.ready), ...problems];
    const staged = await stageEvents({ dictionaries, reader, now: clock.now() }, readyEvents);
    const sessions = prepareSessions(sessionItems, outcomes);
    const checkIns = prepareCheckIns(checkInItems, outcomes);
    const feedbackEvents = feedback.isEmpty
      ? []
      : prepareFeedbackEvents(feedback, settingsOf, outcomes, deps.feedbackAttachments ?? DEFAULT_FEEDBACK_ATTACHMENT_LIMITS);
    const replayOps = await prepareReplays(replayItems, { settingsOf, reader, store, limits: replayLimits, outcomes });
    return async (trx) => {
      await parkItems(store, trx, otherItems, outcomes);
      if (!sessions.isEmpty) {
        await store.releaseHealth.write(trx, sessions.rows);
        // A session names its release but is no event: it leaves the release's first and last event alone.
        if (deps.releases) for (const [projectId, versions] of sessions.releases) await deps.releases.ensure(trx, projectId, [...versions], null);
      }
      if (deps.releases) await ensureReleases(deps.releases, trx, readyEvents);
      // Some performance issues open only after many occurrences (Slow DB Query): those not there yet are only counted.
      const held = await heldBackProblems({ store, repo: performanceRepo, now: clock.now() }, trx, problems);
      const persisted = await persistEvents({ store, now: clock.now(), loadResolutionCheck: deps.releases?.resolutionCheck }, trx, withoutEvents(staged, held));
      for (const r of ready) outcomes.item(r.item.projectId, r.item.receivedAt, r.item, persisted.stored.has(r.ready) ? ACCEPTED : DUPLICATE, r.hint);
      await applyReplays(store, trx, replayOps, replayLimits, outcomes);
      await linkReplayErrors(store, trx, storedErrors(ready, persisted));
      const summaries = [...persisted.summaries];
      await linkWaitingReports(store, trx, persisted.summaries);
      if (!feedback.isEmpty)
        summaries.push(...(await commitFeedback({ store, dictionaries, now: clock.now() }, trx, feedback, feedbackEvents, settingsOf, outcomes)));
      if (checkIns.length > 0) {
        // Whether a failure opens an incident depends on the check-ins before it, so cron issue events are built here, in the transaction.
        const failures = await applyCheckIns(store, trx, checkIns, outcomes);
        const cronEvents = await cronIssueEvents(trx, failures, clock.now());
        if (cronEvents.length > 0) {
          const cronStaged = await stageEvents({ dictionaries, reader: trx, now: clock.now() }, cronEvents);
          summaries.push(...(await persistEvents({ store, now: clock.now() }, trx, cronStaged)).summaries);
        }
      }
      // A duplicate transaction's spans are already stored with its first copy.
      await performanceRepo.insertSpanRows(trx, spanRows.forStored(persisted.stored));
      await store.outcomes.increment(trx, outcomes.increments());
      if (summaries.length === 0) return undefined;
      // Recorded in the batch's transaction, so hooks a crash interrupts are re-run by the sweep.
      const batch = await recordPendingBatch(store, trx, clock.now(), summaries);
      const forward = deps.forwardCommitted;
      return forward ? async () => forward(batch) : async () => void (await postProcess(batch));
    };
  };
}

/** Stages 1–5 for one item: pure but for symbolication, which will read uploaded artifacts. */
async function processItem(
  item: EventItem,
  settings: ProcessingSettings,
  symbolication: { sourceMaps: SourceMapStage | undefined; trx: StoreExecutor },
): Promise<ItemResult> {
  const payload = parseJsonPayload(item.payload);
  if (!payload.ok) return { ok: false, verdict: { outcome: 'invalid', reason: 'invalid_json' }, hint: {} };
  const hint = categoryHint(payload.value);
  if (!isJsonObject(payload.value)) return { ok: false, verdict: { outcome: 'invalid', reason: 'payload_not_object' }, hint };
  const normalized = normalizeEvent(payload.value, {
    receivedAt: item.receivedAt,
    projectId: item.projectId,
    itemType: item.type,
    envelopeHeaders: item.envelopeHeaders,
    clientIp: item.clientIp ?? undefined,
  });
  if (!normalized.ok) return { ok: false, verdict: { outcome: 'invalid', reason: 'invalid_event' }, hint };
  const event = normalized.event;
  const filter = applyInboundFilters(event, settings.inboundFilters);
  if (filter.filtered) return { ok: false, verdict: { outcome: 'filtered', reason: filter.reason }, hint };
  scrubEvent(event, settings.scrubbing);
  const symbolicated = await symbolicate(event, { projectId: item.projectId, ...symbolication });
  const grouping = item.type === 'transaction' ? null : group(symbolicated.event, settings.grouping);
  return {
    ok: true,
    hint,
    ready: {
      projectId: item.projectId,
      receivedAt: item.receivedAt,
      itemType: item.type,
      event: symbolicated.event,
      notes: [...normalized.notes, ...symbolicated.notes],
      grouping,
    },
  };
}

/** Implicit releases: one call per project with the versions its events name, seen at the batch's latest receive time. */
async function ensureReleases(releases: PipelineReleaseDeps, trx: StoreExecutor, events: readonly ReadyEvent[]): Promise<void> {
  const byProject = new Map<number, { versions: Set<string>; seenAt: number }>();
  for (const r of events) {
    if (r.event.release === undefined) continue;
    const entry = byProject.get(r.projectId) ?? { versions: new Set<string>(), seenAt: r.receivedAt };
    entry.versions.add(r.event.release);
    entry.seenAt = Math.max(entry.seenAt, r.receivedAt);
    byProject.set(r.projectId, entry);
  }
  for (const [projectId, { versions, seenAt }] of byProject) await releases.ensure(trx, projectId, [...versions], seenAt);
}

/** Grouping, plus a fingerprint rule's `title=` becoming the event's title (Sentry's behaviour). */
function group(event: NormalizedEvent, rules: GroupingRules): GroupingResult {
  const grouping = computeGrouping(event, rules);
  if (grouping.title !== null) {
    event.title = grouping.title;
    event.metadata.title = grouping.title;
  }
  return grouping;
}

/** The batch's newly stored error events with their issues, for the replay links. */
function storedErrors(ready: readonly { ready: ReadyEvent }[], persisted: { stored: ReadonlySet<ReadyEvent>; summaries: readonly ProcessedEventSummary[] }) {
  const issueOf = new Map(persisted.summaries.map((s) => [`${s.projectId}:${s.eventId}`, s.issueId]));
  return ready
    .filter((r) => r.ready.grouping !== null && persisted.stored.has(r.ready))
    .map((r) => ({ ...r.ready, issueId: issueOf.get(`${r.ready.projectId}:${r.ready.event.event_id}`) ?? null }));
}

type EventItem = QueueItem & { readonly type: 'event' | 'transaction' };

function isEventItem(item: QueueItem): item is EventItem {
  return item.type === 'event' || item.type === 'transaction';
}

/** The payload's own `type` decides the outcome category of an `event` item (a transaction sent as `event`), as at ingest. */
function categoryHint(value: unknown): CategoryHint {
  return isJsonObject(value) && typeof value.type === 'string' ? { eventType: value.type } : {};
}
