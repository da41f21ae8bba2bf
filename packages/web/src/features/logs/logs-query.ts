/**
 * What the logs page asks the server (docs/logs.md › Querying): the stream's fields, and the
 * Sentry search query built from the page's filters. Pure, so it is tested on its own.
 */
export const LOG_FIELDS = ['id', 'timestamp', 'timestamp_precise', 'severity', 'message', 'trace', 'project'] as const;

export const SEVERITIES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export interface LogFilters {
  /** minimum severity, '' for all */
  readonly severity: string;
  /** free text over the message, or Sentry search terms */
  readonly search: string;
  /** one trace's lines, '' for all */
  readonly trace: string;
}

/** The `query` parameter: the search as typed, then `severity:>=X` and `trace:…` terms. */
export function logsQueryOf(f: LogFilters): string {
  const terms: string[] = [];
  if (f.search.trim() !== '') terms.push(f.search.trim());
  if ((SEVERITIES as readonly string[]).includes(f.severity) && f.severity !== 'trace') terms.push(`severity:>=${f.severity}`);
  if (/^[0-9a-f]{32}$/.test(f.trace)) terms.push(`trace:${f.trace}`);
  return terms.join(' ');
}

/** `15:30:59.576` in the viewer's time zone, with milliseconds: lines of one second differ there. */
export function logTime(isoSeconds: string, precise: number | null): string {
  const ms = precise !== null && Number.isFinite(precise) ? precise / 1e6 : Date.parse(isoSeconds);
  if (!Number.isFinite(ms)) return isoSeconds;
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
