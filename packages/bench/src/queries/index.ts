// queries — the read side of the query benchmark: the requests issue #8 names (issue list
// with its searches and sorts, the issue page, the latest event) sent one at a time to a
// running Faultline with its API token, and their latency percentiles. Must not seed data or
// start servers (seed/ and stages/ do).
export { type ApiClient, createApiClient } from './api-client.js';
export { measureQuery } from './measure-queries.js';
export { type QueryScope, type QuerySpec, queryPlan } from './query-plan.js';
