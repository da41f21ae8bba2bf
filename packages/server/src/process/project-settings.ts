import type { Clock, Logger } from '../kernel/index.js';
import type { Store, StoreExecutor } from '../store/index.js';
import { DEFAULT_INBOUND_FILTER_SETTINGS, type InboundFilterSettings, parseInboundFilterSettings } from './filter/index.js';
import { compileGroupingRules, type GroupingRules, type GroupingRulesText, NO_GROUPING_RULES } from './group/index.js';
import { DEFAULT_SCRUB_SETTINGS, parseScrubSettings, type ScrubSettings } from './scrub/index.js';

/**
 * The processing part of `projects.settings`: `inboundFilters`, `scrubbing` and
 * `grouping: {fingerprintRules, stackRules}` (rule texts). The settings API validates with the
 * same parsers before it saves, so problems here mean a hand-edited row.
 */
export interface ProcessingSettings {
  readonly inboundFilters: InboundFilterSettings;
  readonly scrubbing: ScrubSettings;
  readonly grouping: GroupingRules;
}

export const DEFAULT_PROCESSING_SETTINGS: ProcessingSettings = Object.freeze({
  inboundFilters: DEFAULT_INBOUND_FILTER_SETTINGS,
  scrubbing: DEFAULT_SCRUB_SETTINGS,
  grouping: NO_GROUPING_RULES,
});

export type GroupingTextResult = { readonly ok: true; readonly text: GroupingRulesText } | { readonly ok: false; readonly reason: string };

/** Reads `settings.grouping` as rule texts (not compiled: compiling is the expensive part). */
export function readGroupingText(input: unknown): GroupingTextResult {
  if (input === undefined || input === null) return { ok: true, text: {} };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: 'grouping settings must be an object' };
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((k) => k !== 'fingerprintRules' && k !== 'stackRules');
  if (unknown.length > 0) return { ok: false, reason: `unknown grouping setting "${(unknown[0] as string).slice(0, 64)}"` };
  const text: { fingerprintRules?: string; stackRules?: string } = {};
  for (const key of ['fingerprintRules', 'stackRules'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { ok: false, reason: `grouping.${key} must be a string` };
    text[key] = v;
  }
  return { ok: true, text };
}

interface CachedSettings {
  readonly loadedAt: number;
  readonly settings: ProcessingSettings;
}

interface CompiledRules {
  readonly key: string;
  readonly rules: GroupingRules;
}

export interface ProjectSettingsCache {
  /** Settings of the batch's projects, re-read (inside `trx`) when older than the TTL. */
  load(trx: StoreExecutor, projectIds: readonly number[]): Promise<(projectId: number) => ProcessingSettings>;
}

/**
 * Per-project processing settings for the worker: read once per batch at most, cached for
 * `ttlMs` so several processes see a change within that time; grouping rules are compiled
 * only when their text changed. A part that does not validate falls back to its defaults
 * and is logged once per change.
 */
export function createProjectSettingsCache(deps: { store: Store; clock: Clock; logger: Logger; ttlMs: number }): ProjectSettingsCache {
  const cache = new Map<number, CachedSettings>();
  const compiled = new Map<number, CompiledRules>();
  const reported = new Map<number, string>();

  function groupingRules(projectId: number, text: GroupingRulesText, problems: string[]): GroupingRules {
    const key = `${text.fingerprintRules ?? ''}\u0000${text.stackRules ?? ''}`;
    const hit = compiled.get(projectId);
    if (hit?.key === key) return hit.rules;
    const result = compileGroupingRules(text);
    const rules = result.ok ? result.rules : NO_GROUPING_RULES;
    if (!result.ok) problems.push(`grouping rules do not parse (${result.fingerprintErrors.length + result.stackErrors.length} errors)`);
    compiled.set(projectId, { key, rules });
    return rules;
  }

  function parse(projectId: number, raw: Record<string, unknown>): ProcessingSettings {
    const problems: string[] = [];
    const filters = parseInboundFilterSettings(raw.inboundFilters);
    if (!filters.ok) problems.push(`inboundFilters: ${filters.reason}`);
    const scrubbing = parseScrubSettings(raw.scrubbing);
    if (!scrubbing.ok) problems.push(`scrubbing: ${scrubbing.reason}`);
    const text = readGroupingText(raw.grouping);
    if (!text.ok) problems.push(text.reason);
    const settings: ProcessingSettings = {
      inboundFilters: filters.ok ? filters.settings : DEFAULT_INBOUND_FILTER_SETTINGS,
      scrubbing: scrubbing.ok ? scrubbing.settings : DEFAULT_SCRUB_SETTINGS,
      grouping: groupingRules(projectId, text.ok ? text.text : {}, problems),
    };
    const summary = problems.join('; ');
    if (summary !== (reported.get(projectId) ?? '')) {
      if (summary !== '') deps.logger.warn({ projectId, problems }, 'invalid processing settings; using defaults for those parts');
      reported.set(projectId, summary);
    }
    return settings;
  }

  return {
    async load(trx, projectIds) {
      const now = deps.clock.now();
      const stale = [...new Set(projectIds)].filter((id) => {
        const hit = cache.get(id);
        return hit === undefined || now - hit.loadedAt >= deps.ttlMs;
      });
      if (stale.length > 0) {
        const rows = await deps.store.projects.settingsByIds(trx, stale);
        for (const id of stale) cache.set(id, { loadedAt: now, settings: parse(id, rows.get(id) ?? {}) });
      }
      return (projectId) => cache.get(projectId)?.settings ?? DEFAULT_PROCESSING_SETTINGS;
    },
  };
}
