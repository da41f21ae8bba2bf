import type { NewEventDictionary, NewStoredEvent } from '../../events/index.js';
import { eventTraceRowOf, insertEventTraces } from '../../performance/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import type { GroupingResult } from '../group/index.js';
import type { NormalizedEvent, Pair, ProcessingNote } from '../normalize/index.js';
import type { ProcessedEventSummary } from '../post-process/index.js';
import { assignIssues } from './assign-issues.js';
import type { DictionaryChoice, EventDictionaries } from './event-dictionaries.js';
import { eventTags, userKeyOf } from './event-tags.js';
import { storedEventJson } from './stored-document.js';
import { type LoadResolutionCheck, type StoredErrorEvent, updateIssues } from './update-issues.js';

/** An event that passed every stage before persist. */
export interface ReadyEvent {
  readonly projectId: number;
  readonly receivedAt: number;
  readonly itemType: 'event' | 'transaction' | 'feedback';
  readonly event: NormalizedEvent;
  readonly notes: readonly ProcessingNote[];
  /** null for transactions: they are stored for the performance features, not grouped */
  readonly grouping: GroupingResult | null;
}

export interface PersistResult {
  /** the events actually inserted; the others were duplicates of stored ones */
  readonly stored: ReadonlySet<ReadyEvent>;
  /** one per stored error event, for post-process */
  readonly summaries: ProcessedEventSummary[];
}

interface Prepared extends Omit<StoredErrorEvent, 'grouping'> {
  readonly ready: ReadyEvent;
  readonly key: string;
  readonly grouping: GroupingResult | null;
}

type PreparedError = Prepared & StoredErrorEvent;
const isError = (p: Prepared): p is PreparedError => p.grouping !== null;

/** A batch's events ready to write: duplicates within the batch dropped, documents encoded. */
export interface StagedEvents {
  readonly prepared: readonly Prepared[];
  readonly payloads: ReadonlyMap<Prepared, DictionaryChoice>;
  /** dictionaries started by events of this batch, written with it */
  readonly donations: readonly NewEventDictionary[];
}

/**
 * The CPU part of persisting, done before the batch's transaction: derived tags and the
 * compressed stored document of every event (the most expensive step of all, see
 * docs/performance.md), so the transaction itself only writes.
 */
export async function stageEvents(
  deps: { dictionaries: EventDictionaries; reader: StoreExecutor; now: number },
  ready: readonly ReadyEvent[],
): Promise<StagedEvents> {
  const prepared = uniqueEvents(ready).map(prepare);
  const groupOf = (p: Prepared) => {
    const hash = p.grouping?.hashes[0];
    return hash === undefined ? null : { projectId: p.projectId, hash };
  };
  await deps.dictionaries.load(
    deps.reader,
    prepared.map(groupOf).filter((g) => g !== null),
    deps.now,
  );
  const donations = new Map<string, NewEventDictionary>();
  const payloads = new Map(
    prepared.map((p) => [p, deps.dictionaries.encode(storedEventJson(p.event, p.ready.notes, p.grouping), groupOf(p), deps.now, donations)] as const),
  );
  return { prepared, payloads, donations: [...donations.values()] };
}

/** The staged batch without some of its events: ones the transaction decided to hold back after staging. */
export function withoutEvents(staged: StagedEvents, drop: ReadonlySet<ReadyEvent>): StagedEvents {
  if (drop.size === 0) return staged;
  return { ...staged, prepared: staged.prepared.filter((p) => !drop.has(p.ready)) };
}

/**
 * Stores a batch's events and brings their issues up to date, in the caller's transaction.
 * Events are unique per (project, event_id): a redelivered or resent event inserts nothing
 * and counts nowhere, so every counter is bumped for newly inserted events only.
 */
export async function persistEvents(
  deps: { store: Store; now: number; loadResolutionCheck?: LoadResolutionCheck },
  trx: StoreExecutor,
  staged: StagedEvents,
): Promise<PersistResult> {
  const { store } = deps;
  const { prepared, payloads } = staged;
  await store.eventDictionaries.insert(trx, staged.donations);
  const grouped = prepared.filter(isError);
  const assignment = await assignIssues(store, trx, grouped, deps.now);
  const rows: NewStoredEvent[] = prepared.map((p) => {
    const { encoded, dictionaryId } = payloads.get(p) as DictionaryChoice;
    return {
      projectId: p.projectId,
      eventId: p.event.event_id,
      type: p.ready.itemType,
      receivedAt: p.receivedAt,
      payloadEncoding: encoded.encoding,
      payload: encoded.payload,
      dictionaryId,
      issueId: isError(p) ? (assignment.issueOf.get(p) ?? null) : null,
      timestamp: Math.round(p.event.timestamp * 1000),
      level: p.event.level,
      environment: p.event.environment ?? null,
      release: p.event.release ?? null,
      userKey: p.userKey,
      title: p.event.title,
    };
  });
  const inserted = rows.length > 0 ? await store.events.insertNew(trx, rows) : new Set<string>();
  const stored = prepared.filter((p) => inserted.has(p.key));
  const storedGrouped = stored.filter(isError);
  await store.issueWrites.addHashes(trx, assignment.unownedHashes(storedGrouped));
  // The trace view finds a trace's errors through this index (performance/, migration 0014).
  await insertEventTraces(
    trx,
    storedGrouped.flatMap((p) => eventTraceRowOf(tracedFacts(p, assignment.issueOf.get(p) ?? null)) ?? []),
  );
  const summaries = storedGrouped.length > 0 ? await updateIssues(store, trx, storedGrouped, assignment, deps.loadResolutionCheck) : [];
  // Issues created for events another delivery had already stored (a lost race) stay empty: drop them.
  const used = new Set(storedGrouped.map((p) => assignment.issueOf.get(p)));
  const unused = assignment.created.filter((id) => !used.has(id));
  await store.issueWrites.deleteEmpty(trx, unused);
  return { stored: new Set(stored.map((p) => p.ready)), summaries };
}

function tracedFacts(p: Prepared, issueId: number | null) {
  const e = p.event;
  return {
    projectId: p.projectId,
    eventId: e.event_id,
    issueId,
    contexts: e.contexts,
    transaction: e.transaction,
    timestampMs: Math.round(e.timestamp * 1000),
    receivedAt: p.receivedAt,
    occurrence: e.occurrence,
  };
}

/** The first of each (project, event_id) in the batch; the rest are duplicates. */
function uniqueEvents(ready: readonly ReadyEvent[]): ReadyEvent[] {
  const seen = new Set<string>();
  return ready.filter((r) => {
    const key = `${r.projectId}:${r.event.event_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function prepare(ready: ReadyEvent): Prepared {
  const event = ready.event;
  const userKey = userKeyOf(event.user);
  const tags: Pair[] = ready.grouping === null ? event.tags : eventTags(event, userKey);
  // Stored events show the derived tags, as Sentry's do.
  event.tags = tags;
  return {
    ready,
    key: `${ready.projectId}:${event.event_id}`,
    projectId: ready.projectId,
    receivedAt: ready.receivedAt,
    event,
    grouping: ready.grouping,
    userKey,
    tags,
  };
}
