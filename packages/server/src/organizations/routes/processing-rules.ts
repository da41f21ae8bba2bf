import type { parseRetentionDays } from '../../jobs/index.js';
import type { compileGroupingRules, eventTags, parseInboundFilterSettings, parseScrubSettings, readGroupingText, userKeyOf } from '../../process/index.js';

/**
 * The processing pipeline's own rules that the API applies too: how an event's tags are
 * derived (so an event page matches its issue's tag counts) and how project settings are
 * validated (so the API saves only what the pipeline and the retention job read). Handed in
 * by app.ts: process/ and jobs/ reach api/ through outcomes/, so importing them here would
 * close an import cycle.
 */
export interface ProcessingRules {
  readonly eventTags: typeof eventTags;
  readonly userKeyOf: typeof userKeyOf;
  readonly parseInboundFilterSettings: typeof parseInboundFilterSettings;
  readonly parseScrubSettings: typeof parseScrubSettings;
  readonly compileGroupingRules: typeof compileGroupingRules;
  readonly readGroupingText: typeof readGroupingText;
  /** the retention job's reading of `retentionDays` */
  readonly parseRetentionDays: typeof parseRetentionDays;
}
