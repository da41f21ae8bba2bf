import { bytes, count, ms, NA, percent, rate } from './format.js';
import { renderLogsMarkdown } from './logs-markdown.js';
import { renderQueryMarkdown } from './query-markdown.js';
import type { BenchResults, PhaseFigures, TargetResult, TimelineSample } from './results.js';
import { renderSessionsMarkdown } from './sessions-markdown.js';
import { renderSpansMarkdown } from './spans-markdown.js';

function latency(p: PhaseFigures | null): string {
  return p?.latency ? `${ms(p.latency.p50Ms)} / ${ms(p.latency.p99Ms)}` : NA;
}

function cpu(p: PhaseFigures): string {
  return `CPU: server ${p.serverCpuPercent === null ? NA : `${p.serverCpuPercent}%`}, load generator ${p.generatorCpuPercent}% of a core`;
}

function row(t: TargetResult): string {
  const cells = [
    `${t.name}${t.status === 'failed' ? ' ⚠' : ''}`,
    rate(t.saturation?.acceptedPerSec),
    t.kind === 'baseline' ? '100%' : percent(t.acceptedRatioToBaseline),
    latency(t.saturation),
    latency(t.openLoop),
    t.processing?.status === 'measured' ? rate(t.processing.processedPerSec) : NA,
    bytes(t.peakRssBytes),
    t.disk ? bytes(t.disk.bytesPerProcessedEvent) : NA,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Up to `max` samples spread over the timeline, always keeping the last. */
function thin(samples: readonly TimelineSample[], max: number): TimelineSample[] {
  if (samples.length <= max) return [...samples];
  const step = samples.length / max;
  const out: TimelineSample[] = [];
  for (let i = 0; i < max - 1; i++) out.push(samples[Math.floor(i * step)] as TimelineSample);
  out.push(samples[samples.length - 1] as TimelineSample);
  return out;
}

function timeline(t: TargetResult): string[] {
  if (t.kind !== 'faultline' || t.timeline.length === 0) return [];
  const lines = [
    ``,
    `#### Backlog over time — ${t.name}`,
    ``,
    '| t | phase | accepted | expected | processed | backlog | RSS |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of thin(t.timeline, 16)) {
    lines.push(
      `| ${(s.tMs / 1000).toFixed(1)} s | ${s.phase} | ${count(s.accepted)} | ${count(s.expected)} | ${count(s.processed)} | ${count(s.backlog)} | ${bytes(s.rssBytes)} |`,
    );
  }
  return lines;
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const lines = [
    `# Faultline bench (${r.mode}) — ${r.startedAt}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${bytes(m.totalMemBytes)} RAM, ${m.platform} ${m.osRelease} ${m.arch}, Node ${m.node}; load average ${m.loadAverageAtStart.join(' / ')} at start. Server and load generator share these cores.`,
  ];
  if (r.corpus !== null) lines.push(...ingestSection(r, r.corpus));
  lines.push(...renderQueryMarkdown(r.query));
  lines.push(...renderSpansMarkdown(r.spans, r.parameters));
  lines.push(...renderSessionsMarkdown(r.sessions));
  if (r.logs !== undefined) lines.push(...renderLogsMarkdown(r.logs));
  lines.push('');
  return lines.join('\n');
}

function ingestSection(r: BenchResults, c: NonNullable<BenchResults['corpus']>): string[] {
  const p = r.parameters;
  const lines = [
    '',
    `Corpus: ${count(c.envelopes)} envelopes (seed ${p.seed}) — ${count(c.byKind.error)} error events over ${count(c.errorTypesUsed)} error types, ` +
      `${count(c.byKind.transaction)} transactions, ${count(c.byKind.session)} sessions; mean ${bytes(c.meanUncompressedBytes)} ` +
      `(error events ${bytes(c.meanErrorUncompressedBytes)}), largest ${bytes(c.maxUncompressedBytes)}, ${count(c.gzipped)} gzipped (over 32 KiB). Built in ${count(c.buildMs)} ms.`,
    '',
    `Load: saturation = ${p.concurrency} requests in flight over ${p.connections} keep-alive connections for ${p.saturationSeconds} s after ${p.warmupSeconds} s warm-up; ` +
      `open loop = ${p.rate} envelopes/s for ${p.openSeconds} s, latency from the scheduled send time. ` +
      `Faultline's processing: ${processingSettings(p)}.`,
    '',
    `| target | accepted/s at saturation | vs baseline | p50 / p99 at saturation | p50 / p99 at ${p.rate}/s | processed/s | peak RSS | disk / event |`,
    '|---|---|---|---|---|---|---|---|',
    ...r.targets.map(row),
  ];
  for (const t of r.targets) {
    const o = t.openLoop;
    lines.push('', `### ${t.name}: ${t.status}`, '');
    if (o)
      lines.push(
        `- open loop: ${count(o.accepted)} of ${count(o.sent)} accepted, ${rate(o.acceptedPerSec)} achieved of ${rate(o.offeredPerSec)} offered, mean ${ms(o.latency?.meanMs)}, p90 ${ms(o.latency?.p90Ms)}, max ${ms(o.latency?.maxMs)}; ${cpu(o)}`,
      );
    const s = t.saturation;
    if (s)
      lines.push(
        `- saturation: ${count(s.accepted)} of ${count(s.sent)} accepted, mean ${ms(s.latency?.meanMs)}, p90 ${ms(s.latency?.p90Ms)}, max ${ms(s.latency?.maxMs)}; ${cpu(s)}`,
      );
    const pr = t.processing;
    if (pr)
      lines.push(
        `- processing (${pr.probe}): ${pr.status === 'measured' ? `${count(pr.processed)} of ${count(pr.expected)} accepted ${pr.counts.join(' + ')} envelopes processed, ${pr.drained ? 'drained' : 'not drained'}` : `n/a — ${pr.reason}`}${pr.status === 'measured' && pr.reason ? ` (${pr.reason})` : ''}`,
      );
    if (t.disk) lines.push(`- disk: ${bytes(t.disk.bytes)} (${t.disk.measured}); ${bytes(t.disk.bytesPerAcceptedEnvelope)} per accepted envelope`);
    for (const problem of t.problems) lines.push(`- problem: ${problem.split('\n')[0]}`);
    lines.push(...timeline(t));
  }
  return lines;
}

function processingSettings(p: BenchResults['parameters']): string {
  const chosen = [
    ...(p.workerThreads === null || p.workerThreads === undefined ? [] : [`FAULTLINE_WORKER_THREADS=${p.workerThreads}`]),
    ...(Array.isArray(p.serverEnv) ? p.serverEnv : []),
  ];
  return chosen.length === 0 ? 'the server defaults' : chosen.join(', ');
}
