/**
 * Span status names (Sentry developer docs, "Traces" › "Span Status"). v2 spans say only `ok`
 * or `error`; the name then comes from `sentry.status.message` or the HTTP status code, the
 * way the SDKs map codes to statuses.
 */
export const SPAN_STATUSES = new Set([
  'ok',
  'cancelled',
  'unknown',
  'unknown_error',
  'invalid_argument',
  'deadline_exceeded',
  'not_found',
  'already_exists',
  'permission_denied',
  'resource_exhausted',
  'failed_precondition',
  'aborted',
  'out_of_range',
  'unimplemented',
  'internal_error',
  'unavailable',
  'data_loss',
  'unauthenticated',
]);

/** `failure_rate()` counts every status but these (Sentry API reference, Discover functions). */
const NOT_FAILURES = new Set(['ok', 'cancelled', 'unknown']);

export function isFailureStatus(status: string): boolean {
  return !NOT_FAILURES.has(status);
}

const HTTP_STATUS: ReadonlyMap<number, string> = new Map([
  [400, 'invalid_argument'],
  [401, 'unauthenticated'],
  [403, 'permission_denied'],
  [404, 'not_found'],
  [409, 'already_exists'],
  [413, 'failed_precondition'],
  [429, 'resource_exhausted'],
  [499, 'cancelled'],
  [500, 'internal_error'],
  [501, 'unimplemented'],
  [503, 'unavailable'],
  [504, 'deadline_exceeded'],
]);

export function statusOfHttpCode(code: number): string | null {
  if (code < 400) return code >= 100 ? 'ok' : null;
  const known = HTTP_STATUS.get(code);
  if (known !== undefined) return known;
  if (code < 500) return 'invalid_argument';
  if (code < 600) return 'internal_error';
  return null;
}

/**
 * The status name of a span: a known name as sent; for v2 `error`, the status message when it
 * is a name, else the HTTP code's status, else `unknown_error`. Anything else is `unknown`.
 */
export function spanStatusName(sent: unknown, statusMessage: unknown, httpStatusCode: number | null): string {
  if (typeof sent === 'string' && SPAN_STATUSES.has(sent)) {
    if (sent !== 'ok' || httpStatusCode === null) return sent;
  }
  if (sent === 'error') {
    if (typeof statusMessage === 'string' && SPAN_STATUSES.has(statusMessage) && statusMessage !== 'ok') return statusMessage;
    const fromCode = httpStatusCode === null ? null : statusOfHttpCode(httpStatusCode);
    return fromCode !== null && fromCode !== 'ok' ? fromCode : 'unknown_error';
  }
  if (sent === 'ok' || sent === undefined || sent === null) {
    // SDKs send `ok` for a 5xx server span only when their instrumentation missed the code.
    const fromCode = httpStatusCode === null ? null : statusOfHttpCode(httpStatusCode);
    return fromCode ?? (sent === 'ok' ? 'ok' : 'unknown');
  }
  return 'unknown';
}
