import type { SpanBatch } from '../spans/index.js';
import { detectConsecutiveHttp } from './consecutive-http.js';
import { detectNPlusOneDbQueries } from './n-plus-one-db-queries.js';
import type { PerformanceProblem } from './performance-problem.js';
import { type DetectorSettingsInput, resolveDetectorSettings } from './settings.js';
import { detectSlowDbQueries } from './slow-db-query.js';

/**
 * Every performance problem in one segment's spans: N+1 DB queries, slow DB queries and
 * consecutive HTTP calls, in that order, each at most once per fingerprint. Pure: no clock, no
 * I/O, the batch is not changed; O(n log n) in the spans. The batch should hold the whole
 * segment: a loop split over two envelopes is two short runs, and evidence needs the parent.
 */
export function detectPerformanceProblems(batch: SpanBatch, settings?: DetectorSettingsInput): PerformanceProblem[] {
  const resolved = resolveDetectorSettings(settings);
  return [
    ...detectNPlusOneDbQueries(batch, resolved.nPlusOneDbQueries),
    ...detectSlowDbQueries(batch, resolved.slowDbQuery),
    ...detectConsecutiveHttp(batch, resolved.consecutiveHttp),
  ];
}
