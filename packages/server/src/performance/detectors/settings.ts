/**
 * The thresholds of the performance detectors, in one place, with Sentry's defaults. Each value
 * is the one Sentry's product docs state for the issue type (Sentry product docs, "Issues ›
 * Performance Issues", the pages "N+1 Queries", "Slow DB Queries" and "Consecutive HTTP"), so
 * the same traces raise the same issues here as there. Durations are milliseconds.
 */
export interface DetectorSettings {
  readonly nPlusOneDbQueries: {
    readonly enabled: boolean;
    /** repeating spans needed after the source query ("usually five spans") */
    readonly minRepeatingSpans: number;
    /** the repeating spans together must take at least this long ("exceed 50ms") */
    readonly minTotalDurationMs: number;
  };
  readonly slowDbQuery: {
    readonly enabled: boolean;
    /** a single SELECT span at least this long ("at least 500ms") */
    readonly minDurationMs: number;
  };
  readonly consecutiveHttp: {
    readonly enabled: boolean;
    /** sequential HTTP client spans needed ("a minimum of 3") */
    readonly minSpans: number;
    /** each span counts only if it takes at least this long ("500ms") */
    readonly minSpanDurationMs: number;
    /** sum of the durations minus the longest: what running them in parallel would save ("2000ms") */
    readonly minTimeSavedMs: number;
    /** the idle time between two of them stays below this ("must not exceed … 500ms") */
    readonly maxGapMs: number;
    /**
     * the calls go to at most this many distinct hosts: a sequence fanning out over many
     * services is usually an orchestration step, not a missed parallel call. Not in Sentry's
     * docs; Sentry's detector behaves so, and matching it keeps the same traces quiet.
     */
    readonly maxHosts: number;
  };
}

/** Overrides per detector; whatever is left out keeps Sentry's default. */
export type DetectorSettingsInput = { readonly [K in keyof DetectorSettings]?: Partial<DetectorSettings[K]> };

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = Object.freeze({
  nPlusOneDbQueries: Object.freeze({ enabled: true, minRepeatingSpans: 5, minTotalDurationMs: 50 }),
  slowDbQuery: Object.freeze({ enabled: true, minDurationMs: 500 }),
  consecutiveHttp: Object.freeze({ enabled: true, minSpans: 3, minSpanDurationMs: 500, minTimeSavedMs: 2000, maxGapMs: 500, maxHosts: 2 }),
});

export function resolveDetectorSettings(input: DetectorSettingsInput = {}): DetectorSettings {
  const d = DEFAULT_DETECTOR_SETTINGS;
  return {
    nPlusOneDbQueries: { ...d.nPlusOneDbQueries, ...input.nPlusOneDbQueries },
    slowDbQuery: { ...d.slowDbQuery, ...input.slowDbQuery },
    consecutiveHttp: { ...d.consecutiveHttp, ...input.consecutiveHttp },
  };
}
