import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ProcessResult, runSentryCli, sentryCliBin, startTestServer, type TestServer } from '../../testing/index.js';
import { assertCheckIn, checkIns } from './assert-stored.test-support.js';
import { at, describeStored, nonAcceptedOutcomes, type Stored, waitForStored } from './stored-items.test-support.js';

// The real sentry-cli 2.x and 3.x sending events and check-ins with SENTRY_DSN
// pointed at a test server (captures [cli2/015-019]). sentry-cli exits non-zero
// when ingest answers with an error, so exit code 0 means the request got a 2xx.

function cliUnavailable(major: 2 | 3): string | null {
  try {
    const bin = sentryCliBin(major);
    return existsSync(bin) ? null : `${bin} is missing`;
  } catch (error) {
    return `sentry-cli-${major} is not installed: ${String(error)}`;
  }
}

/** The id the CLI printed (hyphenated UUID), as ingest stores it (32 lowercase hex). */
function printedEventId(result: ProcessResult, context: string): string {
  const m = /(?:Event id:|dispatched:)\s*([0-9a-f-]{36})/i.exec(result.stdout);
  assert.ok(m?.[1], `${context}: no event id in output: ${result.stdout}${result.stderr}`);
  return m[1].replaceAll('-', '').toLowerCase();
}

for (const major of [2, 3] as const) {
  const unavailable = cliUnavailable(major);
  describe(`live sentry-cli ${major}.x`, { skip: unavailable ?? false }, () => {
    let server: TestServer;
    let home: string;
    let env: Record<string, string>;
    before(async () => {
      server = await startTestServer();
      home = mkdtempSync(join(tmpdir(), `faultline-cli${major}-`));
      // A private HOME: no ~/.sentryclirc of the developer's can redirect the CLI.
      env = { HOME: home, SENTRY_DSN: server.workspace.dsn };
    });
    after(async () => {
      await server?.close();
      if (home) rmSync(home, { recursive: true, force: true });
    });

    async function cli(args: string[], expectCode = 0): Promise<ProcessResult> {
      const result = await runSentryCli(major, args, env);
      assert.equal(result.code, expectCode, `sentry-cli ${args.join(' ')} exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
      return result;
    }

    const waitForEvent = (eventId: string, context: string): Promise<Stored> => waitForStored(server, (s) => s.byEventId(eventId) !== undefined, context);

    it('send-event -m with tags, extra, release and environment is stored', async () => {
      const result = await cli(['send-event', '-m', 'hello', '-t', 'k:v', '-e', 'x:y', '--release', 'r1', '-E', 'production']);
      const eventId = printedEventId(result, 'send-event -m');
      const event = (await waitForEvent(eventId, 'send-event -m')).byEventId(eventId);
      assert.ok(event);
      assert.equal(event.type, 'event');
      // Stored events are normalized: `message` and `logentry` become one `logentry.formatted`.
      assert.equal(at(event.payload, 'logentry', 'formatted'), 'hello');
      assert.equal(at(event.payload, 'tags', 'k'), 'v');
      assert.equal(at(event.payload, 'extra', 'x'), 'y');
      assert.equal(at(event.payload, 'release'), 'r1');
      assert.equal(at(event.payload, 'environment'), 'production');
      assert.equal(at(event.payload, 'sdk', 'name'), 'sentry-cli');
      assert.match(String(at(event.payload, 'sdk', 'version')), new RegExp(`^${major}\\.`));
    });

    it('send-event with an event file (parsed and --raw) is stored', async () => {
      const event = (source: string) => ({
        message: `from ${source}`,
        level: 'warning',
        release: 'r2',
        exception: {
          values: [{ type: 'ValueError', value: 'bad input', stacktrace: { frames: [{ function: 'parse_order', filename: 'jobs/import.py', lineno: 12 }] } }],
        },
        tags: { source },
      });
      writeFileSync(join(home, 'parsed.json'), JSON.stringify(event('parsed')));
      writeFileSync(join(home, 'raw.json'), JSON.stringify(event('raw')));
      const parsedId = printedEventId(await cli(['send-event', join(home, 'parsed.json')]), 'send-event file');
      // --raw sends the file untouched; the envelope header carries the nil UUID as event_id.
      await cli(['send-event', '--raw', join(home, 'raw.json')]);

      const bySource = (s: Stored, source: string) => s.ofType('event').find((e) => at(e.payload, 'tags', 'source') === source);
      const stored = await waitForStored(server, (s) => bySource(s, 'parsed') !== undefined && bySource(s, 'raw') !== undefined, 'send-event files');
      const parsed = bySource(stored, 'parsed');
      const raw = bySource(stored, 'raw');
      assert.equal(parsed?.eventId, parsedId, 'the parsed event keeps the id the CLI printed');
      for (const [name, e] of [
        ['parsed', parsed],
        ['raw', raw],
      ] as const) {
        assert.equal(at(e?.payload, 'exception', 'values', 0, 'type'), 'ValueError', `${name}: exception type`);
        assert.equal(at(e?.payload, 'exception', 'values', 0, 'stacktrace', 'frames', 0, 'function'), 'parse_order', `${name}: frame`);
        assert.equal(at(e?.payload, 'logentry', 'formatted'), `from ${name}`, `${name}: message`);
        assert.equal(at(e?.payload, 'release'), 'r2', `${name}: release`);
        assert.match(e?.eventId ?? '', /^[0-9a-f]{32}$/, `${name}: stored with a 32-hex event id`);
      }
    });

    it('monitors run reports ok and error check-ins', async () => {
      await cli(['monitors', 'run', 'nightly-job', '-s', '0 3 * * *', '--check-in-margin', '5', '--', '/bin/true']);
      // monitors run passes the wrapped command's exit code through
      // An unknown slug needs a schedule to be created (Sentry drops check-ins of unknown monitors without one).
      await cli(['monitors', 'run', 'failing-job', '-s', '0 4 * * *', '--', '/bin/false'], 1);
      const stored = await waitForStored(
        server,
        (s) => s.ofType('check_in').filter((c) => at(c.payload, 'status') !== 'in_progress').length >= 2,
        'monitors run',
      );
      const tagged = { release: undefined, environment: 'production' };
      const nightly = checkIns(stored, 'nightly-job');
      // The monitor was upserted from the opening check-in's monitor_config (-s, --check-in-margin).
      const opening = nightly[0];
      assert.deepEqual(at(opening, 'monitor_config', 'schedule'), { type: 'crontab', value: '0 3 * * *' });
      assert.equal(at(opening, 'monitor_config', 'checkin_margin'), 5);
      assertCheckIn(stored, { ...tagged, slug: 'nightly-job', statuses: ['ok'] }, `cli ${major}`);
      assertCheckIn(stored, { ...tagged, slug: 'failing-job', statuses: ['error'] }, `cli ${major}`);
    });

    it('nothing was rejected', async () => {
      const stored = await waitForStored(server, () => true, 'outcomes');
      assert.deepEqual(await nonAcceptedOutcomes(server), [], `stored: ${describeStored(stored)}`);
    });
  });
}
