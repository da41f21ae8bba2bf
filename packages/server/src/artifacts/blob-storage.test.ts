import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.js';
import { createManualClock } from '../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../testing/index.js';
import { type BlobStorage, createDatabaseBlobStorage, createFileBlobStorage, openBlobStorage } from './blob-storage.js';
import { sha1Hex } from './chunks.js';

explainSkippedPostgres();

const bytes = (s: string) => new TextEncoder().encode(s);

/** One conformance suite for every storage: what artifacts/ relies on, whatever holds the bytes. */
function conformance(name: string, open: () => Promise<{ blobs: BlobStorage; age(sha1: string, ms: number): Promise<void>; close(): Promise<void> }>) {
  describe(`blob storage: ${name}`, () => {
    let blobs: BlobStorage;
    let age: (sha1: string, ms: number) => Promise<void>;
    let close: () => Promise<void>;
    before(async () => {
      ({ blobs, age, close } = await open());
    });
    after(async () => close());

    it('stores by SHA-1 and reads back the same bytes; unknown digests are undefined', async () => {
      const data = bytes('hello artifacts');
      await blobs.put(sha1Hex(data), data);
      assert.deepEqual(Buffer.from((await blobs.get(sha1Hex(data))) ?? []), Buffer.from(data));
      assert.equal(await blobs.get(sha1Hex(bytes('never stored'))), undefined);
    });

    it('stores known content once (writing it again is a no-op)', async () => {
      const data = bytes('twice');
      await blobs.put(sha1Hex(data), data);
      await blobs.put(sha1Hex(data), data);
      const listed = await blobs.listOlderThan(Date.now() + 60_000, '', 1000);
      assert.equal(listed.filter((s) => s === sha1Hex(data)).length, 1);
    });

    it('lists only blobs older than the cut-off, in SHA-1 order after a cursor', async () => {
      const old = bytes('old blob');
      const fresh = bytes('fresh blob');
      await blobs.put(sha1Hex(old), old);
      await blobs.put(sha1Hex(fresh), fresh);
      await age(sha1Hex(old), 2 * 3_600_000);
      const cutoff = Date.now() - 3_600_000;
      const listed = await blobs.listOlderThan(cutoff, '', 1000);
      assert.ok(listed.includes(sha1Hex(old)));
      assert.ok(!listed.includes(sha1Hex(fresh)));
      assert.deepEqual([...listed].sort(), listed);
      assert.deepEqual(
        await blobs.listOlderThan(cutoff, sha1Hex(old), 1000),
        listed.filter((s) => s > sha1Hex(old)),
      );
    });

    it('removes an old blob, but not one refreshed since the collector looked', async () => {
      const gone = bytes('to be collected');
      const kept = bytes('uploaded again meanwhile');
      for (const b of [gone, kept]) {
        await blobs.put(sha1Hex(b), b);
        await age(sha1Hex(b), 2 * 3_600_000);
      }
      // Uploading known content again makes it young: the collector's stale list must not delete it.
      await blobs.put(sha1Hex(kept), kept);
      const cutoff = Date.now() - 3_600_000;
      await blobs.remove(sha1Hex(gone), cutoff);
      await blobs.remove(sha1Hex(kept), cutoff);
      assert.equal(await blobs.get(sha1Hex(gone)), undefined);
      assert.ok(await blobs.get(sha1Hex(kept)));
    });
  });
}

conformance('filesystem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-blobs-'));
  return {
    blobs: createFileBlobStorage(join(dir, 'artifacts')),
    async age(sha1, ms) {
      const t = new Date(Date.now() - ms);
      utimesSync(join(dir, 'artifacts', sha1), t, t);
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

for (const dialect of testDialects()) {
  conformance(`database (${dialect})`, async () => {
    const db: TestDatabase = await openTestDatabase(dialect);
    return {
      blobs: createDatabaseBlobStorage(db.store),
      async age(sha1, ms) {
        await db.store.db
          .updateTable('blobs')
          .set({ created_at: Date.now() - ms })
          .where('sha1', '=', sha1)
          .execute();
      },
      close: () => db.cleanup(),
    };
  });
}

describe('openBlobStorage: the one place that picks the storage', () => {
  let db: TestDatabase;
  before(async () => {
    db = await openTestDatabase('sqlite', createManualClock());
  });
  after(async () => db.cleanup());

  it('uses files without DATABASE_URL and the database with it, unless told otherwise', () => {
    const env = { FAULTLINE_DATA_DIR: db.dataDir };
    assert.equal(openBlobStorage({ config: loadConfig(env), store: db.store }).kind, 'filesystem');
    assert.equal(openBlobStorage({ config: loadConfig({ ...env, DATABASE_URL: 'postgres://x@127.0.0.1/none' }), store: db.store }).kind, 'database');
    assert.equal(openBlobStorage({ config: loadConfig({ ...env, FAULTLINE_ARTIFACT_STORAGE: 'database' }), store: db.store }).kind, 'database');
  });

  it('keeps filesystem blobs under DATA_DIR/artifacts/<sha1>, nothing else', async () => {
    const blobs = openBlobStorage({ config: loadConfig({ FAULTLINE_DATA_DIR: db.dataDir }), store: db.store });
    const data = bytes('on disk');
    await blobs.put(sha1Hex(data), data);
    assert.deepEqual(readdirSync(join(db.dataDir, 'artifacts')), [sha1Hex(data)]);
    await assert.rejects(() => blobs.get('../../etc/passwd'), /not a SHA-1/);
  });
});
