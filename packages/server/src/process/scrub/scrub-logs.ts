import type { LogLine } from '../../logs/index.js';
import { keyRulesFor } from './key-rules.js';
import type { ScrubSettings } from './scrub-settings.js';
import { FILTERED } from './scrub-string.js';
import { type Scrubber, scrubText } from './scrub-value.js';

/**
 * Log lines get the same scrubbing as events before they are stored (docs/logs.md › Scrubbing):
 * the message and every string attribute by text patterns (card numbers, credentials,
 * `password=…`), and an attribute whose name is sensitive (or an IP field when the project
 * drops IPs) loses its value whatever its type. Message parameters are scrubbed like the
 * message they were formatted into. In place; returns how many values were replaced.
 */
export function scrubLogLines(lines: readonly LogLine[], settings: ScrubSettings): number {
  if (!settings.enabled && !settings.scrubIpAddresses) return 0;
  const s: Scrubber = { rules: keyRulesFor(settings), patterns: settings.enabled, count: 0 };
  for (const line of lines) {
    line.body = scrubText(line.body, s) ?? '';
    const attributes = line.attributes;
    for (const name of Object.keys(attributes)) {
      const a = attributes[name];
      if (a === undefined || s.rules.isSafe(name)) continue;
      if (s.rules.isSensitive(name)) {
        if (a.type === 'boolean' || a.value === '' || a.value === FILTERED) continue;
        attributes[name] = { type: 'string', value: FILTERED };
        s.count++;
      } else if (a.type === 'string') {
        const value = scrubText(a.value, s) ?? '';
        if (value !== a.value) attributes[name] = { type: 'string', value };
      }
    }
  }
  return s.count;
}
