import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/index.js';
import type { KnownTag } from './search/suggest-search.js';

interface ProjectTagKey {
  key: string;
  name: string;
  totalValues: number;
}
interface ProjectTagValue {
  value: string;
  count: number;
}

const VALUE_DEBOUNCE_MS = 150;

/**
 * The project's tag keys (`/projects/{org}/{project}/tags/`) and, for the value being typed,
 * its most frequent values starting with what was typed (`…/tags/{key}/values/?query=`).
 * `fallback` (tags sampled from the issues on the page) is used while these load, and its
 * values stay as extra suggestions after them. Answers are kept per key and prefix.
 */
export function useProjectTags(org: string, project: string, fallback: readonly KnownTag[]) {
  const api = useApi();
  const [keys, setKeys] = useState<string[] | null>(null);
  const [values, setValues] = useState<ReadonlyMap<string, string[]>>(new Map());
  const [context, setContext] = useState<{ key: string; typed: string } | null>(null);

  useEffect(() => {
    let live = true;
    setKeys(null);
    api
      .get<ProjectTagKey[]>(`projects/${org}/${project}/tags/`)
      .then((list) => live && setKeys(list.map((k) => k.key)))
      .catch(() => live && setKeys([]));
    return () => {
      live = false;
    };
  }, [api, org, project]);

  // Environments are offered by the filter beside the search bar, so their values load up front.
  useEffect(() => {
    let live = true;
    api
      .get<ProjectTagValue[]>(`projects/${org}/${project}/tags/environment/values/`)
      .then(
        (list) =>
          live &&
          setValues((m) =>
            new Map(m).set(
              'environment\u0000',
              list.map((v) => v.value),
            ),
          ),
      )
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [api, org, project]);

  const cacheKey = context ? `${context.key}\u0000${context.typed}` : null;
  useEffect(() => {
    if (!context || cacheKey === null || values.has(cacheKey)) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<ProjectTagValue[]>(`projects/${org}/${project}/tags/${encodeURIComponent(context.key)}/values/`, { query: context.typed })
        .then((list) => {
          if (live)
            setValues((m) =>
              new Map(m).set(
                cacheKey,
                list.map((v) => v.value),
              ),
            );
        })
        .catch(() => {});
    }, VALUE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, org, project, context, cacheKey, values]);

  const onValueContext = useCallback((next: { key: string; typed: string } | null) => setContext(next), []);

  const tags = useMemo(() => mergeTags(keys, values, context, fallback), [keys, values, context, fallback]);
  return { tags, onValueContext };
}

/** Project keys plus the sampled ones; per key, the server's values for the typed prefix first. */
export function mergeTags(
  keys: readonly string[] | null,
  values: ReadonlyMap<string, string[]>,
  context: { key: string; typed: string } | null,
  fallback: readonly KnownTag[],
): KnownTag[] {
  const byKey = new Map<string, string[]>();
  for (const key of keys ?? []) byKey.set(key, []);
  for (const t of fallback) byKey.set(t.key, [...(byKey.get(t.key) ?? []), ...t.topValues]);
  for (const [cacheKey, list] of values) {
    const [key = '', typed = ''] = cacheKey.split('\u0000');
    // The current prefix's answer leads; answers for other prefixes of the key follow.
    const current = context?.key === key && context.typed === typed;
    const seen = byKey.get(key) ?? [];
    byKey.set(key, current ? [...list, ...seen] : [...seen, ...list]);
  }
  return [...byKey.entries()].map(([key, list]) => ({ key, topValues: [...new Set(list)] }));
}
