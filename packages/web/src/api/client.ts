import { type PageLinks, parseLinkHeader } from './link-header.js';

/** Line-level problems a settings endpoint reports: `{"errors": {"fingerprintRules": [{line, column, message}]}}`. */
export interface FieldError {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** An answer other than 2xx. `detail` is the server's `{"detail": …}` text, shown to the person as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: Readonly<Record<string, readonly FieldError[]>> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly links: PageLinks;
  readonly headers: Headers;
}

export type Query = Record<string, string | number | readonly string[] | null | undefined>;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: Query;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  /** The CSRF token of the signed-in session; cookie-authenticated writes must carry it. */
  setCsrfToken(token: string | null): void;
  /** Called on any 401, so the session can send the person to sign in again. */
  onUnauthorized(listener: () => void): () => void;
}

/**
 * `/api/0/` + path; paths are written as in Sentry's docs (`organizations/{org}/`). An empty
 * string is sent (`query=` means "no filter", unlike no `query` at all); null and undefined are left out.
 */
export function apiUrl(path: string, query?: Query): string {
  const base = path.startsWith('/') ? path : `/api/0/${path}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number') params.append(k, String(v));
    else for (const item of v) params.append(k, item);
  }
  const qs = params.toString();
  return qs ? `${base}${base.includes('?') ? '&' : '?'}${qs}` : base;
}

/** `[field path, message]` of a DRF-style error body: lists of strings, nested per object key. */
function validationMessages(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return path ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v) => validationMessages(v, path));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => validationMessages(v, path ? `${path}.${k}` : k));
}

async function errorFrom(res: Response): Promise<ApiError> {
  let detail = `${res.status} ${res.statusText || 'error'}`;
  const fieldErrors: Record<string, FieldError[]> = {};
  try {
    const body = (await res.json()) as { detail?: unknown; errors?: unknown };
    if (typeof body.detail === 'string') detail = body.detail;
    if (body.errors && typeof body.errors === 'object') {
      // Per field: a list of `{line, column, message}` or plain messages.
      for (const [field, list] of Object.entries(body.errors as Record<string, unknown>)) {
        fieldErrors[field] = (Array.isArray(list) ? list : [list]).map((e) =>
          e !== null && typeof e === 'object' && typeof (e as FieldError).message === 'string' ? (e as FieldError) : { message: String(e) },
        );
      }
    }
    if (typeof body.detail !== 'string' && body.errors === undefined) {
      // Sentry's validation errors (Django REST framework): `{"config": {"schedule": ["…"]}}`.
      const messages = validationMessages(body, '');
      for (const [field, message] of messages) {
        const list = fieldErrors[field] ?? [];
        list.push({ message });
        fieldErrors[field] = list;
      }
      if (messages.length > 0) detail = messages.map(([field, message]) => `${field}: ${message}`).join('; ');
    }
  } catch {
    // a proxy's HTML error page: keep the status line
  }
  return new ApiError(res.status, detail, fieldErrors);
}

export function createApiClient(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ApiClient {
  let csrfToken: string | null = null;
  const unauthorized = new Set<() => void>();
  const client: ApiClient = {
    async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const method = options.method ?? 'GET';
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrfToken) headers['x-csrftoken'] = csrfToken;
      let res: Response;
      try {
        res = await fetchImpl(apiUrl(path, options.query), {
          method,
          headers,
          credentials: 'same-origin',
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw err;
        throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
      }
      if (!res.ok) {
        if (res.status === 401) for (const l of unauthorized) l();
        throw await errorFrom(res);
      }
      const text = res.status === 204 ? '' : await res.text();
      return { data: (text ? JSON.parse(text) : null) as T, status: res.status, links: parseLinkHeader(res.headers.get('link')), headers: res.headers };
    },
    async get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
      return (await client.request<T>(path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) })).data;
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    onUnauthorized(listener) {
      unauthorized.add(listener);
      return () => unauthorized.delete(listener);
    },
  };
  return client;
}
