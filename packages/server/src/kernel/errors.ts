/**
 * The coded error catalogue. Every HTTP and config error has a stable code, a
 * status and a message; HTTP bodies are `{"detail": "..."}` because that is the
 * shape Sentry clients (sentry-cli, SDKs) print.
 */
export const errorCatalogue = {
  bad_request: { status: 400, message: 'Bad request' },
  invalid_json: { status: 400, message: 'Request body is not valid JSON' },
  validation_failed: { status: 400, message: 'Invalid request' },
  not_authenticated: { status: 401, message: 'Authentication credentials were not provided.' },
  invalid_token: { status: 401, message: 'Invalid token' },
  invalid_credentials: { status: 401, message: 'Invalid e-mail or password' },
  permission_denied: { status: 403, message: 'You do not have permission to perform this action.' },
  missing_scope: { status: 403, message: 'The token lacks a required scope' },
  csrf_failed: { status: 403, message: 'CSRF verification failed' },
  not_found: { status: 404, message: 'The requested resource does not exist' },
  method_not_allowed: { status: 405, message: 'Method not allowed' },
  conflict: { status: 409, message: 'Already exists' },
  payload_too_large: { status: 413, message: 'Payload too large' },
  unsupported_media_type: { status: 415, message: 'Unsupported media type' },
  too_many_requests: { status: 429, message: 'Too many requests' },
  internal: { status: 500, message: 'Internal server error' },
  not_ready: { status: 503, message: 'Not ready' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class FaultlineError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, headers: Record<string, string> = {}) {
    super(detail ?? errorCatalogue[code].message);
    this.name = 'FaultlineError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.headers = headers;
  }
}

export function fail(code: ErrorCode, detail?: string, headers?: Record<string, string>): never {
  throw new FaultlineError(code, detail, headers);
}

export function isFaultlineError(err: unknown): err is FaultlineError {
  return err instanceof FaultlineError;
}
