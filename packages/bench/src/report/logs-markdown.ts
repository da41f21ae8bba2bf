import { bytes, count, ms, rate } from './format.js';
import type { LogsBenchResult, LogsTargetResult } from './logs-results.js';

// Issue #19's target for the logs stage (docs/performance.md › Logs).
const PROCESSED_TARGET = 10_000;

function processingRow(t: LogsTargetResult): string {
  const o = t.seed;
  const cells = [
    `${t.name}${t.status === 'failed' ? ' ⚠' : ''}`,
    o === null ? 'n/a' : `${count(o.sent.lines)} in ${count(o.sent.envelopes)} envelopes (${bytes(o.sent.bytes)})`,
    o === null ? 'n/a' : ms(o.queueMs),
    o === null ? 'n/a' : ms(o.processMs),
    rate(t.linesPerSec),
    o === null ? 'n/a' : `${count(o.stored.lines)} in ${count(o.stored.blocks)} blocks`,
    o === null ? 'n/a' : `${bytes(o.stored.documentBytes)} (${t.bytesPerLine ?? 'n/a'} B/line)`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function queryRows(t: LogsTargetResult): string[] {
  return t.queries.map((q) => `| ${t.name} | ${q.name} | ${ms(q.p50Ms)} | ${ms(q.p95Ms)} | ${ms(q.p99Ms)} | ${count(q.rows)} | ${q.errors} |`);
}

export function renderLogsMarkdown(r: LogsBenchResult): string[] {
  if (r.status === 'skipped') return ['', `Logs stage: skipped — ${r.reason}.`];
  const lines = [
    '',
    '## Logs',
    '',
    `Corpus: ${count(r.lines)} log lines over ${r.hours} hours, ${r.linesPerEnvelope} per \`log\` item as an SDK batches them — mostly info and debug, ` +
      'some warnings and errors, a share from `logger.fmt` templates, typed attributes and the SDK’s `sentry.*` attributes. Every envelope is queued first; ' +
      "then the server's own worker drains the queue (parse, scrub, compress into blocks), timed on its own.",
    '',
    '| database | lines sent | queueing | processing | lines/s processed | stored | compressed blocks |',
    '|---|---|---|---|---|---|---|',
    ...r.targets.map(processingRow),
    '',
    '### `events/?dataset=logs` and `events-stats/?dataset=logs`',
    '',
    `${r.warmupRequests} warm-up requests, then ${r.requests} measured, one at a time, on a server doing nothing else.`,
    '',
    '| database | query | p50 | p95 | p99 | rows | errors |',
    '|---|---|---|---|---|---|---|',
    ...r.targets.flatMap(queryRows),
    '',
  ];
  for (const t of r.targets) for (const problem of t.problems) lines.push(`- ${t.name}: problem: ${problem.split('\n')[0]}`);
  const sqlite = r.targets.find((t) => t.database === 'sqlite');
  if (sqlite) {
    const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');
    lines.push(
      '',
      '| target (issue #19, SQLite) | measured | |',
      '|---|---|---|',
      `| ≥ ${count(PROCESSED_TARGET)} log lines/s processed | ${rate(sqlite.linesPerSec)} | ${verdict(sqlite.linesPerSec === null ? null : sqlite.linesPerSec >= PROCESSED_TARGET)} |`,
    );
  }
  return lines;
}
