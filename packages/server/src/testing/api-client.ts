import assert from 'node:assert/strict';

/**
 * Real HTTP calls against a test server's /api/0/, as a tool (Bearer token)
 * or as the web UI (session cookie plus `X-CSRFToken`) would make them.
 */
export interface SignedIn {
  /** `faultline_session=…`, ready for a Cookie header */
  cookie: string;
  csrf: string;
  /** the raw Set-Cookie header of the login response */
  setCookie: string;
}

export type Caller = { token: string } | { session: SignedIn; csrf?: string | null } | null;

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

/** JSON bodies are parsed; `T` is what the test expects, and the assertions that follow check it. */
export async function apiFetch<T = unknown>(baseUrl: string, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...request.headers };
  const as = request.as ?? null;
  if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
  if (as && 'session' in as) {
    headers.cookie = as.session.cookie;
    // The session's own CSRF token unless the test overrides it (null = send none).
    const csrf = as.csrf === undefined ? as.session.csrf : as.csrf;
    if (csrf !== null) headers['x-csrftoken'] = csrf;
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  // Concatenated, not resolved: `new URL('//x', base)` would make `x` the host.
  const url = /^https?:\/\//.test(path) ? path : `${baseUrl.replace(/\/+$/, '')}${path}`;
  const res = await fetch(url, {
    method: request.method ?? 'GET',
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const text = await res.text();
  const isJson = /application\/json/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, headers: res.headers, body: (isJson && text ? JSON.parse(text) : text) as T };
}

/** Signs in through the login endpoint and returns what the browser would keep. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<SignedIn> {
  const res = await fetch(new URL('/api/0/auth/login/', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken?: string; detail?: string };
  assert.equal(res.status, 200, `sign-in as ${email} failed: ${body.detail}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  assert.match(cookie, /^faultline_session=.+/);
  assert.equal(typeof body.csrfToken, 'string');
  return { cookie, csrf: body.csrfToken as string, setCookie };
}

/** Asserts a JSON error `{"detail": "…"}` with the given status, the shape Sentry clients print. */
export function assertDetail(res: ApiResponse<unknown>, status: number, detail?: RegExp, context = ''): void {
  assert.equal(res.status, status, `${context} expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/, context);
  const body = res.body as { detail?: unknown };
  assert.equal(typeof body.detail, 'string', `${context} body has no detail: ${JSON.stringify(res.body)}`);
  if (detail) assert.match(body.detail as string, detail, context);
}
