import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allScopes } from '../auth/index.js';
import { explainSkippedPostgres, runSentryCli, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

// The real sentry-cli 2.x and 3.x against a real server: the web API is only
// compatible if the tool that reads it is satisfied.
for (const dialect of testDialects()) {
  for (const major of [2, 3] as const) {
    describe(`sentry-cli ${major}.x against Faultline (${dialect})`, () => {
      let server: TestServer;
      let home: string;
      let env: (extra: Record<string, string>) => Record<string, string>;
      before(async () => {
        server = await startTestServer({ dialect });
        // An empty HOME: no ~/.sentryclirc of the developer can change the outcome.
        home = mkdtempSync(join(tmpdir(), 'faultline-cli-home-'));
        env = (extra) => ({ HOME: home, ...extra });
      });
      after(async () => {
        await server.close();
        rmSync(home, { recursive: true, force: true });
      });

      function assertOk(r: { code: number | null; stdout: string; stderr: string }, what: string): void {
        assert.equal(r.code, 0, `${what} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      }

      it('`info` with url, token, org and project configured names them and the scopes', async () => {
        const r = await runSentryCli(
          major,
          ['info'],
          env({
            SENTRY_URL: server.url,
            SENTRY_AUTH_TOKEN: server.workspace.token,
            SENTRY_ORG: server.workspace.org,
            SENTRY_PROJECT: server.workspace.project,
          }),
        );
        assertOk(r, 'info');
        assert.match(r.stdout, new RegExp(`Sentry Server: ${server.url}`));
        assert.match(r.stdout, new RegExp(`Default Organization: ${server.workspace.org}\\b`));
        assert.match(r.stdout, new RegExp(`Default Project: ${server.workspace.project}\\b`));
        assert.match(r.stdout, /Method: Auth Token/);
        assert.match(r.stdout, new RegExp(`User: ${server.workspace.admin.email}`));
        for (const scope of allScopes) assert.match(r.stdout, new RegExp(`- ${scope}\\b`), `scope ${scope} missing`);
      });

      it('`info` with only SENTRY_AUTH_TOKEN finds the server from the token', async () => {
        const r = await runSentryCli(major, ['info'], env({ SENTRY_AUTH_TOKEN: server.workspace.token }));
        assertOk(r, 'info (token only)');
        assert.match(r.stdout, new RegExp(`Sentry Server: ${server.url}`));
        assert.match(r.stdout, new RegExp(`User: ${server.workspace.admin.email}`));
        assert.match(r.stdout, /- project:releases\b/);
      });

      it('`organizations list` prints the organization', async () => {
        const r = await runSentryCli(major, ['organizations', 'list'], env({ SENTRY_AUTH_TOKEN: server.workspace.token }));
        assertOk(r, 'organizations list');
        assert.match(r.stdout, /\| ID\s+\| Name\s+\| Slug/);
        assert.match(r.stdout, new RegExp(`\\|\\s*\\d+\\s*\\|\\s*Faultline\\s*\\|\\s*${server.workspace.org}\\s*\\|`));
      });

      it('`projects list` prints the project with its team, org taken from the token', async () => {
        const r = await runSentryCli(major, ['projects', 'list'], env({ SENTRY_AUTH_TOKEN: server.workspace.token }));
        assertOk(r, 'projects list');
        assert.match(r.stdout, new RegExp(`\\|\\s*${server.workspace.projectId}\\s*\\|\\s*${server.workspace.project}\\s*\\|\\s*Faultline\\s*\\|`));
        const explicit = await runSentryCli(
          major,
          ['projects', 'list', '--org', server.workspace.org],
          env({ SENTRY_URL: server.url, SENTRY_AUTH_TOKEN: server.workspace.token }),
        );
        assertOk(explicit, 'projects list --org');
        assert.match(explicit.stdout, new RegExp(`\\|\\s*${server.workspace.project}\\s*\\|`));
      });

      it('fails clearly with a token the server does not know', async () => {
        const r = await runSentryCli(
          major,
          ['projects', 'list', '--org', server.workspace.org],
          env({ SENTRY_URL: server.url, SENTRY_AUTH_TOKEN: 'sntryu_0000000000000000000000000000000000000000000000000000000000000000' }),
        );
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, /Invalid token|401/);
      });
    });
  }
}
