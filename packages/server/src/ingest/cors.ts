/**
 * CORS for browser SDKs (docs/ingest.md › Endpoints), on every ingest response including errors:
 * without `Access-Control-Expose-Headers` the browser hides `X-Sentry-Rate-Limits` and
 * `Retry-After` from the SDK. SDKs never send cookies, so no credentials header.
 */
export const allowedMethods = 'GET, POST, OPTIONS';
export const defaultAllowedHeaders = 'content-type, x-sentry-auth, authentication, authorization, sentry-trace, baggage';
export const exposedHeaders = 'x-sentry-error, x-sentry-rate-limits, retry-after';

type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function corsHeaders(origin: HeaderValue): Record<string, string> {
  const o = first(origin);
  return {
    'access-control-allow-origin': o && o !== 'null' ? o : '*',
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers': defaultAllowedHeaders,
    'access-control-expose-headers': exposedHeaders,
    'access-control-max-age': '3600',
    vary: 'Origin',
  };
}

/** A preflight echoes the headers the page asked for (captured: `x-custom-header`). */
export function preflightHeaders(origin: HeaderValue, requestedHeaders: HeaderValue): Record<string, string> {
  const requested = first(requestedHeaders)?.trim();
  return { ...corsHeaders(origin), ...(requested ? { 'access-control-allow-headers': requested } : {}) };
}
