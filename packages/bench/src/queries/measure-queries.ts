import { percentile } from '../load/latency.js';
import type { QueryFigures } from '../report/index.js';
import type { ApiClient } from './api-client.js';
import type { QuerySpec } from './query-plan.js';

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * `warmup` unmeasured runs, then `requests` measured ones, one after another: the latency of
 * one user on an otherwise idle server, the figure issue #8's targets are about.
 */
export async function measureQuery(
  client: ApiClient,
  spec: QuerySpec,
  warmup: number,
  requests: number,
): Promise<{ figures: QueryFigures; failure: string | null }> {
  let failure: string | null = null;
  for (let i = 0; i < warmup; i++) {
    const r = await spec.run(client, i);
    failure ??= r.failure;
  }
  const samples = new Float64Array(requests);
  let errors = 0;
  let rows: number | null = null;
  for (let i = 0; i < requests; i++) {
    const r = await spec.run(client, warmup + i);
    samples[i] = r.ms;
    if (!r.ok) errors++;
    failure ??= r.failure;
    rows = r.rows;
  }
  // Latencies of failed answers would flatter or spoil the figure: none is reported then.
  const ok = errors === 0;
  const sorted = samples.sort();
  const p95 = ok ? round(percentile(sorted, 95)) : null;
  return {
    figures: {
      name: spec.name,
      path: spec.path,
      requests,
      errors,
      meanMs: ok ? round(sorted.reduce((a, b) => a + b, 0) / requests) : null,
      p50Ms: ok ? round(percentile(sorted, 50)) : null,
      p95Ms: p95,
      p99Ms: ok ? round(percentile(sorted, 99)) : null,
      maxMs: ok ? round(sorted[requests - 1] ?? 0) : null,
      rows,
      targetP95Ms: spec.targetP95Ms,
      met: spec.targetP95Ms === null || p95 === null ? null : p95 < spec.targetP95Ms,
    },
    failure,
  };
}
