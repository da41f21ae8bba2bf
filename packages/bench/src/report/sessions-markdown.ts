import { count, ms, rate } from './format.js';
import type { SessionsBenchResult, SessionsTargetResult } from './sessions-results.js';

// Issue #16's targets for the sessions stage (docs/performance.md › Sessions).
const PROCESSED_TARGET = 10_000;
const QUERY_TARGET_MS = 100;

function processingRow(t: SessionsTargetResult): string {
  const o = t.seed;
  const cells = [
    `${t.name}${t.status === 'failed' ? ' ⚠' : ''}`,
    o === null ? 'n/a' : `${count(o.sent.updates)} (${count(o.sent.items)} items + ${count(o.sent.aggregateLines)} aggregate lines)`,
    o === null ? 'n/a' : ms(o.queueMs),
    o === null ? 'n/a' : ms(o.processMs),
    rate(t.updatesPerSec),
    rate(t.itemsPerSec),
    o === null
      ? 'n/a'
      : `${count(o.stored.countRows)} / ${count(o.stored.setRows)} / ${count(o.stored.packedDayRows)} (${count(o.stored.packedSetRows)} packed in ${ms(o.stored.foldMs)})`,
    o === null ? 'n/a' : `${count(o.stored.sessionsStarted)} of ${count(o.sent.sessionsStarted)}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function queryRows(t: SessionsTargetResult): string[] {
  return t.queries.map((q) => `| ${t.name} | ${q.name} | ${ms(q.p50Ms)} | ${ms(q.p95Ms)} | ${ms(q.p99Ms)} | ${count(q.rows)} | ${q.errors} |`);
}

export function renderSessionsMarkdown(r: SessionsBenchResult): string[] {
  if (r.status === 'skipped') return ['', `Sessions stage: skipped — ${r.reason}.`];
  const lines = [
    '',
    '## Sessions',
    '',
    `Corpus: ${count(r.updates)} session updates over ${r.days} days and ${count(r.releases)} releases — browser page loads as single \`session\` updates ` +
      `(an init, then an end: exited, errored, unhandled, rarely crashed or abnormal) and, in ${(r.aggregateShare * 100).toFixed(0)}% of the envelopes, ` +
      "a server's per-minute `sessions` aggregates, counted as their sums. Every envelope is queued first; then the server's own worker drains the queue, timed on its own. Then the hourly fold packs the distinct sets of days no update can reach any more (docs/release-health.md › Storage), as a running server's tables are in steady state.",
    '',
    '| database | updates sent | queueing | processing | updates/s processed | items/s processed | count / set / packed-day rows (set rows packed by the fold) | sessions started stored |',
    '|---|---|---|---|---|---|---|---|',
    ...r.targets.map(processingRow),
    '',
    `### \`/sessions/\` over ${r.days} days`,
    '',
    `${r.warmupRequests} warm-up requests, then ${r.requests} measured, one at a time, on a server doing nothing else.`,
    '',
    '| database | query | p50 | p95 | p99 | groups | errors |',
    '|---|---|---|---|---|---|---|',
    ...r.targets.flatMap(queryRows),
    '',
  ];
  for (const t of r.targets) for (const problem of t.problems) lines.push(`- ${t.name}: problem: ${problem.split('\n')[0]}`);
  const sqlite = r.targets.find((t) => t.database === 'sqlite');
  if (sqlite) {
    const worstP95 = Math.max(...sqlite.queries.map((q) => q.p95Ms ?? Number.POSITIVE_INFINITY));
    const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');
    lines.push(
      '',
      '| target (issue #16, SQLite) | measured | |',
      '|---|---|---|',
      `| ≥ ${count(PROCESSED_TARGET)} session updates/s processed | ${rate(sqlite.updatesPerSec)} | ${verdict(sqlite.updatesPerSec === null ? null : sqlite.updatesPerSec >= PROCESSED_TARGET)} |`,
      `| \`/sessions/\` for 90 days grouped by release < ${QUERY_TARGET_MS} ms (p95) with 100 releases | ${ms(Number.isFinite(worstP95) ? worstP95 : null)} (slowest of the queries above, ${count(r.releases)} releases) | ${verdict(!Number.isFinite(worstP95) ? null : r.releases >= 100 && r.days >= 90 ? worstP95 < QUERY_TARGET_MS : null)} |`,
    );
  }
  return lines;
}
