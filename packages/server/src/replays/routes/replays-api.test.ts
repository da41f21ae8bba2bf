// The replay API as Sentry's clients call it (Sentry API reference, "Replays"), over real HTTP
// on both dialects: the list's query, sort, fields and pages; details under the organization and
// a project (ids with or without dashes, project by slug or numeric id); replay-count by issue
// and replay id; errors linked both ways; scopes and another organization's replays (404).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, type PipelineHarness, sendEvent, startPipelineHarness, type TestProject } from '../../process/pipeline.test-support.js';
import { newEventId, replaySegment } from '../../process/replays/replay-envelopes.test-support.js';
import { addOrganization, addPerson, apiFetch, assertDetail, explainSkippedPostgres, mintToken, post, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

type Replay = Record<string, unknown> & { id: string };

for (const dialect of testDialects()) {
  describe(`replays API (${dialect})`, () => {
    let h: PipelineHarness;
    let p: TestProject;
    let org: string;
    const ids = { plain: newEventId(), erroring: newEventId(), buffer: newEventId(), other: newEventId() };
    let errorEventId: string;
    let issueId: number;
    const as = () => ({ token: h.server.workspace.token });
    const get = async <T>(path: string) => apiFetch<T>(h.server.url, path, { as: as() });
    const list = async (query: string) => {
      const res = await get<{ data: Replay[] }>(`/api/0/organizations/${org}/replays/?statsPeriod=1h&${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const send = async (body: Uint8Array, project = p) => {
      const res = await post(h.server, body, { projectId: project.id, query: `?sentry_key=${project.key}` });
      assert.equal(res.status, 200, await res.text());
    };

    before(async () => {
      h = await startPipelineHarness(dialect);
      org = h.server.workspace.org;
      p = await newProject(h);
      const start = h.clock.now() / 1000 - 600;
      // A plain session replay: two pages, 10 s, Firefox user jane.
      await send(
        replaySegment({
          replayId: ids.plain,
          segmentId: 0,
          startedAt: start,
          timestamp: start + 10,
          event: {
            user: { email: 'jane@example.com', id: '7' },
            contexts: { browser: { name: 'Firefox', version: '140' } },
            urls: ['https://shop.test/', 'https://shop.test/cart?token=abc'],
          },
        }),
      );
      // A replay whose error event names it (contexts.replay), 40 s, staging.
      await send(
        replaySegment({
          replayId: ids.erroring,
          segmentId: 0,
          startedAt: start + 1,
          timestamp: start + 41,
          event: { environment: 'staging', trace_ids: [`88221843${'0'.repeat(24)}`] },
        }),
      );
      // Buffer mode: the error goes first, the replay that lists it later.
      await send(replaySegment({ replayId: ids.buffer, segmentId: 0, startedAt: start + 2, timestamp: start + 5, event: { replay_type: 'buffer' } }));
      await drain(h);
      errorEventId = await sendEvent(h, p, {
        level: 'error',
        exception: { values: [{ type: 'TypeError', value: 'cart is undefined' }] },
        contexts: { replay: { replay_id: ids.erroring } },
        timestamp: h.clock.now() / 1000,
      });
      await sendEvent(h, p, { level: 'warning', message: 'slow checkout', tags: { replayId: ids.erroring }, timestamp: h.clock.now() / 1000 });
      await drain(h);
      const events = await h.server.store.db
        .selectFrom('events')
        .select(['event_id', 'issue_id'])
        .where('event_id', '=', errorEventId)
        .executeTakeFirstOrThrow();
      issueId = Number(events.issue_id);
      // A transaction of the erroring replay's trace: replay-count by transaction finds it.
      const end = h.clock.now() / 1000 - 590;
      await sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: 'GET /cart',
          start_timestamp: end - 1,
          timestamp: end,
          contexts: { trace: { trace_id: `88221843${'0'.repeat(24)}`, span_id: 'a'.repeat(16), op: 'http.server', status: 'ok' } },
          spans: [],
        },
        { itemType: 'transaction' },
      );
      const bufferedError = await sendEvent(h, p, { level: 'error', message: 'buffered failure', timestamp: h.clock.now() / 1000 });
      await drain(h);
      await send(
        replaySegment({
          replayId: ids.buffer,
          segmentId: 1,
          startedAt: start + 2,
          timestamp: start + 6,
          event: { replay_type: 'buffer', error_ids: [bufferedError] },
        }),
      );
      // Another organization's replay.
      const owner = await addPerson(h.server, 'other-owner@example.com');
      const other = await addOrganization(h.server, 'other-org', owner);
      await send(replaySegment({ replayId: ids.other, segmentId: 0, startedAt: start, timestamp: start + 3 }), {
        id: other.project.id,
        key: other.key.publicKey,
      });
      await drain(h);
    });
    after(async () => h.close());

    it('lists the organization’s replays newest first, with Sentry’s keys, and only its own', async () => {
      const data = await list('');
      assert.deepEqual(
        data.map((r) => r.id),
        [ids.buffer, ids.erroring, ids.plain],
      );
      const plain = data.find((r) => r.id === ids.plain) as Replay;
      assert.equal(plain.duration, 10);
      assert.equal(plain.count_urls, 2);
      assert.deepEqual(plain.urls, ['https://shop.test/', 'https://shop.test/cart?token=[Filtered]'], 'URL query secrets scrubbed');
      assert.deepEqual(plain.browser, { name: 'Firefox', version: '140' });
      assert.equal((plain.user as Record<string, unknown>).display_name, 'jane@example.com');
    });

    it('links errors both ways: error events naming the replay count in it, a replay_event’s error ids reach the issue', async () => {
      const [erroring] = await list(`query=id:${ids.erroring}`);
      assert.deepEqual(erroring?.error_ids, [errorEventId]);
      assert.equal(erroring?.count_errors, 1);
      assert.equal(erroring?.count_warnings, 1, 'the warning that tagged replayId');
      const byIssue = await get<Record<string, number>>(
        `/api/0/organizations/${org}/replay-count/?query=issue.id:[${issueId}]&data_source=discover&statsPeriod=90d&project=-1`,
      );
      assert.deepEqual(byIssue.body, { [String(issueId)]: 1 });
      const withIds = await get<Record<string, string[]>>(
        `/api/0/organizations/${org}/replay-count/?returnIds=true&query=issue.id:[${issueId}]&statsPeriod=90d`,
      );
      assert.deepEqual(withIds.body, { [String(issueId)]: [ids.erroring] });
      const buffered = await h.server.store.db
        .selectFrom('events')
        .select('issue_id')
        .where('event_id', '!=', errorEventId)
        .where('type', '=', 'event')
        .where('project_id', '=', p.id)
        .execute();
      const counts = await get<Record<string, number>>(
        `/api/0/organizations/${org}/replay-count/?query=issue.id:[${buffered.map((b) => b.issue_id).join(',')}]`,
      );
      assert.equal(
        Object.values(counts.body).reduce((a, b) => a + b, 0),
        2,
        'the warning’s issue and the buffered error’s issue each have one replay',
      );
      const byReplay = await get<Record<string, number>>(`/api/0/organizations/${org}/replay-count/?query=replay_id:[${ids.plain},${ids.other}]`);
      assert.deepEqual(byReplay.body, { [ids.plain]: 1 }, 'another organization’s replay is not counted');
      const byTransaction = await get<Record<string, number>>(
        `/api/0/organizations/${org}/replay-count/?query=${encodeURIComponent('transaction:["GET /cart","GET /other"]')}&data_source=transactions`,
      );
      assert.deepEqual(byTransaction.body, { 'GET /cart': 1 });
      assertDetail(await get(`/api/0/organizations/${org}/replay-count/?query=transaction.duration:>1`), 400);
    });

    it('an error that names a replay not stored yet: the replay takes it in when it arrives, nothing shows before', async () => {
      const q = await newProject(h);
      const late = newEventId();
      const errorId = await sendEvent(h, q, { level: 'error', message: 'declined before the replay came', tags: { replayId: late } });
      await drain(h);
      assertDetail(await get(`/api/0/organizations/${org}/replays/${late}/`), 404);
      assert.ok(!(await list(`project=${q.id}`)).some((r) => r.id === late));
      const existing = await get<Record<string, number>>(`/api/0/organizations/${org}/replay-count/?query=replay_id:[${late}]`);
      assert.deepEqual(existing.body, {});
      // Two hours ago: outside the other cases' one-hour lists.
      const start = h.clock.now() / 1000 - 7200;
      await send(replaySegment({ replayId: late, segmentId: 0, startedAt: start, timestamp: start + 3, event: { replay_type: 'buffer' } }), q);
      await drain(h);
      const res = await get<{ data: Replay }>(`/api/0/organizations/${org}/replays/${late}/`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.data.error_ids, [errorId]);
      assert.equal(res.body.data.count_errors, 1);
      assert.equal(res.body.data.duration, 3, 'the placeholder’s times are not the replay’s');
    });

    it('filters with the replay search and sorts by any key', async () => {
      const idsOf = async (q: string) => (await list(q)).map((r) => r.id);
      assert.deepEqual(await idsOf('query=count_errors:>0&sort=started_at'), [ids.erroring, ids.buffer]);
      assert.deepEqual(await idsOf('query=duration:>30s'), [ids.erroring]);
      assert.deepEqual(await idsOf('query=duration:<1m%20!environment:staging&sort=-duration'), [ids.plain, ids.buffer]);
      assert.deepEqual(await idsOf(`query=${encodeURIComponent('url:*cart*')}`), [ids.plain]);
      assert.deepEqual(await idsOf('query=user.email:jane@example.com'), [ids.plain]);
      assert.deepEqual(await idsOf('query=browser.name:Firefox'), [ids.plain]);
      assert.deepEqual(await idsOf('query=replay_type:buffer'), [ids.buffer]);
      assert.deepEqual(await idsOf(`query=error_ids:${errorEventId}`), [ids.erroring]);
      assert.deepEqual(await idsOf(`query=trace_ids:88221843${'0'.repeat(24)}`), [ids.erroring]);
      assert.deepEqual(await idsOf('query=release:shop@1.0.0&environment=staging'), [ids.erroring]);
      const dashed = `${ids.plain.slice(0, 8)}-${ids.plain.slice(8, 12)}-${ids.plain.slice(12, 16)}-${ids.plain.slice(16, 20)}-${ids.plain.slice(20)}`;
      assert.deepEqual(await idsOf(`query=id:${dashed}`), [ids.plain]);
      assert.deepEqual(await idsOf('sort=-count_errors&query=!replay_type:buffer'), [ids.erroring, ids.plain]);
      assert.deepEqual(await idsOf('orderBy=-duration'), [ids.erroring, ids.plain, ids.buffer], 'orderBy is sort’s alias');
      assert.deepEqual(await idsOf(`query=id:[${ids.plain},${ids.buffer}]&sort=started_at`), [ids.plain, ids.buffer]);
      assert.deepEqual(await idsOf(`project=${p.id}&sort=started_at`), [ids.plain, ids.erroring, ids.buffer]);
      assert.deepEqual(await idsOf('project=999999'), [], 'a project of no one’s');
      const recent = await get<{ data: Replay[] }>(`/api/0/organizations/${org}/replays/?statsPeriod=1m`);
      assert.deepEqual(recent.body.data, [], 'every replay ended 9 minutes ago');
      assertDetail(await get(`/api/0/organizations/${org}/replays/?query=${encodeURIComponent('url:"unterminated')}`), 400);
      assertDetail(await get(`/api/0/organizations/${org}/replays/?sort=password`), 400);
      assertDetail(await get(`/api/0/organizations/${org}/replays/?query=duration:>5parsecs`), 400);
    });

    it('limits keys with field= and pages with Sentry’s Link header', async () => {
      const first = await get<{ data: Replay[] }>(`/api/0/organizations/${org}/replays/?statsPeriod=1h&per_page=2&field=id&field=count_errors`);
      assert.deepEqual(Object.keys(first.body.data[0] ?? {}).sort(), ['count_errors', 'id']);
      assert.equal(first.body.data.length, 2);
      const link = String(first.headers.get('link'));
      assert.match(link, /rel="next"; results="true"; cursor="0:2:0"/);
      const second = await get<{ data: Replay[] }>(`/api/0/organizations/${org}/replays/?statsPeriod=1h&per_page=2&field=id&cursor=0:2:0`);
      assert.deepEqual(
        second.body.data.map((r) => r.id),
        [ids.plain],
      );
      assert.match(String(second.headers.get('link')), /rel="next"; results="false"/);
    });

    it('details under the organization and the project (slug or numeric id, id with dashes); another organization’s is 404', async () => {
      const dashed = `${ids.plain.slice(0, 8)}-${ids.plain.slice(8, 12)}-${ids.plain.slice(12, 16)}-${ids.plain.slice(16, 20)}-${ids.plain.slice(20)}`;
      const project = await h.server.store.projects.byId(p.id);
      for (const path of [
        `/api/0/organizations/${org}/replays/${ids.plain}/`,
        `/api/0/organizations/${org}/replays/${dashed}/`,
        `/api/0/projects/${org}/${p.id}/replays/${ids.plain}/`,
        `/api/0/projects/${org}/${project?.slug}/replays/${dashed.toUpperCase()}/`,
      ]) {
        const res = await get<{ data: Replay }>(path);
        assert.equal(res.status, 200, path);
        assert.equal(res.body.data.id, ids.plain);
      }
      assertDetail(await get(`/api/0/organizations/${org}/replays/${ids.other}/`), 404);
      assertDetail(await get(`/api/0/organizations/other-org/replays/${ids.other}/`), 404);
      assertDetail(await get(`/api/0/organizations/${org}/replays/not-an-id/`), 404);
      assertDetail(await get(`/api/0/projects/${org}/${p.id}/replays/${ids.other}/recording-segments/?download`), 404);
    });

    it('marks a replay viewed by the caller: viewed-by lists who, has_viewed is each caller’s own', async () => {
      const admin = await h.server.store.users.byEmail(h.server.workspace.admin.email);
      assert.ok(admin);
      const colleague = await addPerson(h.server, `colleague-${dialect}@example.com`, { [org]: 'member' });
      const theirs = { token: await mintToken(h.server, colleague, ['project:read']) };
      const path = `/api/0/projects/${org}/${p.id}/replays/${ids.plain}/viewed-by/`;
      const hasViewed = async (caller: { token: string }) => {
        const res = await apiFetch<{ data: Replay[] }>(h.server.url, `/api/0/organizations/${org}/replays/?statsPeriod=1h&field=id&field=has_viewed`, {
          as: caller,
        });
        return Object.fromEntries(res.body.data.map((r) => [r.id, r.has_viewed]));
      };
      assert.deepEqual((await get<{ data: { viewed_by: unknown[] } }>(path)).body.data.viewed_by, []);
      assert.equal((await hasViewed(as()))[ids.plain], false);

      assert.equal((await apiFetch(h.server.url, path, { method: 'POST', as: as() })).status, 204);
      assert.equal((await apiFetch(h.server.url, path, { method: 'POST', as: as() })).status, 204, 'a second view changes nothing');
      assert.equal((await hasViewed(as()))[ids.plain], true);
      assert.equal((await hasViewed(as()))[ids.erroring], false, 'only the replay opened');
      assert.equal((await hasViewed(theirs))[ids.plain], false, 'another member has not viewed it');
      const details = await get<{ data: Replay }>(`/api/0/organizations/${org}/replays/${ids.plain}/`);
      assert.equal(details.body.data.has_viewed, true);

      assert.equal((await apiFetch(h.server.url, path, { method: 'POST', as: theirs })).status, 204);
      const viewers = (await get<{ data: { id: string; viewed_by: { id: string; email: string }[] } }>(path)).body.data;
      assert.equal(viewers.id, ids.plain);
      assert.deepEqual(
        viewers.viewed_by.map((u) => [u.id, u.email]),
        [
          [String(admin.id), admin.email],
          [String(colleague.id), colleague.email],
        ],
      );
      // Another organization's member cannot mark or read it.
      const stranger = await addPerson(h.server, `stranger-${dialect}@example.com`);
      await addOrganization(h.server, `elsewhere-${dialect}`, stranger);
      const strangers = { token: await mintToken(h.server, stranger, ['project:read', 'org:read']) };
      assertDetail(await apiFetch(h.server.url, path, { method: 'POST', as: strangers }), 404);
      assertDetail(await apiFetch(h.server.url, path, { as: strangers }), 404);
      assertDetail(await apiFetch(h.server.url, `/api/0/projects/${org}/${p.id}/replays/${ids.other}/viewed-by/`, { method: 'POST', as: as() }), 404);
    });

    it('reads take org:read or project:read; delete takes project:write', async () => {
      const admin = await h.server.store.users.byEmail(h.server.workspace.admin.email);
      assert.ok(admin);
      const projectReader = await mintToken(h.server, admin, ['project:read']);
      const eventsOnly = await mintToken(h.server, admin, ['event:read']);
      const path = `/api/0/projects/${org}/${p.id}/replays/${ids.buffer}/`;
      assert.equal((await apiFetch(h.server.url, path, { as: { token: projectReader } })).status, 200);
      assertDetail(await apiFetch(h.server.url, path, { as: { token: eventsOnly } }), 403);
      assertDetail(await apiFetch(h.server.url, path, { method: 'DELETE', as: { token: projectReader } }), 403);
      const writer = await mintToken(h.server, admin, ['project:write']);
      const deleted = await apiFetch(h.server.url, path, { method: 'DELETE', as: { token: writer } });
      assert.equal(deleted.status, 202);
      const after = await get<{ data: Replay }>(path);
      assert.equal(after.body.data.is_archived, true);
      assert.ok(!(await list('')).some((r) => r.id === ids.buffer), 'archived replays leave the list');
    });
  });
}
