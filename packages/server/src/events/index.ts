/**
 * events — stored events: the compressed document of each normalized, scrubbed event (some
 * against a per-group dictionary), read back by index, and Sentry's event JSON with `entries`.
 * Owns the tables events and event_dictionaries. The pipeline writes them; the routes that
 * serve events are scoped through an issue or project and live in issues/. Must not know how
 * tags are derived (the pipeline owns that rule; callers pass it in) nor about HTTP.
 */
export { type EventRow, eventJson, simpleEventJson, type TagsOf } from './read/event-json.js';
export { eventNeighbors, eventsPage, issueEdgeEvent } from './read/event-rows.js';
export { decodeEvent, dictionariesOf, eventByEventId, pairs } from './read/index.js';
export type { JsonObject } from './read/json-read.js';
export { DICTIONARY_SERVES_MS, type EventDictionary, type NewEventDictionary } from './store/event-dictionaries.js';
export { decodePayload, dictionaryFrom, type EncodedPayload, encodePayload } from './store/event-payload-codec.js';
export type { NewStoredEvent } from './store/events.js';
export { eventRepositories } from './store/repositories.js';
