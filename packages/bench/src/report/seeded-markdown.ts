import { count, ms } from './format.js';
import type { QueryFigures } from './results.js';

/** A seeded stage's per-database result, as far as its query table reads it. */
interface SeededTarget {
  readonly name: string;
  readonly problems: readonly string[];
  readonly queries: readonly QueryFigures[];
}

/**
 * The queries table of the logs and sessions stages (one row per database and query; `rows`
 * names what the answers count) and each database's problems under it.
 */
export function seededQueryLines(r: { readonly warmupRequests: number; readonly requests: number }, targets: readonly SeededTarget[], rows: string): string[] {
  const lines = [
    `${r.warmupRequests} warm-up requests, then ${r.requests} measured, one at a time, on a server doing nothing else.`,
    '',
    `| database | query | p50 | p95 | p99 | ${rows} | errors |`,
    '|---|---|---|---|---|---|---|',
    ...targets.flatMap((t) =>
      t.queries.map((q) => `| ${t.name} | ${q.name} | ${ms(q.p50Ms)} | ${ms(q.p95Ms)} | ${ms(q.p99Ms)} | ${count(q.rows)} | ${q.errors} |`),
    ),
    '',
  ];
  for (const t of targets) for (const problem of t.problems) lines.push(`- ${t.name}: problem: ${problem.split('\n')[0]}`);
  return lines;
}
