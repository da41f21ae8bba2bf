/**
 * process/filter — pipeline stage 2: Sentry's inbound filters, per project and each
 * toggleable (browser extensions, localhost, legacy browsers, web crawlers, error-message
 * and release globs, health-check transactions), following Relay's relay-filter rules.
 * Pure: reads a NormalizedEvent, returns a verdict. Must not mutate the event, store it or
 * count outcomes — the pipeline turns `filtered` into a `filtered` outcome with this reason.
 */
export {
  applyInboundFilters,
  INBOUND_FILTER_REASONS,
  type InboundFilterReason,
  type InboundFilterResult,
} from './apply-inbound-filters.js';
export {
  DEFAULT_INBOUND_FILTER_SETTINGS,
  type InboundFilterSettings,
  type InboundFilterSettingsResult,
  MAX_FILTER_PATTERN_LENGTH,
  MAX_FILTER_PATTERNS,
  parseInboundFilterSettings,
} from './inbound-filter-settings.js';
export { SUPPORTED_FROM as LEGACY_BROWSER_MINIMUM_VERSIONS } from './legacy-browsers.js';
export { HEALTH_CHECK_GLOBS } from './pattern-filters.js';
export { applySegmentFilters, type SegmentFacts } from './segment-filters.js';
