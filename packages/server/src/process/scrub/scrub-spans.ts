import type { SpanBatch } from '../../performance/index.js';
import { keyRulesFor } from './key-rules.js';
import type { ScrubSettings } from './scrub-settings.js';
import { type Scrubber, scrubObject, scrubText } from './scrub-value.js';

/**
 * Streamed spans get the same scrubbing as events (docs/performance-monitoring.md › Privacy): span names and
 * descriptions by text patterns, span data and attributes by key, the segment's user IP when
 * the project drops IPs. In place; returns how many values were replaced.
 */
export function scrubSpanBatches(batches: readonly SpanBatch[], settings: ScrubSettings): number {
  if (!settings.enabled && !settings.scrubIpAddresses) return 0;
  const s: Scrubber = { rules: keyRulesFor(settings), patterns: settings.enabled, count: 0 };
  for (const batch of batches) {
    for (const span of batch.spans) {
      span.description = scrubText(span.description, s) ?? '';
      scrubObject(span.data, s);
    }
    if (batch.segmentName !== null) batch.segmentName = scrubText(batch.segmentName, s) ?? '';
    if (batch.segment !== null) batch.segment.name = scrubText(batch.segment.name, s) ?? '';
    const user = batch.segment?.user;
    if (batch.segment && user && settings.scrubIpAddresses && user.ip !== null) {
      batch.segment.user = { ...user, ip: null };
      s.count++;
    }
  }
  return s.count;
}
