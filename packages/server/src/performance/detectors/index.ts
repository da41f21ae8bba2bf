/**
 * performance/detectors — Sentry's performance issue detectors (N+1 DB queries, slow DB query,
 * consecutive HTTP) as pure functions over one segment's spans; user guide
 * docs/performance-monitoring.md, "Performance issues". Owns the thresholds and the shape of a
 * problem (group type, fingerprint, evidence). Must not read a clock, touch the store or
 * create issues: the pipeline turns problems into issues of category `performance`.
 */

export { detectConsecutiveHttp } from './consecutive-http.js';
export { detectPerformanceProblems } from './detect-performance-problems.js';
export { detectNPlusOneDbQueries } from './n-plus-one-db-queries.js';
export {
  type EvidenceEntry,
  PERFORMANCE_GROUP_TYPES,
  type PerformanceEvidenceData,
  type PerformanceGroupType,
  type PerformanceProblem,
} from './performance-problem.js';
export { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings, type DetectorSettingsInput, resolveDetectorSettings } from './settings.js';
export { detectSlowDbQueries } from './slow-db-query.js';
