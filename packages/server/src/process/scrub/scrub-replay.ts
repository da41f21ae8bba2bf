import type { JsonValue } from '@faultline/protocol';
import { keyRulesFor } from './key-rules.js';
import type { ScrubSettings } from './scrub-settings.js';
import { type Scrubber, scrubPairs, scrubText, scrubValue } from './scrub-value.js';

/**
 * The project's scrubbing rules as session replay applies them (docs/replays.md › Privacy):
 * the same text patterns (card numbers, credentials, sensitive `key=value` pairs in URLs and
 * text), the same sensitive header and key names, the same IP rule as for events. One
 * instance per item; `count` says how many values it replaced.
 */
export interface ReplayScrubber {
  /** text patterns (no-op when the project turned the data scrubber off) */
  text(value: string): string;
  /** free-form values: sensitive keys lose their value, strings get the text patterns; in place */
  value(value: JsonValue): JsonValue;
  /** header or tag pairs, in place */
  pairs(pairs: [string, string][]): void;
  /** whether user IPs are dropped */
  readonly dropIp: boolean;
  readonly count: number;
}

export function createReplayScrubber(settings: ScrubSettings): ReplayScrubber {
  const active = settings.enabled || settings.scrubIpAddresses;
  const s: Scrubber = { rules: keyRulesFor(settings), patterns: settings.enabled, count: 0 };
  return {
    text: (value) => (active ? (scrubText(value, s) ?? value) : value),
    value: (value) => (active ? scrubValue(value, s) : value),
    pairs: (pairs) => {
      if (active) scrubPairs(pairs, s);
    },
    dropIp: settings.scrubIpAddresses,
    get count() {
      return s.count;
    },
  };
}
