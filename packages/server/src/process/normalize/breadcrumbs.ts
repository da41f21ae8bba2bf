import { normalizeEventId } from '@faultline/protocol';
import { copyObjectBag } from './copy-bag.js';
import { type EventClock, readClientTimestamp } from './event-timestamps.js';
import { parseLevel } from './level.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { Breadcrumb } from './normalized-event.js';
import { Notes } from './processing-notes.js';
import { isRecord, put, readString, readValuesList } from './read-json.js';

/**
 * Breadcrumbs from a list (JS) or `{values}` (Python), oldest first; Relay keeps the last 100
 * (Sentry developer docs, Event Payloads › Breadcrumbs Interface). Timestamps become float seconds with the
 * event's clock correction. Problems with single crumbs are counted into one note so a bad SDK cannot flood
 * notes.
 */
export function normalizeBreadcrumbs(value: unknown, clock: EventClock, notes: Notes): Breadcrumb[] | undefined {
  const list = readValuesList(value, notes, 'breadcrumbs');
  if (list === undefined) return undefined;
  const max = COUNT_LIMITS.breadcrumbs;
  const from = Math.max(0, list.length - max);
  if (from > 0) notes.trimmed('breadcrumbs', `kept the last ${max} of ${list.length} breadcrumbs`);
  const out: Breadcrumb[] = [];
  // Scratch sinks: per-crumb problems collapse into one summary note each.
  const crumbNotes = new Notes();
  const dataNotes = new Notes();
  let notObjects = 0;
  for (let i = from; i < list.length; i++) {
    const raw: unknown = list[i];
    if (!isRecord(raw)) {
      notObjects++;
      continue;
    }
    out.push(normalizeBreadcrumb(raw, clock, crumbNotes, dataNotes));
  }
  if (notObjects > 0) notes.invalid('breadcrumbs', `${notObjects} breadcrumb(s) that were not objects removed`);
  if (crumbNotes.total > 0) notes.invalid('breadcrumbs', `${crumbNotes.total} invalid or oversized breadcrumb field(s) fixed`);
  if (dataNotes.total > 0) notes.trimmed('breadcrumbs', `data of breadcrumbs trimmed (${dataNotes.total} limit(s) hit)`);
  return out.length === 0 ? undefined : out;
}

function normalizeBreadcrumb(raw: Record<string, unknown>, clock: EventClock, crumbNotes: Notes, dataNotes: Notes): Breadcrumb {
  const crumb: Breadcrumb = { type: readString(raw.type, crumbNotes, 'type', STRING_LIMITS.short) ?? 'default' };
  const timestamp = readClientTimestamp(raw.timestamp, clock);
  if (timestamp === undefined && raw.timestamp !== undefined && raw.timestamp !== null) crumbNotes.invalid('timestamp', '');
  put(crumb, 'timestamp', timestamp);
  put(crumb, 'category', readString(raw.category, crumbNotes, 'category', STRING_LIMITS.symbol));
  put(crumb, 'message', readString(raw.message, crumbNotes, 'message', STRING_LIMITS.message, { lenient: true }));
  put(crumb, 'level', parseLevel(raw.level, crumbNotes, 'level'));
  put(crumb, 'data', copyObjectBag(raw.data, BAG_LIMITS.breadcrumbData, dataNotes, 'data'));
  if (raw.event_id !== undefined && raw.event_id !== null) {
    const id = normalizeEventId(raw.event_id);
    if (id.ok) crumb.event_id = id.id;
    else crumbNotes.invalid('event_id', '');
  }
  return crumb;
}
