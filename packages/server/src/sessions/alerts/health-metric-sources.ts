import type { Store } from '../../store/index.js';
import { healthValues, rates } from '../health-formulas.js';
import { emptyStats } from '../store/session-stats-query.js';

/**
 * Metric alerts on release health (docs/alerts.md › Crash-free rate): the crash-free session
 * rate and the crash-free user rate, in percent, of one release (`release:VERSION`), of the
 * project's latest release (`release:latest`, resolved at each evaluation) or of every release
 * (no query), in the rule's environment. Read from the hourly session counters, so a window is
 * widened to the whole hours it touches. The shape is alert/'s MetricSource; app.ts registers
 * these with alerting and hands in the release lookups (this domain must not import releases/).
 */
export interface HealthMetricSource {
  readonly key: string;
  readonly label: string;
  readonly unit: 'percent';
  readonly needsBaseline: false;
  checkQuery(query: string): { ok: true; value: string } | { ok: false; reason: string };
  measure(input: HealthMetricInput): Promise<number | null>;
  context(input: HealthMetricInput): Promise<{ release: string | null; note: string | null }>;
}

export interface HealthMetricInput {
  orgId: number;
  projectId: number;
  environment: string | null;
  query: string;
  start: number;
  end: number;
}

/** What the messages need from releases (alert/'s ReleaseLookup has this shape). */
export interface HealthReleaseLookup {
  latestRelease(projectId: number): Promise<string | null>;
  previousRelease(projectId: number, version: string): Promise<string | null>;
  /** newest first */
  recentDeploys(orgId: number, version: string): Promise<{ environment: string; finishedAt: number }[]>;
}

type ReleaseFilter = { kind: 'all' } | { kind: 'latest' } | { kind: 'version'; version: string };

const QUERY_HINT = 'a crash-free rate alert filters only by release: release:VERSION, release:latest, or nothing for every release';

/** `release:VERSION`, `release:"VERSION"`, `release:latest` or nothing. Parsed by hand: user input, no regex. */
export function parseReleaseFilter(query: string): { ok: true; value: ReleaseFilter } | { ok: false; reason: string } {
  const q = query.trim();
  if (q === '') return { ok: true, value: { kind: 'all' } };
  if (!q.startsWith('release:')) return { ok: false, reason: QUERY_HINT };
  let version = q.slice('release:'.length);
  if (version.length >= 2 && version.startsWith('"') && version.endsWith('"')) version = version.slice(1, -1);
  if (version === '' || version.includes('"') || version.includes(' ') || version.includes('*'))
    return { ok: false, reason: `${QUERY_HINT} (one release, no wildcards)` };
  return { ok: true, value: version === 'latest' ? { kind: 'latest' } : { kind: 'version', version } };
}

const day = 86_400_000;

function formatPercent(v: number): string {
  return `${Number(v.toFixed(2))}%`;
}

function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function sessionMetricSources(store: Store, releases: HealthReleaseLookup): HealthMetricSource[] {
  async function releaseOf(input: HealthMetricInput): Promise<string | null | undefined> {
    const filter = parseReleaseFilter(input.query);
    if (!filter.ok) throw new Error(filter.reason);
    if (filter.value.kind === 'all') return undefined;
    if (filter.value.kind === 'latest') return releases.latestRelease(input.projectId);
    return filter.value.version;
  }

  /** The crash-free percentage of `release` (undefined: every release) over [start, end), null without sessions or users. */
  async function crashFree(of: 'session' | 'user', input: HealthMetricInput, release: string | undefined, start: number, end: number) {
    const [group] = await store.releaseHealth.stats({
      projectIds: [input.projectId],
      ...(release === undefined ? {} : { releases: [release] }),
      ...(input.environment === null ? {} : { environments: [input.environment] }),
      start,
      end,
      intervalMs: end - start,
      groupBy: [],
    });
    const v = healthValues(group?.totals ?? emptyStats());
    const rate = of === 'session' ? rates.crashFreeRate(v) : rates.crashFreeUserRate(v);
    return rate === null ? null : rate * 100;
  }

  const source = (of: 'session' | 'user', key: string, label: string): HealthMetricSource => ({
    key,
    label,
    unit: 'percent',
    needsBaseline: false,
    checkQuery(query) {
      const parsed = parseReleaseFilter(query);
      return parsed.ok ? { ok: true, value: query.trim() } : parsed;
    },
    async measure(input) {
      const release = await releaseOf(input);
      // No latest release yet, or no sessions: nothing measured, which is not a recovery.
      if (release === null) return null;
      return crashFree(of, input, release, input.start, input.end);
    },
    async context(input) {
      const named = await releaseOf(input);
      const release = named ?? (await releases.latestRelease(input.projectId));
      if (release === null) return { release: null, note: null };
      // The deploy the rate follows: the newest to the rule's environment, else the newest at all.
      const deploys = await releases.recentDeploys(input.orgId, release);
      const deploy = deploys.find((d) => d.environment === input.environment) ?? deploys[0];
      const deployed = deploy ? `deployed to ${deploy.environment} ${formatUtc(deploy.finishedAt)}` : 'no deploy recorded';
      const previous = await releases.previousRelease(input.projectId, release);
      if (previous === null) return { release, note: `Release ${release} (${deployed}); no previous release to compare with.` };
      // The previous release's rate over the day before this release's deploy: how it did right before it was replaced.
      const until = deploy?.finishedAt ?? input.end;
      const before = await crashFree(of, input, previous, until - day, until);
      const rate = before === null ? 'no sessions' : formatPercent(before);
      return { release, note: `Release ${release} (${deployed}); previous release ${previous}: ${rate} in the 24 hours before that.` };
    },
  });

  return [source('session', 'crash_free_session_rate', 'Crash-free session rate (%)'), source('user', 'crash_free_user_rate', 'Crash-free user rate (%)')];
}
