import { bytes, count, ms, NA, percent, rate, verdict } from './format.js';
import type { PhaseFigures, SpansBenchResult, SpansIngestResult, SpansQueryTargetResult } from './results.js';

// Issue #15's targets for the spans stage (docs/performance.md › Spans).
const ACCEPTED_TARGET = 3000;
const PROCESSED_TARGET = 2000;
const QUERY_TARGET_MS = 200;
const QUERY_TARGET_SPANS = 10_000_000;
const BYTES_PER_SPAN_TARGET = 150;

function latency(p: PhaseFigures | null): string {
  return p?.latency ? `${ms(p.latency.p50Ms)} / ${ms(p.latency.p99Ms)}` : NA;
}

function ingestRow({ target: t, spansPerEnvelope, diskBytesPerSpan }: SpansIngestResult): string {
  const processed = t.processing?.status === 'measured' ? t.processing.processedPerSec : null;
  const cells = [
    `${t.name}${t.status === 'failed' ? ' ⚠' : ''}`,
    rate(t.saturation?.acceptedPerSec),
    t.kind === 'baseline' ? '100%' : percent(t.acceptedRatioToBaseline),
    latency(t.saturation),
    latency(t.openLoop),
    rate(processed),
    processed === null ? NA : rate(processed * spansPerEnvelope),
    bytes(t.peakRssBytes),
    t.kind === 'baseline' ? NA : bytes(diskBytesPerSpan),
  ];
  return `| ${cells.join(' | ')} |`;
}

function ingestDetails({ target: t }: SpansIngestResult): string[] {
  const lines: string[] = [];
  const pr = t.processing;
  if (pr && t.kind === 'faultline') {
    lines.push(
      `- ${t.name}: ${pr.status === 'measured' ? `${count(pr.processed)} of ${count(pr.expected)} accepted envelopes stored as trace segments, ${pr.drained ? 'drained' : 'not drained'}` : `processing n/a — ${pr.reason}`}${pr.status === 'measured' && pr.reason ? ` (${pr.reason})` : ''}; ` +
        `server CPU ${t.saturation?.serverCpuPercent ?? NA}% at saturation; disk ${bytes(t.disk?.bytes)} (${t.disk?.measured ?? NA}, queue included)`,
    );
  }
  for (const p of t.problems) lines.push(`- ${t.name}: problem: ${p.split('\n')[0]}`);
  return lines;
}

