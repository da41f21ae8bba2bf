import { useSearchParams } from 'react-router';
import { type PerformanceFilters, periodOf } from './performance-query.js';

/** The filters of the performance pages from the URL, and a way to change them (a new filter drops the page cursor). */
export function usePerformanceFilters(projectId: string): {
  filters: PerformanceFilters;
  params: URLSearchParams;
  update(patch: Record<string, string>): void;
} {
  const [params, setParams] = useSearchParams();
  const filters: PerformanceFilters = {
    projectId,
    period: periodOf(params.get('statsPeriod')),
    environment: params.get('environment') ?? '',
    release: params.get('release') ?? '',
  };
  function update(patch: Record<string, string>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('cursor' in patch)) next.delete('cursor');
      return next;
    });
  }
  return { filters, params, update };
}
