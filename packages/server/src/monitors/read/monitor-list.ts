import { fail } from '../../kernel/index.js';
import type { MonitorView } from './monitor-json.js';

/**
 * The filters and order of `GET /organizations/{org}/monitors/` (Sentry API reference, Crons:
 * "Retrieve Monitors for an Organization"): `environment` limits both the monitors listed and
 * the environments they embed (`includeNew=1` keeps monitors that have none yet); `query` is
 * free text over name, slug and id plus `id:`, `name:`, `status:`, `type:` tokens;
 * `sort=status|name|muted` with `asc=1|0`. A project's monitors are capped (docs/crons.md), so
 * an organization's list is filtered here rather than in SQL.
 */
export interface MonitorListRequest {
  readonly environments: readonly string[];
  readonly includeNew: boolean;
  readonly terms: readonly QueryTerm[];
  /** `user:<id>`, `team:<id>`, `unassigned`; any of them matches */
  readonly owners: readonly string[];
  readonly sort: 'status' | 'name' | 'muted';
  readonly ascending: boolean;
}

export type QueryTerm = { readonly key: 'text' | 'id' | 'name' | 'status' | 'type'; readonly values: readonly string[]; readonly negated: boolean };

type Query = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (q: Query, name: string): string | undefined => list(q[name])[0];

const KEYS = new Set(['id', 'name', 'status', 'type']);
const STATUSES = new Set(['active', 'disabled', 'ok', 'error']);
const MAX_QUERY = 500;

/** Whitespace-separated tokens; double quotes keep spaces (`name:"nightly import"`). Linear: one pass, no regex over the whole text. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(ch)) {
      if (current !== '') out.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

export function parseQuery(text: string): QueryTerm[] {
  if (text.length > MAX_QUERY) fail('validation_failed', `query must be at most ${MAX_QUERY} characters`);
  return tokens(text).map((token) => {
    const negated = token.startsWith('!');
    const body = negated ? token.slice(1) : token;
    const colon = body.indexOf(':');
    const key = colon > 0 ? body.slice(0, colon) : '';
    if (!KEYS.has(key)) return { key: 'text', values: [token.toLowerCase()], negated: false };
    const raw = body.slice(colon + 1);
    const values = (raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1).split(',') : [raw]).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
    if (values.length === 0) fail('validation_failed', `query: ${key}: needs a value`);
    if (key === 'status') for (const v of values) if (!STATUSES.has(v)) fail('validation_failed', `query: unknown status "${v}"`);
    if (key === 'type') for (const v of values) if (v !== 'cron_job') fail('validation_failed', `query: unknown type "${v}" (monitors are of type cron_job)`);
    return { key: key as QueryTerm['key'], values, negated };
  });
}

const OWNER = /^(user|team):\d{1,15}$/;

function parseOwners(values: readonly string[]): string[] {
  const owners = values.filter((v) => v !== '');
  for (const o of owners) {
    // Teams are not owners of anything here yet (docs/crons.md), so `myteams` has nothing to match.
    if (o !== 'unassigned' && o !== 'myteams' && !OWNER.test(o))
      fail('validation_failed', `owner: "${o.slice(0, 40)}" is not user:<id>, team:<id>, myteams or unassigned`);
  }
  return owners;
}

export function parseListRequest(query: Query): MonitorListRequest {
  const sort = one(query, 'sort') ?? 'status';
  if (sort !== 'status' && sort !== 'name' && sort !== 'muted') fail('validation_failed', 'sort must be one of status, name, muted');
  const asc = one(query, 'asc') ?? '1';
  if (asc !== '1' && asc !== '0') fail('validation_failed', 'asc must be 1 or 0');
  const environments = list(query.environment).filter((e) => e !== '');
  if (environments.some((e) => e.length > 64)) fail('validation_failed', 'environment must be at most 64 characters');
  return {
    environments,
    includeNew: one(query, 'includeNew') === '1' || one(query, 'includeNew') === 'true',
    terms: parseQuery(one(query, 'query') ?? ''),
    owners: parseOwners(list(query.owner)),
    sort,
    ascending: asc === '1',
  };
}

function termMatches(m: MonitorView, term: QueryTerm): boolean {
  const hit = term.values.some((v) => {
    switch (term.key) {
      case 'text':
        return m.name.toLowerCase().includes(v) || m.slug.includes(v) || m.guid === v;
      case 'id':
        return m.guid === v.replaceAll('-', '');
      case 'name':
        return m.name.toLowerCase().includes(v) || m.slug.includes(v);
      case 'type':
        return v === 'cron_job';
      case 'status':
        return v === 'active' || v === 'disabled' ? m.status === v : m.environments.some((e) => e.status === v);
      default:
        return false;
    }
  });
  return hit !== term.negated;
}

/** The rank of a monitor's worst environment, as Sentry's `sort=status` orders them: failing, ok, new, disabled. */
function statusRank(m: MonitorView): number {
  if (m.status === 'disabled') return 4;
  const ranks = m.environments.map((e) => (({ error: 0, ok: 1, active: 2, disabled: 3 }) as Record<string, number>)[e.status] ?? 2);
  return ranks.length === 0 ? 2 : Math.min(...ranks);
}

/** Filters the environments each monitor embeds, then the monitors, then sorts them. */
export function selectMonitors(all: readonly MonitorView[], request: MonitorListRequest): MonitorView[] {
  const wanted = new Set(request.environments);
  const scoped = all
    .map((m) => (wanted.size === 0 ? m : { ...m, environments: m.environments.filter((e) => wanted.has(e.name)) }))
    .filter(
      (m) => wanted.size === 0 || m.environments.length > 0 || (request.includeNew && (all.find((o) => o.guid === m.guid)?.environments.length ?? 0) === 0),
    )
    .filter((m) => request.terms.every((t) => termMatches(m, t)))
    .filter(
      (m) =>
        request.owners.length === 0 ||
        request.owners.some((o) => (o === 'unassigned' ? m.owner === null : m.owner !== null && `${m.owner.type}:${m.owner.id}` === o)),
    );
  const byName = (a: MonitorView, b: MonitorView) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug);
  const compare =
    request.sort === 'name'
      ? byName
      : request.sort === 'muted'
        ? (a: MonitorView, b: MonitorView) => Number(a.isMuted) - Number(b.isMuted) || byName(a, b)
        : (a: MonitorView, b: MonitorView) => Number(a.isMuted) - Number(b.isMuted) || statusRank(a) - statusRank(b) || byName(a, b);
  const sorted = [...scoped].sort(compare);
  return request.ascending ? sorted : sorted.reverse();
}
