import type { EnvelopeKind } from '../corpus/index.js';
import type { KindCounts, LoadProgress, LoadResult } from '../load/index.js';
import { type ProcessedProbe, readProcessMemory } from '../probes/index.js';
import type { TimelineSample } from '../report/index.js';

/**
 * Accepted counts across the phases of one target: exact totals of finished phases plus
 * the running phase's latest progress message.
 */
export class AcceptedTally {
  private readonly done: KindCounts = { error: 0, transaction: 0, session: 0 };
  private live: LoadProgress | null = null;

  readonly onProgress = (p: LoadProgress): void => {
    this.live = p;
  };

  finishPhase(result: LoadResult): void {
    for (const kind of Object.keys(this.done) as EnvelopeKind[]) this.done[kind] += result.acceptedByKind[kind];
    this.live = null;
  }

  of(kinds: readonly EnvelopeKind[]): number {
    let n = 0;
    for (const kind of kinds) n += this.done[kind] + (this.live?.acceptedByKind[kind] ?? 0);
    return n;
  }

  get accepted(): number {
    return this.of(['error', 'transaction', 'session']);
  }
}

/**
 * Samples accepted, processed (through the probe) and the server's RSS on a fixed period
 * until stopped. Samples are taken one after another, never overlapping, so a slow probe
 * stretches the period instead of piling up queries on the server.
 */
export class TimelineSampler {
  readonly samples: TimelineSample[] = [];
  phase = 'start';
  peakRssBytes: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly t0 = performance.now();

  constructor(
    private readonly pid: number,
    private readonly probe: ProcessedProbe,
    private readonly tally: AcceptedTally,
    private readonly everyMs: number,
  ) {}

  start(): void {
    const loop = async () => {
      await this.sample();
      if (!this.stopped) this.timer = setTimeout(loop, this.everyMs);
    };
    this.timer = setTimeout(loop, this.everyMs);
  }

  async sample(): Promise<TimelineSample> {
    const [memory, reading] = await Promise.all([readProcessMemory(this.pid), this.probe.read()]);
    if (memory) this.peakRssBytes = Math.max(this.peakRssBytes ?? 0, memory.peakRssBytes);
    const processed = reading.ok ? reading.count : null;
    const expected = this.tally.of(this.probe.counts);
    const s: TimelineSample = {
      tMs: Math.round(performance.now() - this.t0),
      phase: this.phase,
      accepted: this.tally.accepted,
      expected,
      processed,
      // The server may store an envelope before its 200 reaches the generator, and progress
      // arrives every 200 ms, so `processed` can briefly run ahead: that is no backlog.
      backlog: processed === null ? null : Math.max(0, expected - processed),
      rssBytes: memory?.rssBytes ?? null,
    };
    this.samples.push(s);
    return s;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
