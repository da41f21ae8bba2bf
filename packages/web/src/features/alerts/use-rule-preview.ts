import { useEffect, useState } from 'react';
import { ApiError, useApi } from '../../api/index.js';
import type { MetricPreviewJson, PreviewJson } from './alert-types.js';
import { useDebounced } from './use-debounced.js';

export interface Preview<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
}

export type RulePreview = Preview<PreviewJson>;
export type MetricRulePreview = Preview<MetricPreviewJson>;

/**
 * POSTs the rule being edited to a preview endpoint 600 ms after the form stops changing;
 * an answer to an older form is dropped (its request is aborted).
 */
function usePreview<T>(path: string, body: Record<string, unknown>): Preview<T> {
  const client = useApi();
  const key = useDebounced(JSON.stringify(body), 600);
  const [state, setState] = useState<Preview<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    client
      .request<T>(path, { method: 'POST', body: JSON.parse(key), signal: controller.signal })
      .then((res) => setState({ data: res.data, error: undefined, loading: false }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ data: s.data, error: err instanceof ApiError ? err : new ApiError(0, String(err)), loading: false }));
      });
    return () => controller.abort();
  }, [client, path, key]);
  return state;
}

/** Which recent issues the issue rule being edited would have notified about. */
export function useRulePreview(org: string, project: string, body: Record<string, unknown>): RulePreview {
  return usePreview<PreviewJson>(`projects/${org}/${project}/rules/preview/`, body);
}

/** The metric, and the rule's state, over the last day. */
export function useMetricRulePreview(org: string, body: Record<string, unknown>): MetricRulePreview {
  return usePreview<MetricPreviewJson>(`organizations/${org}/alert-rules/preview/`, body);
}
