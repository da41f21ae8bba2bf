import type { NormalizedEvent } from '../normalize/index.js';
import { browserOf } from './event-user-agent.js';

/**
 * The oldest version still considered supported, per browser (names as parseUserAgent gives
 * them). Modelled on Sentry's current default legacy-browser set: every Internet Explorer,
 * EdgeHTML (< 79), Chrome < 63, Firefox < 67, Safari < 12, Opera < 51, Opera Mini < 35 and the
 * pre-4 Android browser. Browsers not listed are never filtered.
 */
export const SUPPORTED_FROM: Readonly<Record<string, number>> = Object.freeze({
  IE: Number.POSITIVE_INFINITY,
  Edge: 79,
  Chrome: 63,
  'Chrome Mobile iOS': 63,
  Firefox: 67,
  Safari: 12,
  'Mobile Safari': 12,
  Opera: 51,
  'Opera Mini': 35,
  Android: 4,
});

export function isLegacyBrowser(event: NormalizedEvent): boolean {
  const browser = browserOf(event);
  if (browser === undefined) return false;
  const minimum = SUPPORTED_FROM[browser.name];
  if (minimum === undefined) return false;
  const major = Number.parseInt(browser.version, 10);
  return Number.isFinite(major) && major < minimum;
}
