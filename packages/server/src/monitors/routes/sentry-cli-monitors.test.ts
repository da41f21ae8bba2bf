// The real sentry-cli 2.x and 3.x against a real Faultline on both dialects: `monitors run`
// wraps a succeeding and a failing command, with `-s` (the monitor is upserted from the
// check-in's monitor_config) and without (the monitor must exist: created here through the
// API), and `monitors list` reads the API. What the CLI sent is read back through the API.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type ProcessResult, runSentryCli, startTestServer, type TestServer, testDialects } from '../../testing/index.js';
import { type CheckInJsonShape, type MonitorJsonShape, monitorBody, monitorsApi } from './monitors-api.test-support.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  for (const major of [2, 3] as const) {
    describe(`sentry-cli ${major}.x monitors against Faultline (${dialect})`, () => {
      let server: TestServer;
      let api: ReturnType<typeof monitorsApi>;
      let home: string;
      before(async () => {
        server = await startTestServer({ dialect });
        api = monitorsApi(server);
        // A private HOME: no ~/.sentryclirc of the developer's can redirect the CLI.
        home = mkdtempSync(join(tmpdir(), `faultline-cli${major}-monitors-`));
      });
      after(async () => {
        await server?.close();
        if (home) rmSync(home, { recursive: true, force: true });
      });

      /** Runs the CLI with the DSN (check-ins are ingest requests) and processes what it sent. */
      async function monitorsRun(args: string[], expectCode: number): Promise<{ result: ProcessResult; elapsedMs: number }> {
        const started = Date.now();
        const result = await runSentryCli(major, ['monitors', 'run', ...args], { HOME: home, SENTRY_DSN: server.workspace.dsn });
        const elapsedMs = Date.now() - started;
        assert.equal(result.code, expectCode, `monitors run ${args.join(' ')} exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
        await server.app.jobs.worker.drain();
        return { result, elapsedMs };
      }

      async function checkInsOf(slug: string): Promise<CheckInJsonShape[]> {
        const res = await api.get<CheckInJsonShape[]>(`${slug}/checkins/`);
        assert.equal(res.status, 200, `${slug}: ${JSON.stringify(res.body)}`);
        return res.body;
      }

      async function monitorOf(slug: string): Promise<MonitorJsonShape> {
        const res = await api.get<MonitorJsonShape>(`${slug}/`);
        assert.equal(res.status, 200, `${slug}: ${JSON.stringify(res.body)}`);
        return res.body;
      }

      it('`monitors run -s` with a succeeding command upserts the monitor and stores one ok check-in with its duration', async () => {
        const { elapsedMs } = await monitorsRun(
          [
            'nightly-job',
            '-s',
            '0 3 * * *',
            '--check-in-margin',
            '5',
            '--max-runtime',
            '30',
            '--timezone',
            'Europe/Vienna',
            '--',
            '/bin/sh',
            '-c',
            'sleep 0.2',
          ],
          0,
        );
        const m = await monitorOf('nightly-job');
        assert.equal(m.name, 'nightly-job', 'an upserted monitor is named after its slug');
        assert.equal(m.project.id, String(server.workspace.projectId));
        assert.deepEqual(
          [m.config.schedule_type, m.config.schedule, m.config.checkin_margin, m.config.max_runtime, m.config.timezone],
          ['crontab', '0 3 * * *', 5, 30, 'Europe/Vienna'],
        );
        assert.deepEqual(
          m.environments.map((e) => [e.name, e.status]),
          [['production', 'ok']],
        );
        const [checkIn, ...more] = await checkInsOf('nightly-job');
        assert.deepEqual(more, [], 'the in_progress and the ok check-in are one run');
        assert.equal(checkIn?.status, 'ok');
        assert.equal(checkIn?.environment, 'production');
        // The CLI timed the command (sleep 0.2) and sent seconds; the API shows milliseconds.
        assert.ok(
          checkIn?.duration !== null && checkIn !== undefined && checkIn.duration >= 200 && checkIn.duration <= elapsedMs,
          `duration ${checkIn?.duration} ms of a ${elapsedMs} ms run`,
        );
        assert.equal(checkIn?.monitorConfig.schedule, '0 3 * * *');
      });

      it('`monitors run -s` with a failing command stores an error check-in and marks the environment failed', async () => {
        await monitorsRun(['failing-job', '-s', '*/5 * * * *', '--', '/bin/sh', '-c', 'exit 3'], 3);
        const checkIns = await checkInsOf('failing-job');
        assert.deepEqual(
          checkIns.map((c) => [c.status, c.environment]),
          [['error', 'production']],
        );
        assert.equal(typeof checkIns[0]?.duration, 'number');
        const m = await monitorOf('failing-job');
        assert.deepEqual(
          m.environments.map((e) => [e.name, e.status]),
          [['production', 'error']],
        );
      });

      it('`monitors run` without a schedule reports to a monitor created through the API, ok then error', async () => {
        const created = await api.send<MonitorJsonShape>('POST', '', monitorBody(server, 'existing-job', { schedule: '0 4 * * *', timezone: 'UTC' }));
        assert.equal(created.status, 201, JSON.stringify(created.body));
        await monitorsRun(['existing-job', '--', '/bin/true'], 0);
        await monitorsRun(['existing-job', '--', '/bin/false'], 1);
        const checkIns = await checkInsOf('existing-job');
        assert.deepEqual(
          checkIns.map((c) => c.status),
          ['error', 'ok'],
          'newest first',
        );
        assert.notEqual(checkIns[0]?.id, checkIns[1]?.id, 'two runs, two check-ins');
        const m = await monitorOf('existing-job');
        assert.equal(m.config.schedule, '0 4 * * *', 'the schedule stays the one set through the API');
        assert.deepEqual(
          m.environments.map((e) => [e.name, e.status]),
          [['production', 'error']],
        );
      });

      it('`monitors run` without a schedule for an unknown slug creates nothing', async () => {
        await monitorsRun(['never-configured', '--', '/bin/true'], 0);
        assert.equal((await api.get('never-configured/')).status, 404);
      });

      it('`monitors list` prints the organization\u2019s monitors', async () => {
        const result = await runSentryCli(major, ['monitors', 'list'], {
          HOME: home,
          SENTRY_URL: server.url,
          SENTRY_AUTH_TOKEN: server.workspace.token,
          SENTRY_ORG: server.workspace.org,
        });
        assert.equal(result.code, 0, `monitors list exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
        const listed = (await api.get<MonitorJsonShape[]>('')).body;
        assert.deepEqual([...listed.map((m) => m.slug)].sort(), ['existing-job', 'failing-job', 'nightly-job']);
        for (const m of listed) assert.match(result.stdout, new RegExp(`\\b${m.slug}\\b`), `${m.slug} in:\n${result.stdout}`);
        assert.doesNotMatch(result.stdout, /never-configured/);
      });
    });
  }
}
