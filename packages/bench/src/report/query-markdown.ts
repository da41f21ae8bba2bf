import { count, ms, verdict } from './format.js';
import type { QueryBenchResult, QueryFigures, QueryTargetResult } from './results.js';

function target(f: QueryFigures): string {
  if (f.targetP95Ms === null) return '';
  return `< ${f.targetP95Ms} ms: ${verdict(f.met)}`;
}

function row(f: QueryFigures): string {
  const cells = [
    f.name,
    ms(f.p50Ms),
    ms(f.p95Ms),
    ms(f.p99Ms),
    ms(f.maxMs),
    target(f),
    f.errors > 0 ? `${f.errors} of ${f.requests} failed` : f.rows === null ? '' : count(f.rows),
  ];
  return `| ${cells.join(' | ')} |`;
}

function seedLine(t: QueryTargetResult): string {
  const s = t.seed;
  if (s === null) return 'Seed: none (see the problems).';
  const where = s.reused
    ? `reused from the cache (made ${s.seededAt}${s.pipelineChanged ? ' by an earlier build of the pipeline; `--reseed` makes a new one' : ''})`
    : 'made in this run';
  return (
    `Seed: ${count(s.events)} error events (${count(s.requestedEvents)} requested) in ${count(s.issues)} issues over ${s.days} days; ` +
    `${count(s.issueTags)} issue tag rows, ${count(s.issueHourly)} hourly rows, ${count(s.issueUsers)} issue users; the loudest issue has ${count(s.largestIssueEvents)} events. ` +
    `Made by the pipeline in ${(s.seedMs / 1000).toFixed(0)} s (${count(s.eventsPerSec)} events/s), ${where}.`
  );
}

function sampleLine(t: QueryTargetResult): string {
  if (t.sampleIssues.length === 0) return '';
  const counts = t.sampleIssues.map((i) => i.events);
  return `Issue pages rotate over the ${t.sampleIssues.length} issues on the default list's first page (${count(Math.min(...counts))}–${count(Math.max(...counts))} events each).`;
}

export function renderQueryMarkdown(q: QueryBenchResult): string[] {
  if (q.status === 'skipped') return ['', `Query benchmark: skipped — ${q.reason}.`];
  const lines = [
    '',
    '## Query benchmark',
    '',
    `Each query: ${q.warmupRequests} warm-up requests, then ${q.requests} measured, one at a time, on a server doing nothing else.`,
  ];
  for (const t of q.targets) {
    lines.push('', `### ${t.name}: ${t.status}`, '', seedLine(t));
    const sample = sampleLine(t);
    if (sample) lines.push(sample);
    if (t.queries.length > 0) {
      lines.push('', '| query | p50 | p95 | p99 | max | target (p95) | issues listed |', '|---|---|---|---|---|---|---|', ...t.queries.map(row));
    }
    for (const p of t.problems) lines.push(`- problem: ${p.split('\n')[0]}`);
  }
  return lines;
}
