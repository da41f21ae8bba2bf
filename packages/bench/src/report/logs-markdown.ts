import { bytes, count, ms, rate, verdict } from './format.js';
import { LOGS_PROCESSED_TARGET, type LogsBenchResult, type LogsTargetResult } from './logs-results.js';
import { seededQueryLines } from './seeded-markdown.js';

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
    ...seededQueryLines(r, r.targets, 'rows'),
  ];
  const sqlite = r.targets.find((t) => t.database === 'sqlite');
  if (sqlite) {
    lines.push(
      '',
      '| target (issue #19, SQLite) | measured | |',
      '|---|---|---|',
      `| ≥ ${count(LOGS_PROCESSED_TARGET)} log lines/s processed | ${rate(sqlite.linesPerSec)} | ${verdict(sqlite.linesPerSec === null ? null : sqlite.linesPerSec >= LOGS_PROCESSED_TARGET)} |`,
    );
  }
  return lines;
}
