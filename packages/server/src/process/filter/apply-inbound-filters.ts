import type { NormalizedEvent } from '../normalize/index.js';
import { isBrowserExtensionError } from './browser-extensions.js';
import type { InboundFilterSettings } from './inbound-filter-settings.js';
import { isLegacyBrowser } from './legacy-browsers.js';
import { isLocalhostEvent } from './localhost.js';
import { isHealthCheckTransaction, matchesErrorMessages, matchesReleases } from './pattern-filters.js';
import { isWebCrawler } from './web-crawlers.js';

/**
 * Outcome reasons, spelled as Relay's FilterStatKey so stats read like Sentry's. The
 * health-check filter is Relay's transaction-name filter, hence `filtered-transaction`.
 */
export const INBOUND_FILTER_REASONS = [
  'release-version',
  'error-message',
  'localhost',
  'browser-extensions',
  'legacy-browsers',
  'web-crawlers',
  'filtered-transaction',
] as const;

export type InboundFilterReason = (typeof INBOUND_FILTER_REASONS)[number];

export type InboundFilterResult = { readonly filtered: false } | { readonly filtered: true; readonly reason: InboundFilterReason };

const PASS: InboundFilterResult = Object.freeze({ filtered: false });

/** Relay's order (relay-filter should_filter); the first matching filter decides. */
export function applyInboundFilters(event: NormalizedEvent, settings: InboundFilterSettings): InboundFilterResult {
  if (matchesReleases(event, settings.releases)) return filtered('release-version');
  if (matchesErrorMessages(event, settings.errorMessages)) return filtered('error-message');
  if (settings.localhost && isLocalhostEvent(event)) return filtered('localhost');
  if (settings.browserExtensions && isBrowserExtensionError(event)) return filtered('browser-extensions');
  if (settings.legacyBrowsers && isLegacyBrowser(event)) return filtered('legacy-browsers');
  if (settings.webCrawlers && isWebCrawler(event)) return filtered('web-crawlers');
  if (settings.healthChecks && isHealthCheckTransaction(event)) return filtered('filtered-transaction');
  return PASS;
}

function filtered(reason: InboundFilterReason): InboundFilterResult {
  return { filtered: true, reason };
}
