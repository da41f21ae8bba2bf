import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { StringMatch } from '../search/index.js';

// LIKE with an explicit ESCAPE behaves the same on SQLite and PostgreSQL. SQLite's LIKE ignores
// ASCII case and PostgreSQL's does not, so every LIKE here lowers both sides: one meaning on
// both databases.

/** Escapes LIKE's wildcards and the escape character itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A parsed glob (`Safari 11*` → ['Safari 11', '']) as an anchored LIKE pattern. */
export function globPattern(parts: readonly string[]): string {
  return parts.map(escapeLike).join('%');
}

/** A column or expression to match, e.g. `sql.ref('issues.title')`. */
export type SqlText = RawBuilder<unknown>;

export function likeLower(column: SqlText, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like lower(${pattern}) escape '\\'`;
}

/**
 * Tags, environments, releases, users: exact values compare case-sensitively (an index can
 * answer); a glob is a case-insensitive LIKE.
 */
export function matchValue(column: SqlText, match: StringMatch): RawBuilder<SqlBool> {
  return match.type === 'exact' ? sql<SqlBool>`${column} = ${match.value}` : likeLower(column, globPattern(match.parts));
}

/** Titles, culprits, messages: a plain value is a case-insensitive substring; a glob matches the whole text. */
export function matchText(column: SqlText, match: StringMatch): RawBuilder<SqlBool> {
  return likeLower(column, match.type === 'exact' ? `%${escapeLike(match.value)}%` : globPattern(match.parts));
}

/** Any of several matches; an empty list matches nothing. */
export function anyOf(conditions: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (conditions.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}
