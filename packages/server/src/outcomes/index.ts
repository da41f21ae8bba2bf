/**
 * outcomes: what became of every item — accepted, filtered, rate_limited, invalid
 * (with a reason), plus what SDKs report they dropped (client_discard) — counted per
 * project, data category and hour, and the `stats_v2` read API over those counters.
 * It decides nothing: ingest and the processors give each item its verdict.
 */
export { hourStart, OutcomeCounts, type Verdict } from './outcome-counts.js';
export { type OutcomesApiDeps, registerOutcomesApi } from './routes/index.js';
export { parseStatsQuery, type StatsQuery } from './stats-query.js';
export { buildStatsResponse, type StatsResponse } from './stats-response.js';
export type { OutcomeIncrement } from './store/outcomes.js';
export { outcomeRepositories } from './store/repositories.js';
