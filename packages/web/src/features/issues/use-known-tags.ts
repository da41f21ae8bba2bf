import { useEffect, useMemo, useState } from 'react';
import { type Issue, type TagSummary, useApi } from '../../api/index.js';
import type { KnownTag } from './search/suggest-search.js';

const SAMPLE_ISSUES = 3;

function merge(lists: readonly TagSummary[][]): KnownTag[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const list of lists)
    for (const t of list) {
      const values = byKey.get(t.key) ?? new Map<string, number>();
      for (const v of t.topValues ?? []) values.set(v.value, (values.get(v.value) ?? 0) + v.count);
      byKey.set(t.key, values);
    }
  return [...byKey.entries()].map(([key, values]) => ({ key, topValues: [...values.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v) }));
}

/**
 * Tag keys and frequent values of the first issues on the page (`/issues/{id}/tags/`): the
 * keys and values people are looking at. The fallback of the project-wide tags
 * (use-project-tags.ts) while those load. Fetched again only when those issues change, not
 * on every poll.
 */
export function useKnownTags(issues: readonly Issue[] | undefined): KnownTag[] {
  const api = useApi();
  const [sampled, setSampled] = useState<TagSummary[][]>([]);
  const sampleIds = (issues ?? [])
    .slice(0, SAMPLE_ISSUES)
    .map((i) => i.id)
    .join(',');

  useEffect(() => {
    if (sampleIds === '') return;
    let live = true;
    Promise.all(sampleIds.split(',').map((id) => api.get<TagSummary[]>(`issues/${id}/tags/`, { limit: 10 }).catch(() => [] as TagSummary[]))).then(
      (lists) => live && setSampled(lists),
    );
    return () => {
      live = false;
    };
  }, [api, sampleIds]);

  return useMemo(() => merge(sampled), [sampled]);
}

/** Adds release versions (newest first) to the `release` tag's values, without duplicates. */
export function withReleases(tags: readonly KnownTag[], versions: readonly string[]): KnownTag[] {
  if (versions.length === 0) return [...tags];
  const current = tags.find((t) => t.key === 'release')?.topValues ?? [];
  const release = { key: 'release', topValues: [...new Set([...versions, ...current])] };
  return [...tags.filter((t) => t.key !== 'release'), release];
}
