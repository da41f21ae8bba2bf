import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type ProcessResult, runSentryCli, type TestServer, testDialects } from '../../testing/index.js';
import { allIssues, CAPTURES, drain, getOk, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

// The real sentry-cli 2.x and 3.x listing and changing issues made by the pipeline; every
// change is checked through the API, not through the CLI's own report.
for (const dialect of testDialects()) {
  for (const major of [2, 3] as const) {
    describe(`sentry-cli ${major}.x issues (${dialect})`, () => {
      let server: TestServer;
      let home: string;
      let issues: IssueSummary[];
      const cli = (...args: string[]) =>
        runSentryCli(major, args, {
          HOME: home,
          SENTRY_URL: server.url,
          SENTRY_AUTH_TOKEN: server.workspace.token,
          SENTRY_ORG: server.workspace.org,
          SENTRY_PROJECT: server.workspace.project,
        });
      const ok = (r: ProcessResult, what: string) => assert.equal(r.code, 0, `${what} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      const statusOf = async (id: string) => (await getOk<IssueSummary>(server, `/api/0/issues/${id}/`)).status;

      before(async () => {
        server = await startIssueServer(dialect);
        home = mkdtempSync(join(tmpdir(), 'faultline-cli-home-'));
        for (const name of [CAPTURES.nodeTypeError, CAPTURES.nodeMessage, CAPTURES.python, CAPTURES.browser]) await sendCapture(server, name);
        await drain(server);
        issues = await allIssues(server);
        assert.equal(issues.length, 4);
      });
      after(async () => {
        await server.close();
        rmSync(home, { recursive: true, force: true });
      });

      it('`issues list` prints every issue: id, short id, title, status, level', async () => {
        const r = await cli('issues', 'list');
        ok(r, 'issues list');
        for (const i of issues) {
          assert.match(r.stdout, new RegExp(`\\|\\s*${i.id}\\s*\\|\\s*${i.shortId}\\s*\\|\\s*${i.title.slice(0, 20).replace(/[()[\]{}.*+?^$|\\]/g, '\\$&')}`));
        }
        assert.match(r.stdout, /\|\s*unresolved\s*\|\s*warning\s*\|/);
      });

      it('`issues list --query` searches', async () => {
        const r = await cli('issues', 'list', '--query', 'level:warning');
        ok(r, 'issues list --query');
        assert.match(r.stdout, /Payment provider returned 503/);
        assert.doesNotMatch(r.stdout, /KeyError/);
      });

      it('`issues resolve -i`, `mute -i`, `unresolve -i` change the status', async () => {
        const [a, b] = issues as [IssueSummary, IssueSummary];
        ok(await cli('issues', 'resolve', '-i', a.id), 'resolve');
        assert.equal(await statusOf(a.id), 'resolved');
        assert.equal(await statusOf(b.id), 'unresolved');
        ok(await cli('issues', 'mute', '-i', b.id), 'mute');
        assert.equal(await statusOf(b.id), 'ignored');
        ok(await cli('issues', 'unresolve', '-i', a.id), 'unresolve');
        assert.equal(await statusOf(a.id), 'unresolved');
        ok(await cli('issues', 'unresolve', '-s', 'muted'), 'unresolve -s muted');
        assert.equal(await statusOf(b.id), 'unresolved');
      });

      it('`issues resolve --all` resolves every unresolved issue', async () => {
        ok(await cli('issues', 'resolve', '--all'), 'resolve --all');
        assert.deepEqual(
          (await allIssues(server)).map((i) => i.status),
          ['resolved', 'resolved', 'resolved', 'resolved'],
        );
        const listed = await cli('issues', 'list');
        ok(listed, 'issues list');
        assert.equal((listed.stdout.match(/\|\s*resolved\s*\|/g) ?? []).length, 4);
        ok(await cli('issues', 'unresolve', '-s', 'resolved'), 'unresolve -s resolved');
        assert.ok((await allIssues(server)).every((i) => i.status === 'unresolved'));
      });

      it('`events list` prints the project’s events', async () => {
        const r = await cli('events', 'list');
        ok(r, 'events list');
        assert.match(r.stdout, /KeyError: 'items'/);
        assert.equal((r.stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-/g) ?? []).length, 4);
      });
    });
  }
}
