// End to end on every database: events create releases, "newer release" decides regressions
// of issues resolved in a release, and issue lists embed release summaries — over HTTP, the
// queue and the real pipeline.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, newEventId, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;
type Issue = Json & { id: string; status: string; substatus: string | null; firstRelease: Json | null; lastRelease: Json | null };

for (const dialect of testDialects()) {
  describe(`releases in processing (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let org: string;
    let project: string;
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      org = server.workspace.org;
      project = server.workspace.project;
    });
    after(async () => server.close());

    /** Sends one error with this message (one issue per message) from `release`, then processes it. */
    async function send(message: string, release: string): Promise<void> {
      const id = newEventId();
      const header = { event_id: id, sdk: { name: 'sentry.javascript.node', version: '11.12.0' } };
      const event = { event_id: id, message, level: 'error', platform: 'node', release };
      const res = await post(server, `${JSON.stringify(header)}\n{"type":"event"}\n${JSON.stringify(event)}`);
      assert.equal(res.status, 200);
      await server.app.jobs.worker.drain(10_000);
    }

    async function issueOf(message: string): Promise<Issue> {
      const res = await apiFetch<Issue[]>(server.url, `/api/0/projects/${org}/${project}/issues/?query=${encodeURIComponent(`"${message}"`)}&statsPeriod=`, {
        as,
      });
      assert.equal(res.status, 200);
      const found = res.body.filter((i) => i.title === message);
      assert.equal(found.length, 1, `one issue titled ${message}`);
      return found[0] as Issue;
    }

    async function setStatus(issueId: string, body: Json): Promise<void> {
      const res = await apiFetch(server.url, `/api/0/projects/${org}/${project}/issues/?id=${issueId}`, { method: 'PUT', body, as });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }

    async function activityOf(issueId: string): Promise<Json[]> {
      const res = await apiFetch<{ activity: Json[] }>(server.url, `/api/0/organizations/${org}/issues/${issueId}/`, { as });
      assert.equal(res.status, 200);
      return res.body.activity;
    }

    it('an event with a new release creates it, linked to the project', async () => {
      await send('first of app@1', 'app@1');
      const res = await apiFetch<Json[]>(server.url, `/api/0/organizations/${org}/releases/`, { as });
      assert.equal(res.status, 200);
      const release = res.body.find((r) => r.version === 'app@1');
      assert.ok(release, 'app@1 listed');
      assert.deepEqual(
        (release.projects as Json[]).map((p) => p.slug),
        [project],
      );
      assert.notEqual(release.firstEvent, null);
    });

    it('resolved in next release: the same release stays resolved, a later one regresses and is named', async () => {
      await send('next release bug', 'app@1');
      const issue = await issueOf('next release bug');
      await setStatus(issue.id, { status: 'resolvedInNextRelease' });
      await send('next release bug', 'app@1');
      assert.equal((await issueOf('next release bug')).status, 'resolved');
      await send('next release bug', 'app@2');
      const after2 = await issueOf('next release bug');
      assert.equal(after2.status, 'unresolved');
      assert.equal(after2.substatus, 'regressed');
      const regression = (await activityOf(issue.id)).find((a) => a.type === 'set_regression');
      assert.deepEqual(regression?.data, { release: 'app@2' });
    });

    it('resolved in release X: an event from an older release does not regress it, a newer one does', async () => {
      await send('fixed in 3', 'app@2');
      await send('other issue', 'app@3'); // creates app@3 after app@2
      const issue = await issueOf('fixed in 3');
      await setStatus(issue.id, { status: 'resolved', statusDetails: { inRelease: 'app@3' } });
      await send('fixed in 3', 'app@2');
      assert.equal((await issueOf('fixed in 3')).status, 'resolved', 'an older build still has the bug');
      await send('fixed in 3', 'app@4');
      const back = await issueOf('fixed in 3');
      assert.equal(back.status, 'unresolved');
      assert.equal(back.substatus, 'regressed');
    });

    it('the issue list embeds first and last release summaries', async () => {
      const issue = await issueOf('fixed in 3');
      assert.equal(issue.firstRelease?.version, 'app@2');
      assert.equal(issue.lastRelease?.version, 'app@4');
      assert.equal(typeof issue.firstRelease?.dateCreated, 'string');
      assert.equal(typeof issue.lastRelease?.dateCreated, 'string');
    });
  });
}
