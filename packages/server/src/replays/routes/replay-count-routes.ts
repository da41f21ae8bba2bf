import { normalizeEventId } from '@faultline/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { firstParam } from '../../http/index.js';
import { type FilterTerm, QueryFault, tokenizeQuery } from '../../issues/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import { parseProjectIds, parseWindow, type QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import type { ReplayAccess, ReplayParams } from './replay-access.js';

type Req = FastifyRequest<{ Params: ReplayParams }>;

const MAX_VALUES = 100;

/**
 * `GET /organizations/{org}/replay-count/` (what the Sentry MCP server's issue details and the
 * issue page's Replays tab call): per queried issue id, transaction name or replay id, how many
 * distinct replays (or, with `returnIds=true`, which) belong to it. An issue's replays are those
 * its error events name or whose replay_events list them; a transaction's, those whose traces
 * include one of its transactions (docs/replays.md › Errors and replays).
 */
export function registerReplayCountRoutes(app: FastifyInstance, store: Store, clock: Clock, access: ReplayAccess): void {
  app.get('/api/0/organizations/:org/replay-count/', async (request: Req) => {
    const s = await access.scope(request, false);
    const params = request.query as QueryParams;
    const window = parseWindow(params, clock.now());
    const requested = parseProjectIds(params);
    const projectIds = requested === null ? s.projectIds : s.projectIds.filter((id) => requested.includes(id));
    const returnIds = firstParam(request, 'returnIds') === 'true' || firstParam(request, 'returnIds') === '1';
    const term = countTerm(firstParam(request, 'query') ?? '');
    const values = term.values.map((v) => v.parts.join('*')).slice(0, MAX_VALUES);
    const byKey = new Map<string, Set<string>>();
    const add = (key: string, replayId: string) => {
      const set = byKey.get(key) ?? new Set<string>();
      set.add(replayId);
      byKey.set(key, set);
    };
    if (term.key === 'issue.id') {
      const issueIds = values.map((v) => (/^\d{1,15}$/.test(v) ? Number(v) : fail('validation_failed', `Invalid issue.id: ${v}`)));
      for (const row of await store.replays.replaysOfIssues(projectIds, issueIds, window.start * 1000)) add(String(row.issueId), row.replayId);
    } else if (term.key === 'transaction') {
      for (const row of await store.replays.replaysOfTransactions(projectIds, values, window.start * 1000)) add(row.name, row.replayId);
    } else {
      const ids = values.flatMap((v) => {
        const id = normalizeEventId(v);
        return id.ok ? [id.id] : [];
      });
      for (const id of await store.replays.existing(projectIds, ids)) add(id, id);
    }
    const out: Record<string, number | string[]> = {};
    for (const [key, set] of byKey) out[key] = returnIds ? [...set] : set.size;
    return out;
  });
}

/** The one `issue.id:`, `transaction:` or `replay_id:` filter of the query (a value or a `[list]`). */
function countTerm(query: string): FilterTerm {
  let terms: ReturnType<typeof tokenizeQuery>;
  try {
    terms = tokenizeQuery(query.slice(0, 10_000));
  } catch (err) {
    if (err instanceof QueryFault) fail('validation_failed', `Invalid query: ${err.error.message}`);
    throw err;
  }
  const term = terms.find((t): t is FilterTerm => t.type === 'filter' && (t.key === 'issue.id' || t.key === 'replay_id' || t.key === 'transaction'));
  if (term === undefined) fail('validation_failed', 'query must filter by issue.id, transaction or replay_id, e.g. issue.id:[1,2]');
  return term;
}
