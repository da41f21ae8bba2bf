import type { ApiClient } from './api-client.js';

/** One measured unit of a query: a request, or the requests one page view makes. */
export interface QueryRun {
  readonly ms: number;
  /** every answer was a 200 */
  readonly ok: boolean;
  /** what went wrong when not ok */
  readonly failure: string | null;
  /** issues in the answer, for lists */
  readonly rows: number | null;
}

export interface QuerySpec {
  readonly name: string;
  readonly path: string;
  /** issue #8's p95 target, where it sets one */
  readonly targetP95Ms: number | null;
  /** the i-th measured run (issue pages rotate over the sample issues by i) */
  run(client: ApiClient, i: number): Promise<QueryRun>;
}

export interface QueryScope {
  readonly org: string;
  readonly project: string;
  readonly projectId: string;
  /** issue ids the issue-page queries rotate over */
  readonly issueIds: readonly string[];
}

// Issue #8: "issue list p95 < 100 ms and issue page p95 < 150 ms at 1,000,000 events".
const LIST_TARGET_MS = 100;
const PAGE_TARGET_MS = 150;

async function once(client: ApiClient, path: string, isList: boolean): Promise<QueryRun> {
  const a = await client.get(path);
  if (a.status !== 200) return { ms: a.ms, ok: false, failure: `${a.status} ${a.body.toString('utf8', 0, 200)}`, rows: null };
  if (!isList) return { ms: a.ms, ok: true, failure: null, rows: null };
  const parsed: unknown = JSON.parse(a.body.toString('utf8'));
  return Array.isArray(parsed)
    ? { ms: a.ms, ok: true, failure: null, rows: parsed.length }
    : { ms: a.ms, ok: false, failure: 'the answer is not a list', rows: null };
}

// The web UI's issue page shows five values per tag.
const TAGS = 'tags/?limit=5';
const issuePath = (id: string, rest: string) => `/api/0/issues/${id}/${rest}`;

/** The queries of issue #8, in the order they are measured and reported. */
export function queryPlan(s: QueryScope): QuerySpec[] {
  const q = (text: string) => `&query=${encodeURIComponent(text)}`;
  const list = `/api/0/projects/${encodeURIComponent(s.org)}/${encodeURIComponent(s.project)}/issues/?statsPeriod=24h`;
  const listQuery = (name: string, extra: string): QuerySpec => ({
    name,
    path: list + extra,
    targetP95Ms: LIST_TARGET_MS,
    run: (client) => once(client, list + extra, true),
  });
  const uiList = `/api/0/organizations/${encodeURIComponent(s.org)}/issues/?project=${s.projectId}${q('is:unresolved')}&statsPeriod=24h&groupStatsPeriod=24h&limit=25`;
  const pick = (i: number) => s.issueIds[i % s.issueIds.length] as string;
  const issueQuery = (name: string, rest: string): QuerySpec => ({
    name,
    path: issuePath('{issue}', rest),
    targetP95Ms: null,
    run: (client, i) => once(client, issuePath(pick(i), rest), false),
  });
  return [
    listQuery('issue list: default (is:unresolved, last seen)', ''),
    listQuery('issue list: search "TypeError"', q('TypeError is:unresolved')),
    listQuery('issue list: tag browser.name:Chrome', q('is:unresolved browser.name:Chrome')),
    listQuery('issue list: environment + release', q('is:unresolved environment:production release:myapp@1.3.0')),
    listQuery('issue list: sort=freq', '&sort=freq'),
    listQuery('issue list: sort=new', '&sort=new'),
    {
      // What the web UI's issue list asks: the organization endpoint narrowed to the project,
      // statsPeriod as the time range ("seen in the last 24 hours", counts within it).
      name: 'issue list as the web UI asks it',
      path: uiList,
      targetP95Ms: LIST_TARGET_MS,
      run: (client) => once(client, uiList, true),
    },
    issueQuery('issue page: details', ''),
    issueQuery('issue page: tags', TAGS),
    issueQuery('latest event', 'events/latest/'),
    {
      name: 'issue page: all three together',
      path: `${issuePath('{issue}', '')} + ${TAGS} + events/latest/, in parallel`,
      targetP95Ms: PAGE_TARGET_MS,
      // The web UI asks for the three at once; the page is ready when the slowest answers.
      async run(client, i) {
        const started = performance.now();
        const runs = await Promise.all(['', TAGS, 'events/latest/'].map((rest) => once(client, issuePath(pick(i), rest), false)));
        const failed = runs.find((r) => !r.ok);
        return { ms: performance.now() - started, ok: failed === undefined, failure: failed?.failure ?? null, rows: null };
      },
    },
  ];
}
