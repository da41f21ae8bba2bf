/**
 * Keyset cursors in Sentry's `value:offset:is_prev` shape: the value carries the sort key and
 * the id of the row the page starts after (`1735689600000.42:0:0`), so a page is an index range
 * scan however deep it is and stays stable while new rows arrive. Clients treat it as opaque.
 */
export interface KeysetCursor {
  /** the sort column's value of the boundary row */
  readonly value: number;
  /** its id: the tie-break */
  readonly id: number;
  /** true: the page before the boundary (rel="previous") */
  readonly backwards: boolean;
}

export type KeysetCursorParse = { readonly ok: true; readonly cursor: KeysetCursor | null } | { readonly ok: false; readonly reason: string };

export function formatKeysetCursor(c: KeysetCursor): string {
  return `${c.value}.${c.id}:0:${c.backwards ? 1 : 0}`;
}

/** An absent or empty cursor is the first page (sentry-cli sends `cursor=` on its first request). */
export function parseKeysetCursor(text: string | undefined): KeysetCursorParse {
  if (text === undefined || text === '') return { ok: true, cursor: null };
  const m = /^(\d{1,16})\.(\d{1,16}):0:([01])$/.exec(text);
  if (!m) return { ok: false, reason: 'Invalid cursor parameter' };
  return { ok: true, cursor: { value: Number(m[1]), id: Number(m[2]), backwards: m[3] === '1' } };
}

export interface KeysetPage<T> {
  readonly items: T[];
  /** cursor of the page after / before this one (null when this page is empty) */
  readonly next: KeysetCursor | null;
  readonly prev: KeysetCursor | null;
  readonly hasNext: boolean;
  readonly hasPrev: boolean;
}

/**
 * Builds the page from rows fetched with limit + 1 in the cursor's direction (descending
 * forwards, ascending backwards). `key` gives a row's sort value and id.
 */
export function keysetPage<T>(rows: T[], limit: number, cursor: KeysetCursor | null, key: (row: T) => { value: number; id: number }): KeysetPage<T> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (cursor?.backwards) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: last === undefined ? null : { ...key(last), backwards: false },
    prev: first === undefined ? null : { ...key(first), backwards: true },
    hasNext: cursor?.backwards ? true : more,
    hasPrev: cursor === null ? false : cursor.backwards ? more : true,
  };
}
