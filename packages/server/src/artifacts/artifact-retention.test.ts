import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.js';
import { createManualClock, createSilentLogger, type ManualClock } from '../kernel/index.js';
import type { Organization, Project } from '../organizations/index.js';
import {
  buildSourceBundle,
  explainSkippedPostgres,
  openTestDatabase,
  orgWithProjects,
  type TestDatabase,
  testDialects,
  uploadBundle,
} from '../testing/index.js';
import { sha1Hex } from './chunks.js';
import { type Artifacts, createArtifacts } from './index.js';

explainSkippedPostgres();

const day = 86_400_000;
const shared = 'export const shared = 1;\n';

for (const dialect of testDialects()) {
  for (const storage of ['filesystem', 'database'] as const) {
    describe(`artifact retention (${dialect}, ${storage} blobs)`, () => {
      let db: TestDatabase;
      let clock: ManualClock;
      let artifacts: Artifacts;
      let org: Organization;
      let project: Project;
      const bundleIds = async () => (await db.store.artifacts.bundles.listForProject(project.id, 0, 100)).map((b) => b.bundleId);

      before(async () => {
        // Real "now": file blobs carry real modification times.
        clock = createManualClock(Date.now());
        db = await openTestDatabase(dialect, clock);
        const config = loadConfig({
          ...db.env,
          FAULTLINE_ARTIFACT_STORAGE: storage,
          FAULTLINE_ARTIFACT_RETENTION_DAYS: '30',
          FAULTLINE_ARTIFACT_CHUNK_RETENTION_HOURS: '24',
        });
        artifacts = createArtifacts({ config, store: db.store, clock, logger: createSilentLogger() });
        ({
          org,
          projects: [project],
        } = (await orgWithProjects(db.store, 'acme', ['web'])) as { org: Organization; projects: [Project] });
        for (const [id, own] of [
          ['00000000-0000-0000-0000-00000000000a', 'stale();'],
          ['00000000-0000-0000-0000-00000000000b', 'used();'],
        ] as const) {
          const bundle = buildSourceBundle(
            [
              { url: `~/${own}.js`, type: 'minified_source', content: own, headers: { 'debug-id': id } },
              { url: '~/shared.js', type: 'source', content: shared },
            ],
            { bundleId: id },
          );
          await uploadBundle(artifacts, { orgId: org.id, projectIds: [project.id], bundle, release: 'r1' });
        }
        // An upload that never got assembled.
        await artifacts.storeChunks(org.id, [{ sha1: sha1Hex(Buffer.from('orphan chunk')), data: Buffer.from('orphan chunk') }]);
      });
      after(async () => {
        await artifacts.stop();
        await db.cleanup();
      });

      it('keeps everything young', async () => {
        const run = await artifacts.retention.runOnce();
        assert.deepEqual(run, { bundles: 0, releaseFiles: 0, chunks: 0, blobs: 0 });
        assert.equal((await bundleIds()).length, 2);
      });

      it('drops unused bundles, old chunks and the blobs nothing refers to; used and shared content stays', async () => {
        clock.advance(20 * day);
        const used = await db.store.artifacts.lookup.byDebugIds(project.id, ['00000000-0000-0000-0000-00000000000b']);
        artifacts.reader.markUsed(used);
        for (let i = 0; i < 100; i++) {
          const [b] = await db.store.db
            .selectFrom('artifact_bundles')
            .select('last_used_at')
            .where('bundle_id', '=', '00000000-0000-0000-0000-00000000000b')
            .execute();
          if (b?.last_used_at === clock.now()) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        clock.advance(15 * day);
        const run = await artifacts.retention.runOnce();
        assert.equal(run.bundles, 1);
        assert.equal(run.chunks, 3, 'two assembled uploads and the orphan');
        // stale.js, the two bundle chunks and the orphan chunk; shared.js is still used.
        assert.equal(run.blobs, 4);
        assert.deepEqual(await bundleIds(), ['00000000-0000-0000-0000-00000000000b']);
        assert.equal(await artifacts.blobs.get(sha1Hex(Buffer.from('stale();'))), undefined);
        assert.equal(Buffer.from((await artifacts.blobs.get(sha1Hex(Buffer.from(shared)))) ?? []).toString(), shared);
        assert.ok(await artifacts.blobs.get(sha1Hex(Buffer.from('used();'))));
        assert.equal(await artifacts.blobs.get(sha1Hex(Buffer.from('orphan chunk'))), undefined);
      });
    });
  }
}

describe('artifact retention 0 keeps bundles forever', () => {
  it('deletes no bundle however old', async () => {
    const clock = createManualClock(Date.now());
    const db = await openTestDatabase('sqlite', clock);
    try {
      const artifacts = createArtifacts({
        config: loadConfig({ ...db.env, FAULTLINE_ARTIFACT_RETENTION_DAYS: '0' }),
        store: db.store,
        clock,
        logger: createSilentLogger(),
      });
      const { org, projects } = await orgWithProjects(db.store, 'acme', ['web']);
      await uploadBundle(artifacts, {
        orgId: org.id,
        projectIds: [(projects[0] as Project).id],
        bundle: buildSourceBundle([{ url: '~/a.js', type: 'source', content: 'a' }]),
      });
      clock.advance(3650 * day);
      const run = await artifacts.retention.runOnce();
      assert.equal(run.bundles, 0);
      assert.equal(run.chunks, 1);
      assert.ok(await artifacts.blobs.get(sha1Hex(Buffer.from('a'))));
    } finally {
      await db.cleanup();
    }
  });
});
