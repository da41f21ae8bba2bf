/**
 * One stored log line (docs/logs.md › What is stored): the SDK's fields, typed attributes,
 * and what the server adds — a 32-hex `sentry.item_id`, the receive time and the line's size.
 */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** OpenTelemetry's severity numbers: each level's range starts here (https://develop.sentry.dev/sdk/telemetry/logs/). */
export const SEVERITY_NUMBERS: Readonly<Record<LogLevel, number>> = { trace: 1, debug: 5, info: 9, warn: 13, error: 17, fatal: 21 };

export type LogAttribute =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'double'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean };

export interface LogLine {
  /** server-generated, 32 hex digits */
  readonly itemId: string;
  /** the SDK's timestamp, epoch seconds with a fraction */
  readonly timestamp: number;
  /** when the server received it, epoch ms */
  readonly observedAt: number;
  readonly traceId: string | null;
  readonly spanId: string | null;
  readonly level: LogLevel;
  readonly severityNumber: number;
  /** mutable only for scrubbing, before storage */
  body: string;
  /** by name; scrubbing replaces values before storage */
  readonly attributes: Record<string, LogAttribute>;
  /** bytes of the line as the SDK sent it */
  readonly payloadSize: number;
}

export function levelIndex(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

/** The level of an OpenTelemetry severity number (1–4 trace, 5–8 debug, … 21–24 fatal). */
export function levelOfSeverity(n: number): LogLevel {
  const i = Math.min(5, Math.max(0, Math.floor((n - 1) / 4)));
  return LOG_LEVELS[i] as LogLevel;
}

/** A string attribute's value, if the line has it as a string. */
export function stringAttribute(line: LogLine, name: string): string | null {
  const a = line.attributes[name];
  return a?.type === 'string' ? a.value : null;
}
