import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, assertDetail, explainSkippedPostgres, mintToken, type TestServer, testDialects } from '../../testing/index.js';
import { allIssues, CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;
type Event = Json & {
  eventID: string;
  previousEventID: string | null;
  nextEventID: string | null;
  entries: { type: string; data: Json }[];
  tags: { key: string; value: string }[];
};

// One issue and its events as Sentry's issue page and API clients read them.
for (const dialect of testDialects()) {
  describe(`issue detail, tags and events (${dialect})`, () => {
    let server: TestServer;
    let issue: IssueSummary;
    const eventIds: string[] = [];
    before(async () => {
      server = await startIssueServer(dialect);
      for (const [release, env] of [
        ['myapp@1.0.0', 'production'],
        ['myapp@1.1.0', 'production'],
        ['myapp@1.1.0', 'staging'],
      ] as const) {
        eventIds.push(
          await sendCapture(server, CAPTURES.python, (p) => {
            p.release = release;
            p.environment = env;
          }),
        );
        // One at a time: navigation follows receive order.
        await drain(server);
      }
      await sendCapture(server, CAPTURES.nodeMessage);
      await drain(server);
      issue = (await allIssues(server)).find((i) => i.title === "KeyError: 'items'") as IssueSummary;
      assert.ok(issue);
    });
    after(() => server.close());

    it('GET /issues/{id}/: the list JSON plus activity, tags, releases, 24h and 30d stats', async () => {
      const g = await getOk<Json>(server, `/api/0/issues/${issue.id}/`);
      assert.equal(g.id, issue.id);
      assert.equal(g.count, '3');
      assert.equal((g.firstRelease as Json).version, 'myapp@1.0.0');
      // With the release on record (sentry-cli creates it), the summary carries its dates.
      const created = await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/releases/`, {
        method: 'POST',
        as: { token: server.workspace.token },
        body: { version: 'myapp@1.0.0', projects: [server.workspace.project] },
      });
      assert.ok(created.status === 201 || created.status === 208, `release: ${created.status}`);
      const withRelease = await getOk<Json>(server, `/api/0/issues/${issue.id}/`);
      assert.equal((withRelease.firstRelease as Json).version, 'myapp@1.0.0');
      assert.match(String((withRelease.firstRelease as Json).dateCreated), /^\d{4}-\d\d-\d\dT/);
      assert.equal((g.lastRelease as Json).version, 'myapp@1.1.0');
      const stats = g.stats as Record<string, unknown[]>;
      assert.deepEqual([stats['24h']?.length, stats['30d']?.length], [24, 30]);
      assert.ok(Array.isArray(g.activity));
      assert.deepEqual(
        (g.tags as Json[]).find((t) => t.key === 'environment'),
        { key: 'environment', name: 'Environment', totalValues: 3 },
      );
      for (const field of ['seenBy', 'participants', 'pluginActions']) assert.deepEqual(g[field], [], field);
      assert.equal(g.userReportCount, 0);
    });

    it('the organization alias takes the numeric id or the short id', async () => {
      const org = server.workspace.org;
      assert.equal((await getOk<Json>(server, `/api/0/organizations/${org}/issues/${issue.id}/`)).id, issue.id);
      assert.equal((await getOk<Json>(server, `/api/0/organizations/${org}/issues/${issue.shortId}/`)).id, issue.id);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/issues/NOPE-1/`, { as: { token: server.workspace.token } }), 404, /Issue not found/);
      assertDetail(await apiFetch(server.url, '/api/0/issues/999999/', { as: { token: server.workspace.token } }), 404, /Issue not found/);
    });

    it('/tags/ and /tags/{key}/values/: counts per value, paginated', async () => {
      const tags = await getOk<Json[]>(server, `/api/0/issues/${issue.id}/tags/`);
      const release = tags.find((t) => t.key === 'release') as Json;
      assert.equal(release.totalValues, 3);
      assert.deepEqual(
        (release.topValues as Json[]).map((v) => [v.value, v.count]),
        [
          ['myapp@1.1.0', 2],
          ['myapp@1.0.0', 1],
        ],
      );
      const one = await getOk<Json>(server, `/api/0/issues/${issue.id}/tags/environment/`);
      assert.equal(one.uniqueValues, 2);
      const res = await apiFetch<Json[]>(server.url, `/api/0/issues/${issue.id}/tags/release/values/?sort=-count&per_page=1`, {
        as: { token: server.workspace.token },
      });
      assert.deepEqual(
        res.body.map((v) => v.value),
        ['myapp@1.1.0'],
      );
      assert.match(res.headers.get('link') ?? '', /rel="next"; results="true"; cursor="0:1:0"/);
      const next = await getOk<Json[]>(server, `/api/0/issues/${issue.id}/tags/release/values/?sort=-count&per_page=1&cursor=0:1:0`);
      assert.deepEqual(
        next.map((v) => v.value),
        ['myapp@1.0.0'],
      );
      assertDetail(await apiFetch(server.url, `/api/0/issues/${issue.id}/tags/nope/`, { as: { token: server.workspace.token } }), 404);
    });

    it('/events/: newest first, short form by default, entries with full=true', async () => {
      const events = await getOk<Event[]>(server, `/api/0/issues/${issue.id}/events/`);
      assert.deepEqual(
        events.map((e) => e.eventID),
        [...eventIds].reverse(),
      );
      assert.equal(events[0]?.entries, undefined);
      assert.ok(events[0]?.tags.some((t) => t.key === 'environment' && t.value === 'staging'));
      const full = await getOk<Event[]>(server, `/api/0/issues/${issue.id}/events/?full=true&limit=1`);
      assert.equal(full.length, 1);
      assert.ok(full[0]?.entries.some((e) => e.type === 'exception'));
      const staging = await getOk<Event[]>(server, `/api/0/issues/${issue.id}/events/?environment=staging`);
      assert.deepEqual(
        staging.map((e) => e.eventID),
        [eventIds[2]],
      );
    });

    it('latest / oldest / one event, each with previous and next within the issue', async () => {
      const latest = await getOk<Event>(server, `/api/0/issues/${issue.id}/events/latest/`);
      assert.equal(latest.eventID, eventIds[2]);
      assert.deepEqual([latest.previousEventID, latest.nextEventID], [eventIds[1], null]);
      const oldest = await getOk<Event>(server, `/api/0/issues/${issue.id}/events/oldest/`);
      assert.deepEqual([oldest.eventID, oldest.previousEventID, oldest.nextEventID], [eventIds[0], null, eventIds[1]]);
      const middle = await getOk<Event>(server, `/api/0/issues/${issue.id}/events/${eventIds[1]}/`);
      assert.deepEqual([middle.previousEventID, middle.nextEventID], [eventIds[0], eventIds[2]]);
      assert.equal(middle.groupID, issue.id);
      assert.ok(
        middle.tags.some((t) => t.key === 'release' && t.value === 'myapp@1.1.0'),
        'derived tags as the pipeline counts them',
      );
      const exception = middle.entries.find((e) => e.type === 'exception')?.data as { values: { stacktrace: { frames: Json[] } }[] };
      const frame = exception.values.at(-1)?.stacktrace.frames.at(-1) as Json;
      assert.equal(frame.lineNo, 20);
      assert.ok((frame.context as unknown[]).length > 1);
      const byProject = await getOk<Event>(server, `/api/0/projects/${server.workspace.org}/${server.workspace.project}/events/${eventIds[1]}/`);
      assert.equal(byProject.eventID, eventIds[1]);
      const message = (await allIssues(server)).find((i) => i.title === 'Payment provider returned 503') as IssueSummary;
      assertDetail(
        await apiFetch(server.url, `/api/0/issues/${message.id}/events/${eventIds[1]}/`, { as: { token: server.workspace.token } }),
        404,
        /Event not found/,
      );
    });

    it('/projects/{org}/{project}/events/: every stored event of the project, newest first', async () => {
      const events = await getOk<Event[]>(server, `/api/0/projects/${server.workspace.org}/${server.workspace.project}/events/`);
      assert.equal(events.length, 4);
      assert.equal(events[3]?.eventID, eventIds[0]);
    });

    it('reads need event:read; a token without it is refused', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const token = await mintToken(server, admin, ['project:read']);
      assertDetail(await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { as: { token } }), 403, /event:read/);
      assertDetail(await apiFetch(server.url, `/api/0/issues/${issue.id}/events/latest/`, { as: { token } }), 403, /event:read/);
    });
  });
}
