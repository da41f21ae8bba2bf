import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  explainSkippedPostgres,
  mintToken,
  post,
  run,
  runFaultline,
  type SessionTraffic,
  sessionsEnvelope,
  startTestServer,
  type TestServer,
  testDialects,
} from '../testing/index.js';

explainSkippedPostgres();

// The gate as a pipeline runs it: the real `faultline` executable (and the
// recipes of docs/releases.md, run with real bash, curl and jq, and node)
// against a real server whose sessions came in through the envelope endpoint.

const docs = readFileSync(new URL('../../../../docs/releases.md', import.meta.url), 'utf8');

/** The first fenced block of `lang` after `heading` in docs/releases.md, verbatim. */
function docsBlock(heading: string, lang: string): string {
  const from = docs.indexOf(heading);
  assert.ok(from >= 0, `docs/releases.md has no "${heading}"`);
  const open = docs.indexOf(`\`\`\`${lang}\n`, from);
  const close = docs.indexOf('\n```\n', open);
  assert.ok(open > from && close > open, `no ${lang} block after "${heading}"`);
  return docs.slice(open + lang.length + 4, close + 1);
}

const minute = 60_000;
// scripts/system-packages.mjs installs them where it can; elsewhere the shell recipe's test says why it skips.
const shellToolsMissing = ['/usr/bin/jq', '/usr/bin/curl'].filter((tool) => !existsSync(tool));

