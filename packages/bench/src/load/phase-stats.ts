import type { EnvelopeKind } from '../corpus/index.js';
import type { SendOutcome } from './http-sender.js';
import { createLatencyRecorder } from './latency.js';
import type { KindCounts, LatencySummary } from './messages.js';

const MAX_FAILURE_SAMPLES = 5;

/** Counts one phase's answers; the window excludes warm-up so only steady state is measured. */
export class PhaseStats {
  sent = 0;
  accepted = 0;
  acceptedInWindow = 0;
  bytesSent = 0;
  skipped = 0;
  readonly acceptedByKind: KindCounts = { error: 0, transaction: 0, session: 0 };
  readonly responses: Record<string, number> = {};
  readonly errors: Record<string, number> = {};
  readonly failureSamples: string[] = [];
  private readonly latency = createLatencyRecorder();
  private readonly sampledStatuses = new Set<string>();

  constructor(
    public windowStart: number,
    public windowEnd: number,
  ) {}

  /** `startedAt` is the scheduled time in open loop, the actual send time in closed loop. */
  settle(kind: EnvelopeKind, startedAt: number, endedAt: number, outcome: SendOutcome): void {
    if (outcome.status !== null) this.responses[outcome.status] = (this.responses[outcome.status] ?? 0) + 1;
    if (outcome.ok) {
      this.accepted++;
      this.acceptedByKind[kind]++;
      if (endedAt >= this.windowStart && endedAt <= this.windowEnd) this.acceptedInWindow++;
      if (startedAt >= this.windowStart) this.latency.record(endedAt - startedAt);
      return;
    }
    const key = outcome.status === null ? outcome.code : String(outcome.status);
    if (outcome.status === null) this.errors[key] = (this.errors[key] ?? 0) + 1;
    // One sample per distinct status/code: the first 404 explains all the others.
    if (!this.sampledStatuses.has(key) && this.failureSamples.length < MAX_FAILURE_SAMPLES) {
      this.sampledStatuses.add(key);
      this.failureSamples.push(outcome.status === null ? `${outcome.code}: ${outcome.detail}` : outcome.detail);
    }
  }

  latencySummary(): LatencySummary | null {
    return this.latency.summary();
  }
}
