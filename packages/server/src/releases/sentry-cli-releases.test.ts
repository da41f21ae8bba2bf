import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  apiFetch,
  explainSkippedPostgres,
  mintToken,
  type ProcessResult,
  runSentryCli,
  startTestServer,
  type TestServer,
  testDialects,
} from '../testing/index.js';
import { buildApp } from './sample-app.test-support.js';

explainSkippedPostgres();

// The real sentry-cli 2.x and 3.x against a real server (docs/releases.md › sentry-cli against Faultline):
// every command the issue names, asserted on what the CLI prints and on what the server then holds.

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const gitMissing = spawnSync('git', ['--version']).status !== 0;

for (const dialect of testDialects()) {
  for (const major of [2, 3] as const) {
    describe(`sentry-cli ${major}.x releases and source maps (${dialect})`, () => {
      let server: TestServer;
      let home: string;
      let work: string;
      let env: Record<string, string>;
      let as: { token: string };
      let org: string;
      async function cli(args: string[], options: { cwd?: string; token?: string; expect?: number } = {}): Promise<ProcessResult> {
        const r = await runSentryCli(major, args, options.token ? { ...env, SENTRY_AUTH_TOKEN: options.token } : env, options.cwd ?? work);
        assert.equal(r.code, options.expect ?? 0, `sentry-cli ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
        return r;
      }
      const release = (v: string) => apiFetch<Record<string, unknown>>(server.url, `/api/0/organizations/${org}/releases/${encodeURIComponent(v)}/`, { as });

      before(async () => {
        server = await startTestServer({ dialect });
        // An empty HOME and a directory that is no git repository: nothing of the developer's leaks in.
        home = mkdtempSync(join(tmpdir(), 'faultline-cli-home-'));
        work = mkdtempSync(join(tmpdir(), 'faultline-cli-work-'));
        org = server.workspace.org;
        as = { token: server.workspace.token };
        env = { HOME: home, SENTRY_URL: server.url, SENTRY_AUTH_TOKEN: server.workspace.token, SENTRY_ORG: org, SENTRY_PROJECT: server.workspace.project };
      });
      after(async () => {
        await server.close();
        rmSync(home, { recursive: true, force: true });
        rmSync(work, { recursive: true, force: true });
      });

      it('info shows the project:releases scope', async () => {
        const r = await cli(['info']);
        assert.match(r.stdout, /- project:releases\b/);
      });

      it('releases new / list / info / finalize / delete', async () => {
        assert.match((await cli(['releases', 'new', 'myapp@1.2.3'])).stdout, /Created release myapp@1\.2\.3/);
        // Creating again is harmless (sentry-cli does it before set-commits and uploads).
        await cli(['releases', 'new', 'myapp@1.2.3']);
        await cli(['releases', 'new', 'doomed@0.1']);
        const list = await cli(['releases', 'list']);
        assert.match(list.stdout, /\(unreleased\)\s*\|\s*myapp@1\.2\.3/);
        assert.match(list.stdout, /doomed@0\.1/);
        assert.match((await cli(['releases', 'info', 'myapp@1.2.3'])).stdout, /myapp@1\.2\.3/);
        assert.match((await cli(['releases', 'finalize', 'myapp@1.2.3'])).stdout, /Finalized release myapp@1\.2\.3/);
        assert.ok(!Number.isNaN(Date.parse(String((await release('myapp@1.2.3')).body.dateReleased))));
        assert.doesNotMatch((await cli(['releases', 'list'])).stdout, /\(unreleased\)\s*\|\s*myapp@1\.2\.3/);
        // archive/restore: sentry-cli posts the release again with `projects: []` and a status.
        await cli(['releases', 'archive', 'doomed@0.1']);
        assert.equal((await release('doomed@0.1')).body.status, 'archived');
        assert.doesNotMatch((await cli(['releases', 'list'])).stdout, /doomed@0\.1/);
        await cli(['releases', 'restore', 'doomed@0.1']);
        assert.equal((await release('doomed@0.1')).body.status, 'open');
        assert.match((await cli(['releases', 'delete', 'doomed@0.1'])).stdout, /Deleted release doomed@0\.1/);
        assert.equal((await release('doomed@0.1')).status, 404);
        // `releases info` is sentry-cli's existence check: a missing release exits 1, silently.
        assert.equal((await cli(['releases', 'info', 'doomed@0.1'], { expect: 1 })).stdout, '');
      });

      it('deploys new -e production (both spellings) and list', async () => {
        assert.match(
          (await cli(['releases', 'deploys', 'myapp@1.2.3', 'new', '-e', 'production', '-n', 'deploy-42'])).stdout,
          /Created new deploy deploy-42 for 'production'/,
        );
        await cli(['deploys', 'new', '--release', 'myapp@1.2.3', '-e', 'staging']);
        const list = await cli(['releases', 'deploys', 'myapp@1.2.3', 'list']);
        assert.match(list.stdout, /production\s*\|\s*deploy-42/);
        assert.match(list.stdout, /staging/);
        assert.equal((await release('myapp@1.2.3')).body.deployCount, 2);
      });

      it('set-commits --commit REPO@SHA once the repository exists', async () => {
        const sha = '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';
        const repo = await apiFetch(server.url, `/api/0/organizations/${org}/repos/`, {
          method: 'POST',
          as,
          body: { name: 'myorg/myrepo', url: 'https://github.com/myorg/myrepo', provider: 'integrations:github' },
        });
        assert.equal(repo.status, 201);
        const r = await cli(['releases', 'set-commits', 'myapp@1.2.3', '--commit', `myorg/myrepo@${sha}`]);
        assert.match(r.stdout, /myorg\/myrepo\s*\|\s*2f4a1b3c4d5e/);
        assert.equal(((await release('myapp@1.2.3')).body.lastCommit as { id: string }).id, sha);
      });

      it('set-commits --auto in a git checkout whose origin is the repository', { skip: gitMissing ? 'git is not installed' : false }, async () => {
        const checkout = mkdtempSync(join(tmpdir(), 'faultline-cli-git-'));
        try {
          git(checkout, 'init', '-q');
          git(checkout, 'remote', 'add', 'origin', 'https://github.com/myorg/myrepo.git');
          writeFileSync(join(checkout, 'a.txt'), 'a');
          git(checkout, 'add', 'a.txt');
          git(checkout, 'commit', '-qm', 'first');
          const head = git(checkout, 'rev-parse', 'HEAD');
          await cli(['releases', 'new', 'auto@1']);
          const r = await cli(['releases', 'set-commits', 'auto@1', '--auto'], { cwd: checkout });
          assert.match(r.stdout, new RegExp(`myorg/myrepo\\s*\\|\\s*${head.slice(0, 12)}`));
          const commits = await apiFetch<{ id: string; repository: { name: string } }[]>(server.url, `/api/0/organizations/${org}/releases/auto@1/commits/`, {
            as,
          });
          assert.deepEqual(
            commits.body.map((c) => [c.id, c.repository.name]),
            [[head, 'myorg/myrepo']],
          );
        } finally {
          rmSync(checkout, { recursive: true, force: true });
        }
      });

      it('sourcemaps inject, then upload through chunks and assemble with --wait', async () => {
        const dist = await buildApp(work);
        const inject = await cli(['sourcemaps', 'inject', dist]);
        assert.match(inject.stdout, /Modified: The following source files have been modified to have debug ids/);
        const debugId = /debugId=([0-9a-f-]{36})/.exec(readFileSync(join(dist, 'app.min.js'), 'utf8'))?.[1];
        assert.ok(debugId);
        const upload = await cli(['sourcemaps', 'upload', '--release', 'myapp@1.2.3', '--dist', 'web', '--wait', dist]);
        assert.match(upload.stdout, /File processing complete/);
        assert.match(upload.stdout, new RegExp(`~/app\\.min\\.js \\(sourcemap at app\\.min\\.js\\.map, debug id ${debugId}\\)`));
        const bundles = await apiFetch<{ fileCount: number; associations: unknown[] }[]>(
          server.url,
          `/api/0/projects/${org}/${server.workspace.project}/files/artifact-bundles/`,
          { as },
        );
        assert.equal(bundles.body.length, 1);
        assert.deepEqual(bundles.body[0]?.associations, [{ release: 'myapp@1.2.3', dist: 'web' }]);
        const ref = await server.store.artifacts.lookup.byDebugIds(server.workspace.projectId, [debugId]);
        assert.deepEqual(ref.map((f) => f.type).sort(), ['minified_source', 'source_map']);
        // The same files again: the server already has them.
        assert.match(
          (await cli(['sourcemaps', 'upload', '--release', 'myapp@1.2.3', '--dist', 'web', '--wait', dist])).stdout,
          /Nothing to upload, all files are on the server/,
        );
      });

      it('refuses an upload with a token lacking project:releases (403)', async () => {
        const admin = await server.store.users.byEmail(server.workspace.admin.email);
        assert.ok(admin);
        const weak = await mintToken(server, admin, ['project:read', 'org:read', 'event:write']);
        const dist = await buildApp(join(work, 'weak'));
        const r = await cli(['sourcemaps', 'upload', '--release', 'myapp@1.2.3', dist], { token: weak, expect: 1 });
        assert.match(r.stderr, /403|permission|scope/i);
      });
    });
  }
}

describe('sentry-cli against a server without chunk upload (FAULTLINE_CHUNK_UPLOAD_ENABLED=false)', () => {
  let server: TestServer;
  let home: string;
  let work: string;
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer({ env: { FAULTLINE_CHUNK_UPLOAD_ENABLED: 'false' } });
    home = mkdtempSync(join(tmpdir(), 'faultline-cli-home-'));
    work = mkdtempSync(join(tmpdir(), 'faultline-cli-work-'));
    env = {
      HOME: home,
      SENTRY_URL: server.url,
      SENTRY_AUTH_TOKEN: server.workspace.token,
      SENTRY_ORG: server.workspace.org,
      SENTRY_PROJECT: server.workspace.project,
    };
  });
  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('2.x falls back to the per-file release upload (captures sentry-cli-2.58.6-legacy-upload)', async () => {
    const dist = await buildApp(work);
    assert.equal((await runSentryCli(2, ['sourcemaps', 'inject', dist], env, work)).code, 0);
    const r = await runSentryCli(2, ['sourcemaps', 'upload', '--release', 'myapp@1.2.3', '--dist', 'web', dist], env, work);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Upload type: single file\/legacy upload/);
    const files = await apiFetch<{ name: string; dist: string; headers: Record<string, string> }[]>(
      server.url,
      `/api/0/projects/${server.workspace.org}/${server.workspace.project}/releases/myapp@1.2.3/files/`,
      { as: { token: server.workspace.token } },
    );
    assert.deepEqual(
      files.body.map((f) => [f.name, f.dist, f.headers.Sourcemap ?? null]),
      [
        ['~/app.min.js', 'web', 'app.min.js.map'],
        ['~/app.min.js.map', 'web', null],
      ],
    );
  });

  it('3.x has no fallback and stops with "organization not found" (capture sentry-cli-3.8.0-no-chunk-upload)', async () => {
    const dist = await buildApp(join(work, 'v3'));
    const r = await runSentryCli(3, ['sourcemaps', 'upload', '--release', 'myapp@1.2.3', dist], env, work);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /organization not found/);
  });
});