function queryRow(q: SpansQueryTargetResult): string {
  const s = q.seed;
  const f = q.query;
  const cells = [
    `${q.name}${q.status === 'failed' ? ' ⚠' : ''}`,
    s ? `${count(s.spans)} in ${count(s.segments)} segments over ${s.hours} h${s.spans === s.spansSent ? '' : ` (${count(s.spansSent)} sent)`}` : NA,
    s ? `${count(s.perfRollups)} / ${count(s.perfRollupsHourly ?? 0)} / ${count(s.perfRollupsHourlyNames ?? 0)} / ${count(s.spanRollups)}` : NA,
    ms(f?.p50Ms),
    ms(f?.p95Ms),
    ms(f?.p99Ms),
    f?.rows === null || f?.rows === undefined ? NA : count(f.rows),
    s ? `${count(s.spansPerSec)} spans/s (${count(s.envelopesPerSec)} requests/s), compaction ${(s.compactMs / 1000).toFixed(1)} s` : NA,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The same query on rows copied to `scale` times the seeded spans: labelled so it is never read as a seeded figure. */
function scaledRow(q: SpansQueryTargetResult): string | null {
  const x = q.scaled;
  if (x === null || x === undefined) return null;
  const s = q.seed;
  const f = x.query;
  const cells = [
    `${q.name}, **scaled rows, not seeded spans** (×${x.scale})`,
    s ? `rows of ~${count(s.spans * x.scale)} spans: ${count(x.copiedRows)} minute rows copied` : NA,
    `${count(x.counts.perfRollups)} / ${count(x.counts.perfRollupsHourly)} / ${count(x.counts.perfRollupsHourlyNames)} / ${s ? count(s.spanRollups) : NA} (not scaled)`,
    ms(f?.p50Ms),
    ms(f?.p95Ms),
    ms(f?.p99Ms),
    f?.rows === null || f?.rows === undefined ? NA : count(f.rows),
    `copies compacted in ${(x.compactMs / 1000).toFixed(1)} s`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function diskRow(q: SpansQueryTargetResult): string | null {
  const s = q.seed;
  if (s === null || s.tableSizes === null) return null;
  const t = s.tableSizes.tables;
  const perSpan = (table: string) => (s.spans > 0 && t[table] !== undefined ? (t[table] / s.spans).toFixed(1) : NA);
  const cells = [
    q.name,
    perSpan('trace_segments'),
    perSpan('perf_rollups'),
    perSpan('perf_rollups_hourly'),
    perSpan('span_rollups'),
    perSpan('span_descriptions'),
    perSpan('perf_users'),
    s.performanceBytesPerSpan === null ? NA : `**${s.performanceBytesPerSpan}**`,
    perSpan('events'),
    s.allTablesBytesPerSpan === null ? NA : String(s.allTablesBytesPerSpan),
    s.dataDirBytes === null ? NA : `${bytes(s.dataDirBytes)} (${(s.dataDirBytes / Math.max(1, s.spans)).toFixed(0)} B/span)`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function verdicts(r: Extract<SpansBenchResult, { status: 'measured' }>): string[] {
  const sqlite = r.ingest.find((i) => i.target.database === 'sqlite')?.target;
  const q = r.queries.find((x) => x.database === 'sqlite');
  const accepted = sqlite?.saturation?.acceptedPerSec ?? null;
  const processed = sqlite?.processing?.status === 'measured' ? sqlite.processing.processedPerSec : null;
  const p95 = q?.query?.p95Ms ?? null;
  const spans = q?.seed?.spans ?? null;
  const perSpan = q?.seed?.performanceBytesPerSpan ?? null;
  const atSize = spans === null ? '' : spans >= QUERY_TARGET_SPANS ? '' : ` (at ${count(spans)} spans, not ${count(QUERY_TARGET_SPANS)}: not a verdict)`;
  return [
    '',
    '| target (issue #15, SQLite) | measured | |',
    '|---|---|---|',
    `| ≥ ${count(ACCEPTED_TARGET)} transactions/s accepted | ${rate(accepted)} | ${verdict(accepted === null ? null : accepted >= ACCEPTED_TARGET)} |`,
    `| ≥ ${count(PROCESSED_TARGET)} transactions/s processed | ${rate(processed)} | ${verdict(processed === null ? null : processed >= PROCESSED_TARGET)} |`,
    `| p95 per transaction over 24 h < ${QUERY_TARGET_MS} ms at ${count(QUERY_TARGET_SPANS)} spans | ${ms(p95)}${atSize} | ${atSize ? NA : verdict(p95 === null ? null : p95 < QUERY_TARGET_MS)} |`,
    ...(q?.scaled
      ? [
          `| same, on rollup rows scaled ×${q.scaled.scale} (~${count((spans ?? 0) * q.scaled.scale)} spans' worth): **scaled rows, not seeded spans** | ${ms(q.scaled.query?.p95Ms)} | ${q.scaled.query?.p95Ms != null ? (q.scaled.query.p95Ms < QUERY_TARGET_MS ? 'under target (indicative)' : 'over target (indicative)') : NA} |`,
        ]
      : []),
    `| ≤ ${BYTES_PER_SPAN_TARGET} bytes per span | ${perSpan ?? NA} (performance tables) | ${verdict(perSpan === null ? null : perSpan <= BYTES_PER_SPAN_TARGET)} |`,
  ];
}

export function renderSpansMarkdown(r: SpansBenchResult, p: Readonly<Record<string, unknown>>): string[] {
  if (r.status === 'skipped') return ['', `Spans stage: skipped — ${r.reason}.`];
  const c = r.corpus;
  const lines = [
    '',
    '## Spans',
    '',
    `Corpus: ${count(c.envelopes)} envelopes (seed ${String(p.seed)}) — ${count(c.transactions)} v1 transactions and ${count(c.spanContainers)} v2 span containers, ` +
      `${count(c.spans)} spans (${c.minSpans}–${c.maxSpans} per envelope, segment span included), ${count(c.routes)} routes, ${count(c.serverErrors)} answered 5xx; ` +
      `mean ${bytes(c.meanUncompressedBytes)}, ${count(c.gzipped)} gzipped. Built in ${count(c.buildMs)} ms.`,
    '',
    `Load: as the ingest stage (${String(p.concurrency)} in flight for ${String(p.saturationSeconds)} s after ${String(p.warmupSeconds)} s warm-up), open loop at ${String(p.spansRate)} transactions/s for ${String(p.openSeconds)} s. ` +
      'Processed = rows in `trace_segments` (one per transaction or span container).',
    '',
    `| target | transactions/s accepted | vs baseline | p50 / p99 at saturation | p50 / p99 at ${String(p.spansRate)}/s | transactions/s processed | spans/s processed | peak RSS | disk / span (whole run) |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...r.ingest.map(ingestRow),
    '',
    ...r.ingest.flatMap(ingestDetails),
    '',
    `### p95 per transaction over 24 h`,
    '',
    `\`GET /api/0/organizations/{org}/events/?dataset=transactions&field=transaction&field=p95(transaction.duration)&field=count()&statsPeriod=24h\`: ` +
      `${r.warmupRequests} warm-up requests, then ${r.requests} measured, one at a time, on a server doing nothing else, after seeding through the pipeline and compacting the rollups.`,
    '',
    '| database | seeded spans | rollup rows: minute / hourly / hourly per name / span | p50 | p95 | p99 | transactions listed | seeding |',
    '|---|---|---|---|---|---|---|---|',
    ...r.queries.flatMap((q) => [queryRow(q), scaledRow(q)].filter((x): x is string => x !== null)),
    '',
    '### Bytes per stored span (seeded data set)',
    '',
    '| database | trace_segments | perf_rollups | perf_rollups_hourly | span_rollups | span_descriptions | perf_users | performance tables | events (v1 transactions) | all tables | data directory |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.queries.map(diskRow).filter((x): x is string => x !== null),
  ];
  for (const q of r.queries) for (const problem of q.problems) lines.push(`- ${q.name}: problem: ${problem.split('\n')[0]}`);
  lines.push(...verdicts(r));
  return lines;
}
