// Test support (not a test): drives the real pipeline end to end — events go over HTTP to a
// test server, the worker drains the queue, assertions read what the store holds.
import assert from 'node:assert/strict';
import type { Selectable } from 'kysely';
import { decodePayload } from '../events/index.js';
import { createManualClock, type ManualClock } from '../kernel/index.js';
import type { Database } from '../store/index.js';
import { type DialectName, newEventId, post, startTestServer, type TestServer } from '../testing/index.js';
import type { ProcessedEventSummary } from './post-process/index.js';

export type IssueRow = Selectable<Database['issues']>;

export interface PipelineHarness {
  server: TestServer;
  clock: ManualClock;
  /** every post-process summary so far */
  summaries: ProcessedEventSummary[];
  close(): Promise<void>;
}

/** A server whose worker only runs when a test drains it, on a clock tests move; settings are never cached. */
export async function startPipelineHarness(dialect: DialectName, env: Record<string, string> = {}): Promise<PipelineHarness> {
  const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 0, 0));
  const server = await startTestServer({
    dialect,
    clock,
    env: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0', ...env },
  });
  const summaries: ProcessedEventSummary[] = [];
  server.app.postProcessHooks.push((results) => {
    summaries.push(...results);
  });
  return { server, clock, summaries, close: () => server.close() };
}

export interface TestProject {
  id: number;
  key: string;
}

let projects = 0;

/** A project of its own per case, so issues and counts never mix. */
export async function newProject(h: PipelineHarness, settings: Record<string, unknown> = {}): Promise<TestProject> {
  const org = await h.server.store.organizations.bySlug(h.server.workspace.org);
  assert.ok(org);
  projects++;
  const project = await h.server.store.projects.create({ orgId: org.id, slug: `pipeline-${projects}`, name: `Pipeline ${projects}`, platform: 'node' });
  if (Object.keys(settings).length > 0) await h.server.store.projects.updateSettings(project.id, settings);
  const key = await h.server.store.clientKeys.create(project.id, 'test');
  return { id: project.id, key: key.publicKey };
}

/** Sends one event as the JS SDK would, with a fresh event_id unless one is given; returns the id. */
export async function sendEvent(h: PipelineHarness, p: TestProject, payload: object, options: { eventId?: string; itemType?: string } = {}): Promise<string> {
  const eventId = options.eventId ?? newEventId();
  const header = JSON.stringify({ event_id: eventId, sent_at: new Date(h.clock.now()).toISOString() });
  const body = `${header}\n${JSON.stringify({ type: options.itemType ?? 'event' })}\n${JSON.stringify({ ...payload, event_id: eventId })}`;
  const res = await post(h.server, body, { projectId: p.id, query: `?sentry_key=${p.key}` });
  assert.equal(res.status, 200, await res.text());
  return eventId;
}

export async function drain(h: PipelineHarness): Promise<void> {
  await h.server.app.jobs.queue.flush();
  await h.server.app.jobs.worker.drain();
}

/** Sends events one by one, then processes them in one go (as one or a few batches). */
export async function sendAll(h: PipelineHarness, p: TestProject, payloads: readonly object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const payload of payloads) ids.push(await sendEvent(h, p, payload));
  await drain(h);
  return ids;
}

export async function issuesOf(h: PipelineHarness, p: TestProject): Promise<IssueRow[]> {
  return h.server.store.db.selectFrom('issues').selectAll().where('project_id', '=', p.id).orderBy('id').execute();
}

export async function issueById(h: PipelineHarness, id: number): Promise<IssueRow> {
  return h.server.store.db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The issue each event was stored under, in the order of `eventIds` (null when not stored or ungrouped). */
export async function issueIdsOf(h: PipelineHarness, p: TestProject, eventIds: readonly string[]): Promise<(number | null)[]> {
  const rows = await h.server.store.db.selectFrom('events').select(['event_id', 'issue_id']).where('project_id', '=', p.id).execute();
  const byId = new Map(rows.map((r) => [r.event_id, r.issue_id]));
  return eventIds.map((id) => byId.get(id) ?? null);
}

/** `[7, 7, 9]` → `'AAB'`. */
export function shapeOf(ids: readonly (number | null)[]): string {
  const labels = new Map<number | null, string>();
  return ids.map((i) => labels.get(i) ?? (labels.set(i, String.fromCharCode(65 + labels.size)).get(i) as string)).join('');
}

/** Every stored payload of a project, decompressed, as text. */
export async function storedPayloads(h: PipelineHarness, p: TestProject): Promise<string[]> {
  const rows = await h.server.store.db
    .selectFrom('events')
    .leftJoin('event_dictionaries', 'event_dictionaries.id', 'events.dictionary_id')
    .select(['events.payload', 'events.payload_encoding', 'events.dictionary_id', 'event_dictionaries.bytes as dictionary'])
    .where('events.project_id', '=', p.id)
    .execute();
  return rows.map((r) => {
    assert.ok(r.payload_encoding === 'br' || (r.payload_encoding === 'deflate-dict' && r.dictionary !== null), `payload encoding ${r.payload_encoding}`);
    return decodePayload(r.payload_encoding, r.payload, r.dictionary).toString('utf8');
  });
}

export async function tagCounts(h: PipelineHarness, issueId: number): Promise<Record<string, number>> {
  const rows = await h.server.store.db.selectFrom('issue_tags').selectAll().where('issue_id', '=', issueId).execute();
  return Object.fromEntries(rows.map((r) => [`${r.key}=${r.value}`, r.times_seen]));
}

export async function activityOf(h: PipelineHarness, issueId: number): Promise<{ type: string; data: unknown }[]> {
  const rows = await h.server.store.db.selectFrom('issue_activity').selectAll().where('issue_id', '=', issueId).orderBy('id').execute();
  return rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) as unknown }));
}

export async function outcomeTotal(h: PipelineHarness, p: TestProject, outcome: string, reason?: string): Promise<number> {
  const rows = await h.server.store.outcomes.query({
    projectIds: [p.id],
    from: 0,
    to: Number.MAX_SAFE_INTEGER,
    outcomes: [outcome],
    ...(reason === undefined ? {} : { reasons: [reason] }),
  });
  return rows.reduce((n, r) => n + r.quantity, 0);
}
