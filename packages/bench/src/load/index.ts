// load — the load generator: sends corpus envelopes to a target from a separate process,
// closed loop (saturation) or open loop (fixed offered rate), and measures answers and
// latencies. Must not know what the target is (baseline or Faultline): it sees a URL.
export { percentile } from './latency.js';
export type { KindCounts, LatencySummary, LoadJob, LoadPhase, LoadProgress, LoadResult, LoadTarget } from './messages.js';
export { type LoadObserver, runLoad } from './run-load.js';
