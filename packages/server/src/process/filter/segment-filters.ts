import type { InboundFilterResult } from './apply-inbound-filters.js';
import type { InboundFilterSettings } from './inbound-filter-settings.js';
import { isHealthCheckName, matchesReleaseVersion } from './pattern-filters.js';

/** What the inbound filters can see of streamed spans: the segment they belong to. */
export interface SegmentFacts {
  /** `sentry.release` of the segment (or of its spans, when the segment span came in another envelope) */
  readonly release: string | null;
  /** the segment's name, the transaction name of the views */
  readonly segmentName: string | null;
}

const PASS: InboundFilterResult = Object.freeze({ filtered: false });

/**
 * Relay applies a project's inbound filters to spans too, not only to events
 * (https://docs.sentry.io/concepts/data-management/filtering/): a streamed segment is a
 * transaction, so the release globs and the health-check filter judge it as they judge a v1
 * transaction. The other filters read an error or a browser's User-Agent and have nothing to
 * match in a server's span; a browser's segment keeps its spans, as a browser transaction
 * passing those filters would.
 */
export function applySegmentFilters(segment: SegmentFacts, settings: InboundFilterSettings): InboundFilterResult {
  if (segment.release !== null && matchesReleaseVersion(segment.release, settings.releases)) return { filtered: true, reason: 'release-version' };
  if (settings.healthChecks && segment.segmentName !== null && isHealthCheckName(segment.segmentName))
    return { filtered: true, reason: 'filtered-transaction' };
  return PASS;
}
