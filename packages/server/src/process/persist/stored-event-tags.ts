import { type JsonObject, pairs } from '../../events/index.js';
import { eventTags, userKeyOf } from './event-tags.js';
import type { StoredEventDocument } from './stored-document.js';

/**
 * An event's tags as the API shows them: the SDK's plus the ones the pipeline derives and
 * counts in issue_tags (level, environment, release, user, browser, handled, …) — the same
 * function, so an event page and its issue's tag counts never disagree. Events stored before
 * the pipeline existed hold raw payloads; those show their own tags only.
 */
export function storedEventTags(doc: JsonObject): readonly (readonly [string, string])[] {
  if (!Array.isArray(doc.tags) || typeof doc.level !== 'string') return pairs(doc.tags);
  // The document is the pipeline's StoredEventDocument (stored-document.ts).
  const event = doc as unknown as StoredEventDocument;
  return eventTags(event, userKeyOf(event.user));
}
