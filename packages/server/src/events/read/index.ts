/**
 * events/read — the read model behind the event routes: stored events (compressed JSON of
 * the normalized, scrubbed event, some against a group dictionary) read by index and turned into Sentry's event JSON with
 * `entries`. Must not write, nor know about HTTP; how tags are derived is passed in by the
 * caller (the pipeline owns that rule).
 */
export { eventEntries } from './event-entries.js';
export { decodeEvent, type EventRow, eventJson, simpleEventJson, type TagsOf } from './event-json.js';
export { dictionariesOf, type EventPageQuery, eventByEventId, eventNeighbors, eventsPage, issueEdgeEvent } from './event-rows.js';
export { type Json, type JsonObject, pairs } from './json-read.js';
