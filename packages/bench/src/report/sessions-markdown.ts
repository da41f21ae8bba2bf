import { count, ms, rate, verdict } from './format.js';
import { seededQueryLines } from './seeded-markdown.js';
import { SESSIONS_PROCESSED_TARGET, SESSIONS_QUERY_TARGET_MS, type SessionsBenchResult, type SessionsTargetResult } from './sessions-results.js';

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
    ...seededQueryLines(r, r.targets, 'groups'),
  ];
  const sqlite = r.targets.find((t) => t.database === 'sqlite');
  if (sqlite) {
    const worstP95 = Math.max(...sqlite.queries.map((q) => q.p95Ms ?? Number.POSITIVE_INFINITY));
    lines.push(
      '',
      '| target (issue #16, SQLite) | measured | |',
      '|---|---|---|',
      `| ≥ ${count(SESSIONS_PROCESSED_TARGET)} session updates/s processed | ${rate(sqlite.updatesPerSec)} | ${verdict(sqlite.updatesPerSec === null ? null : sqlite.updatesPerSec >= SESSIONS_PROCESSED_TARGET)} |`,
      `| \`/sessions/\` for 90 days grouped by release < ${SESSIONS_QUERY_TARGET_MS} ms (p95) with 100 releases | ${ms(Number.isFinite(worstP95) ? worstP95 : null)} (slowest of the queries above, ${count(r.releases)} releases) | ${verdict(!Number.isFinite(worstP95) ? null : r.releases >= 100 && r.days >= 90 ? worstP95 < SESSIONS_QUERY_TARGET_MS : null)} |`,
    );
  }
  return lines;
}
