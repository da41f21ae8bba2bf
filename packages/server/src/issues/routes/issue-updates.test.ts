import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addPerson, apiFetch, assertDetail, explainSkippedPostgres, mintToken, type TestServer, testDialects } from '../../testing/index.js';
import { allIssues, CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;

// People changing issues: status, assignee, review, merge, delete — and the pipeline reading
// what they set (a resolved issue regresses on the next event).
for (const dialect of testDialects()) {
  describe(`changing issues (${dialect})`, () => {
    let server: TestServer;
    let bulk: string;
    const as = () => ({ token: server.workspace.token });
    const put = (path: string, body: unknown) => apiFetch<Json>(server.url, path, { method: 'PUT', as: as(), body });
    const byTitle = async (title: string) => (await allIssues(server)).find((i) => i.title === title) as IssueSummary;

    before(async () => {
      server = await startIssueServer(dialect);
      bulk = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/issues/`;
      for (const name of [CAPTURES.nodeTypeError, CAPTURES.nodeFingerprinted, CAPTURES.nodeMessage, CAPTURES.nodeExpress, CAPTURES.python, CAPTURES.browser]) {
        await sendCapture(server, name);
      }
      await sendCapture(server, CAPTURES.python);
      await drain(server);
    });
    after(() => server.close());

    it('resolve, then a new event regresses the issue (the pipeline reads what the API wrote)', async () => {
      const issue = await byTitle("KeyError: 'items'");
      const res = await put(`/api/0/issues/${issue.id}/`, { status: 'resolved' });
      assert.equal(res.status, 200);
      assert.deepEqual([res.body.id, res.body.status, res.body.statusDetails], [issue.id, 'resolved', {}]);
      assert.equal(((res.body.activity as Json[])[0] as Json).type, 'set_resolved');
      assert.equal(((res.body.activity as Json[])[0] as { user: Json }).user.email, server.workspace.admin.email);
      await sendCapture(server, CAPTURES.python);
      await drain(server);
      const after = await getOk<Json>(server, `/api/0/issues/${issue.id}/`);
      assert.deepEqual([after.status, after.substatus], ['unresolved', 'regressed']);
      const regressed = await getOk<IssueSummary[]>(server, `${bulk}?query=is:regressed`);
      assert.deepEqual(
        regressed.map((i) => i.id),
        [issue.id],
      );
    });

    it('resolve in the next release: statusDetails, activity, and events of the same release do not regress it', async () => {
      const issue = await byTitle('TypeError: Cannot read items of order 7');
      const res = await put(`${bulk}?id=${issue.id}`, { status: 'resolvedInNextRelease' });
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'resolved');
      assert.equal((res.body.statusDetails as Json).inNextRelease, true);
      await sendCapture(server, CAPTURES.nodeTypeError);
      await drain(server);
      assert.equal((await getOk<Json>(server, `/api/0/issues/${issue.id}/`)).status, 'resolved');
      // What a later release does is the releases module's rule (issue #6); the same release never regresses.
      const detail = await getOk<Json>(server, `/api/0/issues/${issue.id}/`);
      assert.deepEqual(detail.statusDetails, { inNextRelease: true });
      assert.equal(((detail.activity as Json[])[0] as Json).type, 'set_resolved_in_release');
    });

    it('ignore until N more events, mute (sentry-cli’s word), and unresolve', async () => {
      const issue = await byTitle('Payment provider returned 503');
      const res = await put(`${bulk}?id=${issue.id}`, { status: 'ignored', statusDetails: { ignoreCount: 100, ignoreWindow: 60 } });
      assert.deepEqual([res.body.status, res.body.substatus], ['ignored', 'archived_until_condition_met']);
      assert.deepEqual({ ...(res.body.statusDetails as Json), actor: undefined }, { ignoreCount: 100, ignoreWindow: 60, actor: undefined });
      const g = await getOk<Json>(server, `/api/0/issues/${issue.id}/`);
      assert.deepEqual(g.statusDetails, { ignoreCount: 100, ignoreWindow: 60 });
      const muted = await put(`${bulk}?id=${issue.id}`, { status: 'muted', snoozeDuration: 30 });
      assert.equal(muted.body.status, 'ignored');
      assert.match(String((muted.body.statusDetails as Json).ignoreUntil), /^\d{4}-\d\d-\d\dT/);
      const back = await put(`${bulk}?id=${issue.id}`, { status: 'unresolved' });
      assert.deepEqual([back.body.status, back.body.substatus, back.body.statusDetails], ['unresolved', 'ongoing', {}]);
      assertDetail(await put(`${bulk}?id=${issue.id}`, { status: 'ignored', statusDetails: { ignoreCount: -1 } }), 400, /ignoreCount/);
      assertDetail(await put(`${bulk}?id=${issue.id}`, { status: 'bogus' }), 400, /status must be one of/);
      assertDetail(await put(`${bulk}?id=${issue.id}`, { discard: true }), 400, /Unsupported field/);
    });

    it('assign to a member by e-mail or user:ID, to a team, and unassign; strangers are refused', async () => {
      const issue = await byTitle('Error: custom fingerprinted');
      const bob = await addPerson(server, 'bob@assign.test', { [server.workspace.org]: 'member' });
      const toBob = await put(`/api/0/issues/${issue.id}/`, { assignedTo: 'bob@assign.test' });
      assert.deepEqual(toBob.body.assignedTo, { type: 'user', id: String(bob.id), name: 'bob', email: 'bob@assign.test' });
      assert.deepEqual(
        (await getOk<IssueSummary[]>(server, `${bulk}?query=${encodeURIComponent('assigned:bob@assign.test')}`)).map((i) => i.id),
        [issue.id],
      );
      const org = await server.store.organizations.bySlug(server.workspace.org);
      assert.ok(org);
      const team = (await server.store.teams.list(org.id))[0];
      assert.ok(team, 'the bootstrap creates a team');
      const toTeam = await put(`/api/0/issues/${issue.id}/`, { assignedTo: `team:${team.id}` });
      assert.deepEqual(toTeam.body.assignedTo, { type: 'team', id: String(team.id), name: team.slug });
      const toUser = await put(`/api/0/issues/${issue.id}/`, { assignedTo: `user:${bob.id}` });
      assert.equal((toUser.body.assignedTo as Json).id, String(bob.id));
      const none = await put(`/api/0/issues/${issue.id}/`, { assignedTo: '' });
      assert.equal(none.body.assignedTo, null);
      const types = ((await getOk<Json>(server, `/api/0/issues/${issue.id}/`)).activity as Json[]).map((a) => a.type);
      assert.deepEqual(types.slice(0, 4), ['unassigned', 'assigned', 'assigned', 'assigned']);
      await addPerson(server, 'stranger@elsewhere.test');
      assertDetail(await put(`/api/0/issues/${issue.id}/`, { assignedTo: 'stranger@elsewhere.test' }), 400, /Unknown actor/);
      assertDetail(await put(`/api/0/issues/${issue.id}/`, { assignedTo: 'team:999999' }), 400, /Unknown actor/);
    });

    it('inbox: false marks reviewed: the issue leaves is:for_review until it regresses', async () => {
      const issue = await byTitle('Error: user lookup failed for 17');
      const inbox = async () => (await getOk<IssueSummary[]>(server, `${bulk}?query=is:for_review`)).map((i) => i.id);
      assert.ok((await inbox()).includes(issue.id));
      const res = await put(`${bulk}?id=${issue.id}`, { inbox: false });
      assert.equal(res.body.inbox, null);
      assert.ok(!(await inbox()).includes(issue.id));
    });

    it('merge: into the issue with most events; counts add up, events and hashes move, the other disappears', async () => {
      const big = await byTitle("KeyError: 'items'");
      const small = await byTitle("TypeError: Cannot read properties of undefined (reading 'length')");
      const before = await allIssues(server);
      const res = await put(`${bulk}?id=${big.id}&id=${small.id}`, { merge: 1 });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.merge, { parent: big.id, children: [small.id] });
      const list = await allIssues(server);
      assert.equal(list.length, before.length - 1);
      assert.ok(!list.some((i) => i.id === small.id));
      const parent = await getOk<Json>(server, `/api/0/issues/${big.id}/`);
      assert.equal(parent.count, String(Number(big.count) + Number(small.count)));
      assert.equal(((parent.activity as Json[])[0] as Json).type, 'merge');
      const events = await getOk<Json[]>(server, `/api/0/issues/${big.id}/events/`);
      assert.equal(events.length, Number(parent.count));
      const tags = await getOk<Json[]>(server, `/api/0/issues/${big.id}/tags/`);
      assert.equal((tags.find((t) => t.key === 'level') as Json).totalValues, Number(parent.count));
      // The merged-away id still answers, with the issue it went into (Sentry redirects).
      assert.equal((await getOk<Json>(server, `/api/0/issues/${small.id}/`)).id, big.id);
      // A new event with the merged issue's fingerprint lands on the parent.
      await sendCapture(server, CAPTURES.browser);
      await drain(server);
      assert.equal((await getOk<Json>(server, `/api/0/issues/${big.id}/`)).count, String(Number(parent.count) + 1));
      assertDetail(await put(`${bulk}?id=${big.id}`, { merge: 1 }), 400, /at least two/);
    });

    it('writes need event:write, deletes event:admin; delete removes the issue and its events', async () => {
      const issue = await byTitle('Error: custom fingerprinted');
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const reader = await mintToken(server, admin, ['event:read']);
      const writer = await mintToken(server, admin, ['event:write']);
      assertDetail(
        await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { method: 'PUT', as: { token: reader }, body: { status: 'resolved' } }),
        403,
        /event:write/,
      );
      assertDetail(await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { method: 'DELETE', as: { token: writer } }), 403, /event:admin/);
      assertDetail(await apiFetch(server.url, `${bulk}?id=${issue.id}`, { method: 'DELETE', as: { token: writer } }), 403, /event:admin/);
      const events = await getOk<Json[]>(server, `/api/0/issues/${issue.id}/events/`);
      assert.equal((await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { method: 'DELETE', as: as() })).status, 202);
      assertDetail(await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { as: as() }), 404);
      const left = await getOk<Json[]>(server, `/api/0/projects/${server.workspace.org}/${server.workspace.project}/events/?limit=100`);
      assert.ok(events.length > 0 && events.every((e) => !left.some((l) => l.eventID === e.eventID)));
      const other = await byTitle('Error: user lookup failed for 17');
      assert.equal((await apiFetch(server.url, `${bulk}?id=${other.id}`, { method: 'DELETE', as: as() })).status, 204);
      assert.ok(!(await allIssues(server)).some((i) => i.id === other.id));
    });

    it('bulk by query: no ids changes every issue the query matches (default is:unresolved); nothing matched is 204', async () => {
      const res = await put(`${bulk}?query=${encodeURIComponent('level:warning')}`, { status: 'resolved' });
      assert.equal(res.status, 200);
      assert.deepEqual(
        (await allIssues(server)).filter((i) => i.level === 'warning').map((i) => i.status),
        ['resolved'],
      );
      assert.equal((await put(`${bulk}?query=${encodeURIComponent('level:warning is:unresolved')}`, { status: 'resolved' })).status, 204);
      assert.equal((await put(`${bulk}?id=999999`, { status: 'resolved' })).status, 204);
      assert.equal((await put(bulk, { status: 'resolved' })).status, 200);
      assert.ok((await allIssues(server)).every((i) => i.status === 'resolved'));
      assert.equal((await put(`${bulk}?status=resolved`, { status: 'unresolved' })).status, 200);
      assert.ok((await allIssues(server)).every((i) => i.status === 'unresolved'));
    });
  });
}
