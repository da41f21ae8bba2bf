import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Artifacts, createArtifacts, parseSourceBundle } from '../../../artifacts/index.js';
import { loadConfig } from '../../../config/index.js';
import { createSilentLogger, systemClock } from '../../../kernel/index.js';
import type { Organization, Project } from '../../../organizations/index.js';
import { createReleases } from '../../../releases/index.js';
import {
  buildSourceBundle,
  capturedSourceBundle,
  explainSkippedPostgres,
  openTestDatabase,
  orgWithProjects,
  type TestDatabase,
  testDialects,
  uploadBundle,
} from '../../../testing/index.js';
import { type NormalizedEvent, normalizeEvent } from '../../normalize/index.js';
import type { ArtifactSource } from './artifact-source.js';
import { createSourceMapStage, type SourceMapStage } from './source-map-stage.js';

explainSkippedPostgres();

// The bundle sentry-cli 2.58.6 really uploaded (capture 008): app.min.js + map, debug ids injected.
const captured = parseSourceBundle(capturedSourceBundle('sentry-cli-2.58.6'), { maxUnpackedBytes: 1e8, maxFiles: 100 });
if (!captured.ok) throw new Error(captured.reason);
const fileOf = (type: string) => captured.bundle.files.find((f) => f.type === type) as (typeof captured.bundle.files)[number];
const minified = fileOf('minified_source');
const sourceMap = fileOf('source_map');
const debugId = minified.debugId as string;
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const bundleLine = text(minified.content).split('\n')[2] as string;
// Where V8 reports the two frames of `main('')` throwing: the call `n(…)` and `new Error(…)`.
const callColumn = bundleLine.lastIndexOf('n(typeof') + 1;
const throwColumn = bundleLine.indexOf('new Error') + 1;
const URL_ = 'http://localhost:8080/app.min.js';

function jsEvent(overrides: { release?: string; dist?: string; debug?: boolean; url?: string; lineno?: number } = {}): NormalizedEvent {
  const url = overrides.url ?? URL_;
  const payload = {
    platform: 'javascript',
    ...(overrides.release ? { release: overrides.release } : {}),
    ...(overrides.dist ? { dist: overrides.dist } : {}),
    exception: {
      values: [
        {
          type: 'Error',
          value: 'Name is required',
          stacktrace: {
            frames: [
              { filename: url, function: '?', lineno: overrides.lineno ?? 3, colno: callColumn, in_app: true },
              { filename: url, function: 'n', lineno: overrides.lineno ?? 3, colno: throwColumn, in_app: true },
            ],
          },
        },
      ],
    },
    ...(overrides.debug ? { debug_meta: { images: [{ type: 'sourcemap', code_file: url, debug_id: debugId.toUpperCase() }] } } : {}),
  };
  const r = normalizeEvent(payload, { receivedAt: Date.now(), projectId: 1, itemType: 'event', envelopeHeaders: {} });
  if (!r.ok) throw new Error('fixture event did not normalize');
  return r.event;
}

const framesOf = (e: NormalizedEvent) => e.exception?.values[0]?.stacktrace?.frames ?? [];

/** The real reader, with every call counted (a spy, not a stand-in). */
function counting(source: ArtifactSource) {
  const calls = { gate: 0, debug: 0, urls: 0, load: 0 };
  const spy: ArtifactSource = {
    projectsWithArtifacts(ids, exec) {
      calls.gate++;
      return source.projectsWithArtifacts(ids, exec);
    },
    byDebugIds(p, ids, exec) {
      calls.debug++;
      return source.byDebugIds(p, ids, exec);
    },
    byUrls(p, r, d, urls, exec) {
      calls.urls++;
      return source.byUrls(p, r, d, urls, exec);
    },
    load(sha1, exec) {
      calls.load++;
      return source.load(sha1, exec);
    },
    markUsed: (refs) => source.markUsed(refs),
  };
  return { spy, calls };
}

