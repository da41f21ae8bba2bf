// JSON schemas of what Grafana's Sentry data source (2.2) decodes, written from its Go types
// (docs/grafana.md): Go's encoding/json refuses a value of the wrong type (a number where a string
// is declared, a fraction where an integer is), takes null as "left empty", ignores unknown keys,
// and parses time.Time as RFC 3339 only. So every declared field here has its Go type, null is
// allowed where Go would take it, and extra keys are allowed.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

type Schema = Record<string, unknown>;

const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const str: Schema = nullable({ type: 'string' });
const bool: Schema = nullable({ type: 'boolean' });
const int: Schema = nullable({ type: 'integer' });
/** Go's time.Time: RFC 3339 text (an empty string is an error), or null. */
const time: Schema = nullable({ type: 'string', format: 'date-time' });
const object = (properties: Record<string, Schema>, required: readonly string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required: [...required],
});
const list = (items: Schema): Schema => ({ type: 'array', items });

const idNameSlug = object({ id: str, name: str, slug: str });

/** One schema per request type, named after the data source's Go type. */
export const GRAFANA_SCHEMAS = {
  SentryOrganization: list(
    object({
      dateCreated: time,
      id: { type: 'string' },
      isEarlyAdopter: bool,
      name: str,
      require2FA: bool,
      slug: { type: 'string' },
      status: nullable(object({ id: str, name: str })),
      avatar: nullable(object({ avatarType: str })),
    }),
  ),
  SentryProject: list(
    object({
      dateCreated: time,
      hasAccess: bool,
      id: { type: 'string' },
      isBookmarked: bool,
      isMember: bool,
      environments: nullable(list({ type: 'string' })),
      name: str,
      slug: { type: 'string' },
      team: nullable(idNameSlug),
      teams: nullable(list(idNameSlug)),
    }),
  ),
  SentryTeam: list(
    object({
      avatar: nullable(object({ avatarType: str }, ['avatarType'])),
      dateCreated: time,
      hasAccess: bool,
      id: { type: 'string' },
      isMember: bool,
      isPending: bool,
      memberCount: int,
      name: str,
      projects: nullable(list({})),
      slug: { type: 'string' },
    }),
  ),
  SentryTag: list(object({ key: { type: 'string' }, name: str, totalValues: int })),
  SentryAttribute: list(object({ key: { type: 'string' }, name: str })),
  SentryIssue: list(
    object(
      {
        id: { type: 'string' },
        shortId: str,
        title: str,
        count: { type: 'string' },
        userCount: { type: 'integer' },
        status: str,
        substatus: str,
        level: str,
        type: str,
        platform: str,
        firstSeen: time,
        lastSeen: time,
        culprit: str,
        hasSeen: bool,
        isUnhandled: bool,
        permalink: str,
        isPublic: bool,
        project: object({ id: str, name: str, slug: str, platform: str }),
        metadata: nullable(object({ value: str, type: str, filename: str, function: str }, [])),
        numComments: int,
        assignedTo: nullable(object({ email: str, type: str, id: str, name: str }, [])),
        isBookmarked: bool,
        isSubscribed: bool,
        subscriptionDetails: nullable(object({ reason: str }, [])),
        lifetime: nullable(object({ count: str, userCount: int, firstSeen: time, lastSeen: time }, [])),
      },
      ['id', 'shortId', 'title', 'count', 'userCount', 'status', 'firstSeen', 'lastSeen', 'permalink', 'project', 'metadata'],
    ),
  ),
  GetOrgEventsResponse: object({
    data: list({ type: 'object' }),
    meta: object({ fields: { type: 'object', additionalProperties: { type: 'string' } } }),
  }),
  /** events-stats decodes into map[string]interface{}; its frames need each series as [[seconds, [{count}]]…]. */
  SentryEventsStats: { type: 'object' },
  MetricsResponse: object({
    start: time,
    end: time,
    intervals: list({ type: 'string', format: 'date-time' }),
    groups: list(object({ by: { type: 'object' }, totals: { type: 'object' }, series: { type: 'object' } })),
  }),
  StatsV2Response: object({
    start: time,
    end: time,
    intervals: list({ type: 'string', format: 'date-time' }),
    groups: list(
      object({
        by: object({ reason: str, category: str, outcome: str }, []),
        totals: object({ 'sum(times_seen)': int, 'sum(quantity)': int }, []),
        series: object({ 'sum(times_seen)': nullable(list({ type: 'integer' })), 'sum(quantity)': nullable(list({ type: 'integer' })) }, []),
      }),
    ),
  }),
} as const;

export type GrafanaType = keyof typeof GRAFANA_SCHEMAS;

/** Compiled validators; each returns the decoder's complaints, empty when Grafana would decode the body. */
export function grafanaValidators(): Record<GrafanaType, (body: unknown) => string[]> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // ajv-formats ships as CommonJS: its default export is the plugin function under ESM interop.
  const addFormats = addFormatsPlugin as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  const out = {} as Record<GrafanaType, (body: unknown) => string[]>;
  for (const [name, schema] of Object.entries(GRAFANA_SCHEMAS) as [GrafanaType, Schema][]) {
    const validate: ValidateFunction = ajv.compile(schema);
    out[name] = (body) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
  }
  return out;
}

/** One events-stats series as Grafana turns it into a frame: `[[seconds, [{"count": n}]], …]`. */
export function seriesProblems(series: unknown, path: string): string[] {
  if (series === null || typeof series !== 'object' || !('data' in series) || !Array.isArray(series.data)) return [`${path}: no data array`];
  const problems: string[] = [];
  for (const [i, point] of (series.data as unknown[]).entries()) {
    const ok =
      Array.isArray(point) &&
      point.length === 2 &&
      Number.isInteger(point[0]) &&
      Array.isArray(point[1]) &&
      (point[1] as unknown[]).every((v) => v !== null && typeof v === 'object' && 'count' in v && (v.count === null || typeof v.count === 'number'));
    if (!ok) problems.push(`${path}.data[${i}]: ${JSON.stringify(point)}`);
  }
  return problems;
}