for (const dialect of testDialects()) {
  describe(`faultline release-health check (${dialect})`, () => {
    let server: TestServer;
    let env: Record<string, string>;
    let scratch: string;

    const tenMinutesAgo = () => Date.now() - 10 * minute;

    async function release(version: string, sessions: Omit<SessionTraffic, 'started'> | null) {
      const { org, project, token } = server.workspace;
      const created = await apiFetch(server.url, `/api/0/organizations/${org}/releases/`, {
        method: 'POST',
        as: { token },
        body: { version, projects: [project] },
      });
      assert.equal(created.status, 201);
      const deploy = await apiFetch(server.url, `/api/0/organizations/${org}/releases/${encodeURIComponent(version)}/deploys/`, {
        method: 'POST',
        as: { token },
        body: { environment: 'production', name: 'ci-42', dateFinished: new Date(Date.now() - 30 * minute).toISOString() },
      });
      assert.equal(deploy.status, 201);
      if (sessions) assert.equal((await post(server, sessionsEnvelope(version, { ...sessions, started: tenMinutesAgo() }))).status, 200);
    }

    before(async () => {
      server = await startTestServer({ dialect });
      scratch = mkdtempSync(join(tmpdir(), 'faultline-gate-'));
      env = { SENTRY_URL: server.url, SENTRY_AUTH_TOKEN: server.workspace.token, SENTRY_ORG: server.workspace.org, SENTRY_PROJECT: server.workspace.project };
      // 120 sessions of 60 users, one of whom crashed: 98.33 % crash-free users.
      await release('healthy@1.0.0', { users: 60, perUser: 2, crashedUsers: 1 });
      // 6 of 60 users crashed: 90 %.
      await release('unhealthy@1.0.0', { users: 60, perUser: 2, crashedUsers: 6 });
      // A browser release: no crashes, but 5 of 100 users hit an uncaught error (status `unhandled`).
      await release('web@1.0.0', { users: 100, perUser: 1, crashedUsers: 5, crashStatus: 'unhandled' });
      // Perfect, but only 10 sessions.
      await release('quiet@1.0.0', { users: 5, perUser: 2, crashedUsers: 0 });
      // The unhealthy release's crashes in staging do not count against production (the deploy's environment).
      assert.equal(
        (await post(server, sessionsEnvelope('healthy@1.0.0', { users: 10, perUser: 1, crashedUsers: 10, environment: 'staging', started: tenMinutesAgo() })))
          .status,
        200,
      );
      await server.app.jobs.worker.drain();
    });
    after(async () => {
      rmSync(scratch, { recursive: true, force: true });
      await server.close();
    });

    const gate = (release: string, extra: string[] = [], more: Record<string, string> = {}) =>
      runFaultline(['release-health', 'check', '--release', release, '--min-crash-free-users', '97', ...extra], { ...env, ...more });

    it('passes a healthy release (exit 0) and prints the numbers it judged', async () => {
      const r = await gate('healthy@1.0.0');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /release healthy@1\.0\.0 of [^ ]+, production, since .* \(deploy ci-42 to production\)/);
      assert.match(r.stdout, /sessions: 121, users: 60/);
      assert.match(r.stdout, /crash-free users: 98\.333% \(minimum 97%\) ok/);
      assert.match(r.stdout, /healthy\n$/);
    });

    it('fails an unhealthy release (exit 1) naming the number and the threshold', async () => {
      const r = await gate('unhealthy@1.0.0', ['--min-crash-free-sessions', '90']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /crash-free sessions: 95\.238% \(minimum 90%\) ok/);
      assert.match(r.stdout, /unhealthy: crash-free users 90% is below 97%\n$/);
    });

    it('refuses to judge a quiet release (exit 2), however clean', async () => {
      const r = await gate('quiet@1.0.0');
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stdout, /cannot judge: 10 session\(s\) since the deploy, at least 100 needed/);
      const lowered = await gate('quiet@1.0.0', ['--min-sessions', '10']);
      assert.equal(lowered.code, 0, lowered.stdout + lowered.stderr);
    });

    it('judges unhandled-free users beside crash-free users', async () => {
      const r = await gate('web@1.0.0', ['--min-unhandled-free-users', '99']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /crash-free users: 100% \(minimum 97%\) ok/);
      assert.match(r.stdout, /unhealthy: unhandled-free users 95% is below 99%\n$/);
      const lenient = await gate('web@1.0.0', ['--min-unhandled-free-users', '95']);
      assert.equal(lenient.code, 0, lenient.stdout + lenient.stderr);
      const healthy = await gate('healthy@1.0.0', ['--min-unhandled-free-users', '99']);
      assert.equal(healthy.code, 0, healthy.stdout + healthy.stderr);
      assert.match(healthy.stdout, /unhandled-free users: 100%/);
    });

    it('judges the environment asked for instead of the deploy’s', async () => {
      const r = await gate('healthy@1.0.0', ['--environment', 'staging', '--min-sessions', '10']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /staging/);
      assert.match(r.stdout, /crash-free users 0% is below 97%/);
    });

    it('waits --wait before reading', async () => {
      const started = Date.now();
      const r = await gate('healthy@1.0.0', ['--wait', '2s']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(Date.now() - started >= 2_000, 'returned before the wait was over');
      assert.match(r.stdout, /^waiting 2s before judging healthy@1\.0\.0/);
    });

    it('exits 3 with the usage for a wrong command line', async () => {
      const cases: Array<[string[], RegExp]> = [
        [['--wait', '10'], /invalid duration "10"/],
        [['--min-sessions', 'many'], /--min-sessions takes a whole number/],
        [['--frob'], /Unknown option '--frob'/],
      ];
      for (const [args, message] of cases) {
        const r = await gate('healthy@1.0.0', args);
        assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.match(r.stderr, /usage: faultline release-health check/);
      }
      // Its own code 3, not the other commands' 2, which here means "cannot judge".
      for (const args of [['release-health'], ['release-health', 'judge']]) {
        const r = await runFaultline(args, env);
        assert.equal(r.code, 3, r.stderr);
        assert.match(r.stderr, /usage: faultline release-health check/);
      }
      const noThreshold = await runFaultline(['release-health', 'check', '--release', 'healthy@1.0.0'], env);
      assert.equal(noThreshold.code, 3);
      assert.match(noThreshold.stderr, /needs a threshold/);
      const noOrg = await runFaultline(['release-health', 'check', '--release', 'x', '--min-crash-free-users', '97'], { ...env, SENTRY_ORG: '' });
      assert.equal(noOrg.code, 3);
      assert.match(noOrg.stderr, /needs --org/);
    });

    it('exits 4 for a bad token, an unknown release, another organization and an unreachable server', async () => {
      const badToken = await gate('healthy@1.0.0', [], { SENTRY_AUTH_TOKEN: 'sntryu_nope' });
      assert.equal(badToken.code, 4, badToken.stderr);
      assert.match(badToken.stderr, /HTTP 401/);
      const unknown = await gate('nope@9.9.9');
      assert.equal(unknown.code, 4);
      assert.match(unknown.stderr, /release nope@9\.9\.9 .*HTTP 404/);
      // Someone else's organization: their token cannot read ours.
      const stranger = await addPerson(server, `gate-${dialect}@example.com`);
      const theirs = await addOrganization(server, `gate-other-${dialect}`, stranger);
      const strangerToken = await mintToken(server, stranger, ['org:read', 'project:read', 'project:releases'], theirs.org);
      const cross = await gate('healthy@1.0.0', [], { SENTRY_AUTH_TOKEN: strangerToken });
      assert.equal(cross.code, 4, cross.stdout + cross.stderr);
      assert.doesNotMatch(cross.stdout, /sessions:/);
      const down = await gate('healthy@1.0.0', [], { SENTRY_URL: 'http://127.0.0.1:9' });
      assert.equal(down.code, 4);
      assert.match(down.stderr, /cannot reach http:\/\/127\.0\.0\.1:9/);
    });

    for (const [name, runRecipe, skip] of [
      [
        'the curl + jq recipe',
        (recipeEnv: Record<string, string>) => {
          const file = join(scratch, 'gate.sh');
          writeFileSync(file, docsBlock('### The same gate with curl and jq', 'bash'));
          return run('bash', [file], recipeEnv);
        },
        shellToolsMissing.length > 0 ? `${shellToolsMissing.join(', ')} not found` : false,
      ],
      [
        'the Node recipe',
        (recipeEnv: Record<string, string>) => {
          const file = join(scratch, 'gate.mjs');
          writeFileSync(file, docsBlock('### The same gate in Node', 'js'));
          return run(process.execPath, [file], recipeEnv);
        },
        false,
      ],
    ] as const) {
      it(`${name} in docs/releases.md answers 0, 1 and 2 like the command`, { skip: skip }, async () => {
        const recipeEnv = (version: string) => ({ ...env, VERSION: version, WAIT_SECONDS: '0' });
        const healthy = await runRecipe(recipeEnv('healthy@1.0.0'));
        assert.equal(healthy.code, 0, healthy.stdout + healthy.stderr);
        assert.match(healthy.stdout, /121 sessions, crash-free users 98\.33/);
        const unhealthy = await runRecipe(recipeEnv('unhealthy@1.0.0'));
        assert.equal(unhealthy.code, 1, unhealthy.stdout + unhealthy.stderr);
        assert.match(unhealthy.stdout, /unhealthy: crash-free users 90% is below 97%/);
        const quiet = await runRecipe(recipeEnv('quiet@1.0.0'));
        assert.equal(quiet.code, 2, quiet.stdout + quiet.stderr);
        assert.match(quiet.stdout, /cannot judge: 10 sessions, at least 100 needed/);
        const unknown = await runRecipe(recipeEnv('nope@9.9.9'));
        assert.equal(unknown.code, 4, unknown.stdout + unknown.stderr);
      });
    }
  });
}
