/**
 * Size limits applied while normalizing. Modelled on Relay's (max_chars per field, bag sizes,
 * 100 breadcrumbs, ~250 frames — docs/wire-format.md › Event payloads), a little more generous for bags
 * because a self-hosted server has no quota to protect. One place, so they are easy to tune.
 */
export const STRING_LIMITS = {
  /** `logentry`, exception values: Relay's `MaxChars::Message`. */
  message: 8192,
  /** Exception types, tag-like names, modules, functions, paths. */
  symbol: 256,
  /** `transaction`, `culprit`: Relay's `MaxChars::Culprit`. */
  culprit: 200,
  logger: 64,
  environment: 64,
  dist: 64,
  release: 200,
  tagKey: 200,
  tagValue: 200,
  url: 8192,
  contextLine: 1024,
  short: 128,
} as const;

export const COUNT_LIMITS = {
  breadcrumbs: 100,
  /** Frames per stack trace; longer ones lose their middle (`frames_omitted`). */
  frames: 250,
  contextLines: 10,
  exceptions: 50,
  threads: 100,
  spans: 1000,
  tags: 200,
  fingerprint: 50,
  modules: 2000,
  measurements: 100,
  headers: 200,
} as const;

/** Depth, longest string and total size (approximate JSON characters) of a free-form bag. */
export interface BagLimits {
  readonly maxDepth: number;
  readonly maxString: number;
  readonly maxSize: number;
}

const KIB = 1024;

export const BAG_LIMITS = {
  extra: { maxDepth: 7, maxString: 8192, maxSize: 64 * KIB },
  context: { maxDepth: 7, maxString: 8192, maxSize: 16 * KIB },
  requestData: { maxDepth: 7, maxString: 8192, maxSize: 64 * KIB },
  requestEnv: { maxDepth: 3, maxString: 2048, maxSize: 16 * KIB },
  /** Sentry's legacy `MAX_VARIABLE_SIZE` is 512. */
  frameVars: { maxDepth: 5, maxString: 512, maxSize: 8 * KIB },
  breadcrumbData: { maxDepth: 5, maxString: 2048, maxSize: 8 * KIB },
  small: { maxDepth: 5, maxString: 512, maxSize: 4 * KIB },
  spanData: { maxDepth: 5, maxString: 8192, maxSize: 16 * KIB },
  params: { maxDepth: 3, maxString: 512, maxSize: 4 * KIB },
  /** debug_meta, _meta, csp, sdk settings: structural data, keep nearly all of it. */
  structural: { maxDepth: 10, maxString: 8192, maxSize: 256 * KIB },
} as const satisfies Record<string, BagLimits>;
