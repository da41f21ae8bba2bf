import type { parseRetentionDays } from '../jobs/index.js';
import type { compileGroupingRules, parseInboundFilterSettings, parseScrubSettings, readGroupingText } from '../process/index.js';

/**
 * How the processing pipeline and the retention job read a project's settings, which the
 * settings routes apply too so they save only what those readers accept. Handed in by
 * api/index.ts: process/ writes this domain's tables and reads its settings, so the domain
 * does not import the pipeline's code (only these types).
 */
export interface SettingsRules {
  readonly parseInboundFilterSettings: typeof parseInboundFilterSettings;
  readonly parseScrubSettings: typeof parseScrubSettings;
  readonly compileGroupingRules: typeof compileGroupingRules;
  readonly readGroupingText: typeof readGroupingText;
  /** the retention job's reading of `retentionDays` */
  readonly parseRetentionDays: typeof parseRetentionDays;
}
