import { useCallback, useRef, useState } from 'react';
import { ApiError } from './client.js';

export interface Action<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  readonly pending: boolean;
  readonly error: ApiError | undefined;
  clearError(): void;
}

/** Wraps a write: tracks pending, keeps the server's error for display, never rejects. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(undefined);
    try {
      return await fnRef.current(...args);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, err instanceof Error ? err.message : String(err)));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
