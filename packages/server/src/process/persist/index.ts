/**
 * process/persist — pipeline stage 6: stores the batch's events (normalized and scrubbed,
 * never as received) and maintains their issues in the batch's one write transaction: the
 * hash lookup that picks or creates each event's issue, then counters (times_seen, users,
 * hourly per environment and release, tag values), first/last seen and release, the latest
 * event's level/title, and the automatic lifecycle transitions of issues/ (regression, ignores
 * that end). Work is aggregated per batch: one UPDATE per touched issue, multi-row upserts
 * for the counter tables, so the cost grows with issues touched, not with events.
 *
 * Times: first_seen/last_seen, hourly buckets, regressions and ignore deadlines all use the
 * server's receive time (`receivedAt`), as Sentry's last_seen does in practice: it cannot be
 * skewed by client clocks or by offline SDKs replaying old events. The event's own timestamp
 * is stored in `events.timestamp` for display.
 *
 * Must not: run the earlier stages, read settings, or do anything after commit (post-process).
 */
export { createEventDictionaries, type EventDictionaries } from './event-dictionaries.js';
export { DERIVED_TAG_KEYS, eventTags, userKeyOf } from './event-tags.js';
export { type PersistResult, persistEvents, type ReadyEvent, type StagedEvents, stageEvents, withoutEvents } from './persist-events.js';
export type { StoredEventDocument, StoredGrouping } from './stored-document.js';
export { storedEventTags } from './stored-event-tags.js';
export type { LoadResolutionCheck } from './update-issues.js';
