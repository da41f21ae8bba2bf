import type { QueryError } from './issue-query.js';

/**
 * The `detail` of a 400 answer for a refused query: Sentry's prefix, the reason, and where.
 * Positions are shown 1-based with the offending text, which is what a person can act on.
 */
export function queryErrorDetail(error: QueryError, text: string): string {
  const shown = text.slice(error.position, error.position + Math.min(error.length, 40));
  const where = shown === '' ? `at character ${error.position + 1}` : `at character ${error.position + 1}: ${JSON.stringify(shown)}`;
  return `Error parsing search query: ${error.message} (${where})`;
}
