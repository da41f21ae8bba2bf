// Message parameterization (Sentry developer docs, Grouping): variable parts of a message or
// exception value become placeholders so that "Order 17 failed" and "Order 18 failed" group
// together. One combined regex, alternatives in priority order: at each
// position the first alternative that matches wins, which is what "left to right" means.

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TLD = '(?:com|net|org|edu|gov|io|co|uk|de|fr|nl|ch|at|se|no|es|it|pl|eu|us|ca|au|jp|cn|ru|br|info|biz|local|internal)';
const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const H = '[0-9a-fA-F]{1,4}';
const IPV6 = [
  `(?:${H}:){7}${H}`,
  `(?:${H}:){1,7}:`,
  `(?:${H}:){1,6}:${H}`,
  `(?:${H}:){1,5}(?::${H}){1,2}`,
  `(?:${H}:){1,4}(?::${H}){1,3}`,
  `(?:${H}:){1,3}(?::${H}){1,4}`,
  `(?:${H}:){1,2}(?::${H}){1,5}`,
  `${H}:(?::${H}){1,6}`,
  `:(?::${H}){1,7}`,
  '::',
].join('|');
const DURATION_UNIT = '(?:milliseconds?|millis|ms|ns|us|µs|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)';

// Numbers are delimited by anything but letters and digits, so `order_17` and `abc-17`
// parameterize too (Sentry's \b would leave ids glued to an underscore alone).
const PATTERNS: readonly (readonly [string, string])[] = [
  // Each alternative is anchored by a look-behind or \b so that long runs cost linear time.
  ['email', "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"],
  ['url', '\\b(?:wss?|https?|ftp)://[^\\s/$.?#][^\\s]*'],
  ['hostname', `(?<![\\w.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+${TLD}\\b`],
  ['ip', `(?<![\\w:])(?=[:\\w]*\\d)(?:${IPV6})(?![\\w:])|(?<![\\w.])(?:${IPV4_PART}\\.){3}${IPV4_PART}(?!\\.?\\d)`],
  ['traceparent', '\\b[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}\\b'],
  ['uuid', '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b'],
  ['sha1', '\\b[0-9a-fA-F]{40}\\b'],
  ['md5', '\\b[0-9a-fA-F]{32}\\b'],
  [
    'date',
    [
      // RFC 3339 / ISO 8601, date only or with a time
      '(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)',
      // RFC 822 / 1123 (HTTP dates)
      `(?:${DAY},?\\s+)?\\d{1,2}\\s+${MONTH}\\s+\\d{2,4}\\s+\\d{2}:\\d{2}(?::\\d{2})?(?:\\s*(?:GMT|UTC|UT|Z|[+-]\\d{4}))?`,
      // JavaScript Date.prototype.toString() / toDateString()
      `${DAY}\\s+${MONTH}\\s+\\d{1,2}\\s+\\d{4}(?:\\s+\\d{2}:\\d{2}:\\d{2}(?:\\s+GMT[+-]\\d{4})?(?:\\s+\\([^)]*\\))?)?`,
      '(?<!\\d)\\d{4}/\\d{2}/\\d{2}(?!\\d)',
      // HH:MM[:SS[.fff]]
      '(?<![\\d:])\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?![\\d:])',
    ].join('|'),
  ],
  ['duration', `(?<![\\w.])\\d+(?:\\.\\d+)?\\s?${DURATION_UNIT}\\b`],
  // 8+ hex digits need a digit *and* a letter here: an id growing from 7 to 8 decimal digits
  // must stay `<int>` (requiring only a digit, it became `<hex>` and split).
  ['hex', '\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b'],
  ['git_sha', '\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7}\\b'],
  ['float', '(?<![A-Za-z0-9.])-?\\d+\\.\\d+(?![A-Za-z0-9]|\\.\\d)'],
  ['int', '(?<![A-Za-z0-9.])-?\\d+(?![A-Za-z0-9]|\\.\\d)'],
  ['quoted_str', `(?<==)"[^"]*"|(?<==)'[^']*'`],
  ['bool', '(?<==)(?:[Tt]rue|[Ff]alse)\\b'],
];

const NAMES = PATTERNS.map(([name]) => name);
const COMBINED = new RegExp(PATTERNS.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'g');

/** Grouping looks at this many characters of a parameterized message or value (Sentry developer docs, Grouping). */
export const PARAMETERIZED_MAX_LENGTH = 256;

function placeholder(groups: Readonly<Record<string, string | undefined>>): string {
  for (const name of NAMES) if (groups[name] !== undefined) return `<${name}>`;
  return '<param>';
}

// Bounds the regex work for huge messages; far more than grouping ever looks at.
const INPUT_MAX_LENGTH = 4096;

export function parameterize(text: string): string {
  const input = text.length > INPUT_MAX_LENGTH ? text.slice(0, INPUT_MAX_LENGTH) : text;
  const out = input.replace(COMBINED, (...args: unknown[]) => placeholder(args[args.length - 1] as Record<string, string | undefined>));
  return out.length > PARAMETERIZED_MAX_LENGTH ? out.slice(0, PARAMETERIZED_MAX_LENGTH) : out;
}
