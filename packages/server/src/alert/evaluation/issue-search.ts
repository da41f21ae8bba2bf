import { compileIssueQuery, latestReleases, ONGOING_AFTER_MS, parseIssueQuery, queryErrorDetail } from '../../issues/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { IssueSearchCompiler } from './metric-sources.js';

/**
 * The issue search language for metric alerts ("events of issues matching
 * `is:unresolved level:fatal`"): the same parser and SQL compile as the issues API.
 * Built by app.ts and handed to createAlerting, so alert tests can pass their own.
 */
export function alertIssueSearch(store: Store, clock: Clock): IssueSearchCompiler {
  return {
    check(query) {
      const text = query.trim();
      const parsed = parseIssueQuery(text, clock.now());
      if (!parsed.ok) return { ok: false, reason: queryErrorDetail(parsed.error, text) };
      if (parsed.query.filters.some((f) => f.kind === 'assigned'))
        return { ok: false, reason: 'assigned: depends on who is asking; alert rules cannot use it' };
      return { ok: true, value: text };
    },
    async compile({ orgId, projectId, query, now }) {
      const parsed = parseIssueQuery(query, now);
      if (!parsed.ok) throw new Error(`stored alert query no longer parses: ${queryErrorDetail(parsed.error, query)}`);
      const project = await store.projects.byId(projectId);
      const projects = project ? [{ id: project.id, slug: project.slug }] : [];
      const wantsLatest = parsed.query.filters.some((f) => f.kind === 'release' && f.values.some((v) => v.type === 'latest'));
      return compileIssueQuery(parsed.query, {
        orgId,
        userId: 0,
        projects,
        now,
        latestRelease: wantsLatest ? await latestReleases(store.db, [projectId]) : new Map(),
        regressedForMs: ONGOING_AFTER_MS,
      });
    },
  };
}
