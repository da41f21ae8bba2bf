import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, run, runSentryCli, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { buildApp } from './sample-app.test-support.js';

explainSkippedPostgres();

// End to end, with real components only: esbuild minifies a small app, the real sentry-cli
// injects debug ids and uploads it, the real @sentry/node reports the error the bundle
// throws, and the stored event shows the original source. Two builds of the same code with
// different minification, under different releases, must be one issue.

const require = createRequire(import.meta.url);

const RUNNER = (sdk: string) => `
const Sentry = require(${JSON.stringify(sdk)});
Sentry.init({ dsn: process.env.SENTRY_DSN, release: process.env.RELEASE, defaultIntegrations: false });
const app = require(process.argv[2]);
try { app.main(''); } catch (err) { process.stdout.write(Sentry.captureException(err) + '\\n'); }
Sentry.flush(5000).then(() => process.exit(0));
`;

interface StoredFrame {
  filename?: string;
  abs_path?: string;
  function?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  context_line?: string;
  pre_context?: string[];
  data?: Record<string, unknown>;
}
interface StoredDoc {
  exception: { values: { stacktrace: { frames: StoredFrame[] }; raw_stacktrace?: { frames: StoredFrame[] } }[] };
  processing: { notes: unknown[] };
}

async function storedEvent(server: TestServer, eventId: string): Promise<{ issueId: number | null; doc: StoredDoc }> {
  for (let i = 0; i < 200; i++) {
    const row = await server.store.events.byEventId(server.workspace.projectId, eventId);
    if (row) return { issueId: row.issueId ?? null, doc: JSON.parse(await server.store.events.documentText(row)) as StoredDoc };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`event ${eventId} was not stored`);
}

for (const dialect of testDialects()) {
  describe(`source maps end to end: esbuild → sentry-cli → @sentry/node → stored event (${dialect})`, () => {
    let server: TestServer;
    let work: string;
    let home: string;
    const events: { id: string; dist: string }[] = [];

    before(async () => {
      server = await startTestServer({ dialect });
      work = mkdtempSync(join(tmpdir(), 'faultline-e2e-'));
      home = mkdtempSync(join(tmpdir(), 'faultline-e2e-home-'));
      const env = {
        HOME: home,
        SENTRY_URL: server.url,
        SENTRY_AUTH_TOKEN: server.workspace.token,
        SENTRY_ORG: server.workspace.org,
        SENTRY_PROJECT: server.workspace.project,
      };
      writeFileSync(join(work, 'runner.cjs'), RUNNER(require.resolve('sentry-node-8')));
      const builds = [
        { out: 'dist1', release: 'app@1', cli: 3 as const, options: { minify: true } },
        // Identifiers kept, whitespace and syntax minified, two banner lines: different lines and columns.
        {
          out: 'dist2',
          release: 'app@2',
          cli: 2 as const,
          options: { minifyWhitespace: true, minifySyntax: true, banner: { js: '/* build 2 */\n"use strict";' } },
        },
      ];
      for (const b of builds) {
        const dist = await buildApp(work, b.out, b.options);
        for (const args of [
          ['sourcemaps', 'inject', dist],
          ['sourcemaps', 'upload', '--release', b.release, '--wait', dist],
        ]) {
          const r = await runSentryCli(b.cli, args, env, work);
          assert.equal(r.code, 0, `sentry-cli ${args.join(' ')}: ${r.stdout}${r.stderr}`);
        }
        const r = await run(process.execPath, [join(work, 'runner.cjs'), join(dist, 'app.min.js')], { SENTRY_DSN: server.workspace.dsn, RELEASE: b.release });
        assert.equal(r.code, 0, r.stderr);
        events.push({ id: r.stdout.trim(), dist });
      }
    });
    after(async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    });

    it('stores the original file, function, line and source context; the raw frame is kept', async () => {
      const first = events[0] as { id: string; dist: string };
      const { doc } = await storedEvent(server, first.id);
      assert.deepEqual(doc.processing.notes, []);
      const value = doc.exception.values[0];
      const top = value?.stacktrace.frames.at(-1);
      assert.equal(top?.abs_path, join(work, 'src/index.js'));
      assert.equal(top?.function, 'main');
      assert.equal(top?.lineno, 6);
      assert.equal(top?.colno, 11);
      assert.equal(top?.context_line, "    throw new Error('Name is required');");
      assert.deepEqual(top?.pre_context?.slice(-2), ['  const message = greet(name);', '  if (!name) {']);
      assert.equal(top?.in_app, true);
      assert.equal(top?.data?.resolved_with, 'debug-id');
      const raw = value?.raw_stacktrace?.frames.at(-1);
      assert.equal(raw?.filename, join(first.dist, 'app.min.js'));
      assert.equal(raw?.function, 'Object.a');
      assert.notEqual(raw?.lineno, 6);
      assert.match(readFileSync(join(first.dist, 'app.min.js'), 'utf8').split('\n')[(raw?.lineno ?? 1) - 1] ?? '', /throw new Error/);
    });

    it('the event API shows which map resolved each frame, the debugmeta images, and the stored JSON', async () => {
      const first = events[0] as { id: string; dist: string };
      const { doc } = await storedEvent(server, first.id);
      const base = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/events/${first.id}`;
      const as = { token: server.workspace.token };
      const event = await apiFetch<{ entries: { type: string; data: Record<string, unknown> }[] }>(server.url, `${base}/`, { as });
      assert.equal(event.status, 200);
      const images = event.body.entries.find((e) => e.type === 'debugmeta')?.data.images as { type: string; debug_id: string; code_file: string }[];
      const injected = readFileSync(join(first.dist, 'app.min.js'), 'utf8').match(/debugId=([0-9a-f-]{36})/)?.[1];
      assert.ok(injected, 'sentry-cli injected a debug id');
      assert.ok(
        images.some((i) => i.type === 'sourcemap' && i.debug_id === injected),
        JSON.stringify(images),
      );
      const exception = event.body.entries.find((e) => e.type === 'exception')?.data as {
        values: { stacktrace: { frames: { data: Record<string, unknown> | null }[] } }[];
      };
      const top = exception.values[0]?.stacktrace.frames.at(-1);
      assert.equal(top?.data?.resolved_with, 'debug-id');
      assert.match(String(top?.data?.sourcemap), /app\.min\.js\.map$/);
      const json = await apiFetch<Record<string, unknown>>(server.url, `${base}/json/`, { as });
      assert.equal(json.status, 200);
      assert.equal(json.body.event_id, first.id);
      assert.deepEqual(json.body.exception, doc.exception);
      const other = await apiFetch<{ detail: string }>(server.url, `${base.replace(first.id, '0'.repeat(32))}/json/`, { as });
      assert.equal(other.status, 404);
    });

    it('groups two differently minified builds of the same code into one issue', async () => {
      const [a, b] = await Promise.all(events.map((e) => storedEvent(server, e.id)));
      assert.ok(a?.issueId);
      assert.equal(b?.issueId, a.issueId);
      const rawA = a.doc.exception.values[0]?.raw_stacktrace?.frames.at(-1);
      const rawB = b?.doc.exception.values[0]?.raw_stacktrace?.frames.at(-1);
      // Really different builds: the minified positions differ, the resolved ones do not.
      assert.notDeepEqual([rawA?.lineno, rawA?.colno], [rawB?.lineno, rawB?.colno]);
      assert.equal(b?.doc.exception.values[0]?.stacktrace.frames.at(-1)?.lineno, 6);
    });
  });
}