for (const dialect of testDialects()) {
  describe(`source-map stage (${dialect})`, () => {
    let db: TestDatabase;
    let artifacts: Artifacts;
    let org: Organization;
    let web: Project;
    let empty: Project;
    let stage: SourceMapStage;
    let calls: ReturnType<typeof counting>['calls'];

    before(async () => {
      db = await openTestDatabase(dialect);
      artifacts = createArtifacts({ config: loadConfig(db.env), store: db.store, clock: systemClock, logger: createSilentLogger() });
      ({
        org,
        projects: [web, empty],
      } = (await orgWithProjects(db.store, 'acme', ['web', 'empty'])) as { org: Organization; projects: [Project, Project] });
      await uploadBundle(artifacts, {
        orgId: org.id,
        projectIds: [web.id],
        bundle: capturedSourceBundle('sentry-cli-2.58.6'),
        release: 'myapp@1.2.3',
        dist: 'web',
      });
      const c = counting(artifacts.reader);
      calls = c.calls;
      stage = createSourceMapStage({ source: c.spy, cacheBytes: 16 * 1024 * 1024, clock: systemClock });
    });
    after(async () => {
      await artifacts.stop();
      await db.cleanup();
    });

    it('resolves frames by debug id: original file, line, column, function and context; raw stack kept', async () => {
      const event = jsEvent({ debug: true });
      const notes = await stage.resolve(event, web.id);
      assert.deepEqual(notes, []);
      const [caller, thrower] = framesOf(event);
      assert.equal(thrower?.abs_path, 'http://localhost:8080/src/index.js');
      assert.equal(thrower?.filename, '/src/index.js');
      assert.equal(thrower?.lineno, 6);
      assert.equal(thrower?.colno, 11);
      assert.equal(thrower?.function, 'main');
      assert.equal(thrower?.context_line, "    throw new Error('Name is required');");
      assert.deepEqual(thrower?.pre_context, [
        "import { greet } from './util.js';",
        '',
        'export function main(name) {',
        '  const message = greet(name);',
        '  if (!name) {',
      ]);
      assert.deepEqual(thrower?.post_context, [
        '  }',
        '  return message;',
        '}',
        '',
        "main(typeof window !== 'undefined' ? window.location.hash.slice(1) : '');",
      ]);
      assert.equal(caller?.lineno, 11);
      assert.equal(caller?.context_line, "main(typeof window !== 'undefined' ? window.location.hash.slice(1) : '');");
      assert.deepEqual(
        { ...thrower?.data },
        {
          orig_filename: URL_,
          orig_lineno: 3,
          orig_colno: throwColumn,
          orig_function: 'n',
          sourcemap: '~/app.min.js.map',
          resolved_with: 'debug-id',
          symbolicated: true,
        },
      );
      const raw = (event.exception?.values[0] as { raw_stacktrace?: { frames: { filename?: string; lineno?: number }[] } } | undefined)?.raw_stacktrace;
      assert.deepEqual(
        raw?.frames.map((f) => [f.filename, f.lineno]),
        [
          [URL_, 3],
          [URL_, 3],
        ],
      );
    });

    it('resolves by release + dist + URL when there is no debug id (~/ matches any host)', async () => {
      const event = jsEvent({ release: 'myapp@1.2.3', dist: 'web', url: 'https://cdn.example.com/app.min.js?v=7' });
      assert.deepEqual(await stage.resolve(event, web.id), []);
      const thrower = framesOf(event)[1];
      assert.equal(thrower?.abs_path, 'https://cdn.example.com/src/index.js');
      assert.equal(thrower?.data?.resolved_with, 'release');
      assert.equal(thrower?.function, 'main');
    });

    it('matches dist exactly: another dist, or none, finds nothing and says so', async () => {
      for (const dist of ['other', undefined]) {
        const event = jsEvent({ release: 'myapp@1.2.3', ...(dist ? { dist } : {}) });
        const notes = await stage.resolve(event, web.id);
        assert.equal(framesOf(event)[1]?.lineno, 3, 'frame left as it was');
        assert.equal(notes.length, 1);
        assert.equal(notes[0]?.type, 'js_no_source');
        assert.equal(notes[0]?.path, 'exception.values.0.stacktrace.frames.0');
        assert.match(notes[0]?.detail ?? '', new RegExp(dist ? `dist ${dist}` : 'no dist'));
      }
    });

    it('says nothing when there is nothing to look up (no debug id, no release)', async () => {
      const event = jsEvent();
      assert.deepEqual(await stage.resolve(event, web.id), []);
      assert.equal(framesOf(event)[0]?.data, undefined);
    });

    it('records a frame outside the mappings and leaves it as it was', async () => {
      const event = jsEvent({ debug: true, lineno: 2 });
      const notes = await stage.resolve(event, web.id);
      assert.ok(notes.length >= 1);
      assert.ok(notes.every((n) => n.type === 'js_invalid_sourcemap_location'));
      assert.equal(framesOf(event)[1]?.lineno, 2);
    });

    it('costs one indexed query per project and TTL when a project has no artifacts', async () => {
      const before = { ...calls };
      for (let i = 0; i < 50; i++) assert.deepEqual(await stage.resolve(jsEvent({ release: 'myapp@1.2.3', debug: true }), empty.id), []);
      assert.equal(calls.gate - before.gate, 1);
      assert.equal(calls.debug - before.debug, 0);
      assert.equal(calls.urls - before.urls, 0);
      stage.forgetProjects();
      await stage.resolve(jsEvent(), empty.id);
      assert.equal(calls.gate - before.gate, 2);
    });

    it('parses each map once (byte-bounded cache keyed by content)', async () => {
      const before = calls.load;
      for (let i = 0; i < 5; i++) await stage.resolve(jsEvent({ debug: true }), web.id);
      assert.equal(calls.load - before, 0, 'map and minified file came from the cache');
    });

    it('keeps another organization out even with the same debug id and release', async () => {
      const { org: other, projects } = await orgWithProjects(db.store, 'other', ['web']);
      const otherWeb = projects[0] as Project;
      // Their own upload (different content) makes their project pass the cheap "has artifacts" check.
      await uploadBundle(artifacts, {
        orgId: other.id,
        projectIds: [otherWeb.id],
        bundle: buildSourceBundle([{ url: '~/x.js', type: 'source', content: 'x' }]),
      });
      const event = jsEvent({ debug: true, release: 'myapp@1.2.3', dist: 'web' });
      const notes = await stage.resolve(event, otherWeb.id);
      assert.equal(framesOf(event)[1]?.lineno, 3);
      assert.equal(notes[0]?.type, 'js_no_source');
    });

    it('follows the Sourcemap header of legacy release files', async () => {
      const { release } = await createReleases({ store: db.store, clock: systemClock }).create(org, { version: 'legacy@1', projects: ['web'] });
      for (const [name, content, headers] of [
        ['~/app.min.js', minified.content, { Sourcemap: 'app.min.js.map' }],
        ['~/app.min.js.map', sourceMap.content, {}],
      ] as const) {
        await artifacts.addReleaseFile(org.id, { releaseId: release.id, name, dist: '', headers: { ...headers }, content });
      }
      stage.forgetProjects();
      const event = jsEvent({ release: 'legacy@1' });
      assert.deepEqual(await stage.resolve(event, web.id), []);
      assert.equal(framesOf(event)[1]?.lineno, 6);
      assert.equal(framesOf(event)[1]?.data?.resolved_with, 'release');
    });

    it('explains a missing or broken map and leaves the frames alone', async () => {
      const upload = (release: string, entries: Parameters<typeof buildSourceBundle>[0]) =>
        uploadBundle(artifacts, { orgId: org.id, projectIds: [web.id], bundle: buildSourceBundle(entries), release, dist: null });
      await upload('nomap@1', [{ url: '~/app.min.js', type: 'minified_source', content: 'code();\n\nx();' }]);
      await upload('named@1', [{ url: '~/app.min.js', type: 'minified_source', content: text(minified.content) }]);
      await upload('broken@1', [
        { url: '~/app.min.js', type: 'minified_source', content: text(minified.content) },
        { url: '~/app.min.js.map', type: 'source_map', content: '{"version":3,"sources":' },
      ]);
      const expectations: [string, string, RegExp][] = [
        ['nomap@1', 'js_missing_sourcemap', /names no source map/],
        ['named@1', 'js_missing_sourcemap', /names the source map ~\/app\.min\.js\.map, which was not uploaded/],
        ['broken@1', 'js_invalid_source', /not valid JSON/],
      ];
      for (const [release, type, detail] of expectations) {
        const event = jsEvent({ release });
        const notes = await stage.resolve(event, web.id);
        assert.equal(notes[0]?.type, type, release);
        assert.match(notes[0]?.detail ?? '', detail, release);
        assert.equal(framesOf(event)[1]?.lineno, 3, release);
        assert.equal((event.exception?.values[0] as { raw_stacktrace?: unknown } | undefined)?.raw_stacktrace, undefined, release);
      }
    });

    it('takes context from an uploaded source when the map has no sourcesContent, else notes its absence', async () => {
      const map = JSON.parse(text(sourceMap.content)) as Record<string, unknown>;
      delete map.sourcesContent;
      const entries = [
        { url: '~/dist/app.min.js', type: 'minified_source' as const, content: text(minified.content) },
        { url: '~/dist/app.min.js.map', type: 'source_map' as const, content: JSON.stringify(map) },
      ];
      const indexJs =
        "import { greet } from './util.js';\n\nexport function main(name) {\n  const message = greet(name);\n  if (!name) {\n    throw new Error('uploaded source');\n  }\n";
      await uploadBundle(artifacts, {
        orgId: org.id,
        projectIds: [web.id],
        bundle: buildSourceBundle([...entries, { url: '~/src/index.js', type: 'source', content: indexJs }]),
        release: 'src@1',
      });
      await uploadBundle(artifacts, { orgId: org.id, projectIds: [web.id], bundle: buildSourceBundle(entries), release: 'nosrc@1' });
      const withSource = jsEvent({ release: 'src@1', url: 'http://h/dist/app.min.js' });
      assert.deepEqual(await stage.resolve(withSource, web.id), []);
      assert.equal(framesOf(withSource)[1]?.context_line, "    throw new Error('uploaded source');");
      const without = jsEvent({ release: 'nosrc@1', url: 'http://h/dist/app.min.js' });
      const notes = await stage.resolve(without, web.id);
      assert.deepEqual(
        notes.map((n) => n.type),
        ['js_missing_source_content'],
      );
      assert.equal(framesOf(without)[1]?.lineno, 6);
      assert.equal(framesOf(without)[1]?.context_line, undefined);
    });

    it('marks webpack and node_modules sources not in-app after mapping', async () => {
      const map = JSON.parse(text(sourceMap.content)) as { sources: string[] };
      map.sources = ['webpack:///./node_modules/greeter/util.js', 'webpack:///./src/index.js'];
      await uploadBundle(artifacts, {
        orgId: org.id,
        projectIds: [web.id],
        bundle: buildSourceBundle([
          { url: '~/app.min.js', type: 'minified_source', content: text(minified.content), headers: { sourcemap: 'app.min.js.map' } },
          { url: '~/app.min.js.map', type: 'source_map', content: JSON.stringify(map) },
        ]),
        release: 'webpack@1',
      });
      const payload = jsEvent({ release: 'webpack@1' });
      const frames = framesOf(payload);
      // A frame inside greet(): the template literal in util.js.
      frames.push({ filename: URL_, function: 'r', lineno: 3, colno: bundleLine.indexOf('`Hello') + 1, in_app: true });
      await stage.resolve(payload, web.id);
      assert.equal(frames[1]?.filename, './src/index.js');
      assert.equal(frames[1]?.in_app, true);
      assert.equal(frames[1]?.module, 'src/index');
      assert.equal(frames[2]?.filename, './node_modules/greeter/util.js');
      assert.equal(frames[2]?.in_app, false);
      assert.equal(frames[2]?.function, 'greet');
    });
  });
}
