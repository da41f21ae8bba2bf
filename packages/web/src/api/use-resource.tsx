import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiClient, ApiError, type ApiResponse, apiUrl, type Query } from './client.js';
import type { PageLinks } from './link-header.js';

interface ApiContextValue {
  client: ApiClient;
  /** Last good answer per URL: going back to a page shows it at once while it refreshes. */
  cache: Map<string, ApiResponse<unknown>>;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const value = useMemo(() => ({ client, cache: new Map<string, ApiResponse<unknown>>() }), [client]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const ctx = useContext(ApiContext);
  if (!ctx) throw new Error('useApi outside <ApiProvider>');
  return ctx;
}

export function useApi(): ApiClient {
  return useApiContext().client;
}

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  /** True while a request is in flight, also when older data is still shown. */
  readonly loading: boolean;
  readonly links: PageLinks;
  readonly headers: Headers | undefined;
  reload(): void;
}

const NO_LINKS: PageLinks = { previous: null, next: null };

/**
 * Loads `path` (null: nothing yet) and reloads when the URL changes or every
 * `pollMs`. Keeps showing the previous data while a new request runs, so
 * pages do not flash back to a spinner.
 */
export function useResource<T>(path: string | null, query?: Query, options: { pollMs?: number } = {}): Resource<T> {
  const { client, cache } = useApiContext();
  const url = path === null ? null : apiUrl(path, query);
  const cached = url ? (cache.get(url) as ApiResponse<T> | undefined) : undefined;
  const [state, setState] = useState<{ url: string | null; response?: ApiResponse<T>; error?: ApiError; loading: boolean }>({
    url,
    ...(cached ? { response: cached } : {}),
    loading: url !== null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const latest = useRef(state);
  latest.current = state;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is how reload() asks for the same URL again
  useEffect(() => {
    if (url === null) {
      setState({ url, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => {
      const keep = s.url === url ? s.response : (cache.get(url) as ApiResponse<T> | undefined);
      return { url, ...(keep ? { response: keep } : {}), loading: true };
    });
    client
      .request<T>(url, { signal: controller.signal })
      .then((response) => {
        cache.set(url, response);
        setState({ url, response, loading: false });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, String(err));
        setState((s) => ({ url, ...(s.url === url && s.response ? { response: s.response } : {}), error, loading: false }));
      });
    return () => controller.abort();
  }, [client, cache, url, tick]);

  useEffect(() => {
    if (!options.pollMs || url === null) return;
    const timer = setInterval(() => {
      // Skip a poll while the previous request is still running or the tab is hidden.
      if (!latest.current.loading && document.visibilityState !== 'hidden') reload();
    }, options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, url, reload]);

  const current = state.url === url ? state : { url, ...(cached ? { response: cached } : {}), loading: url !== null };
  return {
    data: current.response?.data,
    error: 'error' in current ? current.error : undefined,
    loading: current.loading,
    links: current.response?.links ?? NO_LINKS,
    headers: current.response?.headers,
    reload,
  };
}
