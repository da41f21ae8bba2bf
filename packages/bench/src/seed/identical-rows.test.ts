import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { GZIP_THRESHOLD_BYTES } from '../corpus/index.js';
import { type BenchSchema, createBenchSchema, startFaultline } from '../faultline/index.js';
import { repoRoot } from '../paths.js';
import { createEventStream, type SeedCorpus } from './event-stream.js';
import { postgresReader, type RowReader, rowSnapshot, sqliteReader } from './row-snapshot.test-support.js';
import { type SeedDatabase, seededDatabase } from './seed-template.js';

// The query benchmark's fast path must leave exactly the rows real ingest leaves. The same
// events go (a) through the fast path into one fresh database and (b) as HTTP requests, the
// way the Node SDK sends them, into `faultline serve` on another; every row the pipeline
// writes is then compared, receive times and generated ids aside. PostgreSQL too when
// FAULTLINE_TEST_DATABASE_URL is set.

const postgresUrl = process.env.FAULTLINE_TEST_DATABASE_URL ?? null;
// A minute of events ending now: real ingest stamps them with its own clock, and the pipeline keeps
// an event's timestamp only within a minute or so of that.
const corpus: Omit<SeedCorpus, 'endMs'> = { seed: 7, events: 150, issues: 12, days: 60_000 / 86_400_000, largeShare: 0.1 };

async function viaHttp(dataDir: string, databaseUrl: string | null, endMs: number, open: () => Promise<RowReader>): Promise<void> {
  const server = await startFaultline({ repoRoot, dataDir, databaseUrl, startTimeoutMs: 30_000 });
  try {
    const stream = createEventStream({ ...corpus, endMs });
    for (let e = stream.next(); e !== null; e = stream.next()) {
      // As the Node SDK's transport: gzip over 32 KiB, no content type.
      const gzip = e.body.length > GZIP_THRESHOLD_BYTES;
      const res = await fetch(`http://${server.host}:${server.port}${server.ingestPath}`, {
        method: 'POST',
        body: gzip ? gzipSync(e.body) : e.body,
        headers: gzip ? { 'content-encoding': 'gzip' } : {},
      });
      assert.equal(res.status, 200, await res.text());
    }
    // Stopping finishes only the batch in progress: wait until the worker has stored them all.
    const reader = await open();
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [row] = await reader.all('select count(*) as n from events');
        if (Number(row?.n) >= corpus.events) break;
        if (Date.now() > deadline) throw new Error(`only ${String(row?.n)} of ${corpus.events} events processed within 60 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await reader.close();
    }
  } finally {
    await server.stop();
  }
}

const databases: SeedDatabase[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
for (const database of databases) {
  describe(`seeding by the fast path writes the rows HTTP ingest writes (${database})`, { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-identical-'));
    const schemas: BenchSchema[] = [];
    let fast: Record<string, unknown[]>;
    let http: Record<string, unknown[]>;

    const open = (sqliteFile: string, url: string | null): Promise<RowReader> =>
      url === null ? Promise.resolve(sqliteReader(sqliteFile)) : postgresReader(url);
    async function snapshot(sqliteFile: string, url: string | null): Promise<Record<string, unknown[]>> {
      const reader = await open(sqliteFile, url);
      try {
        return await rowSnapshot(reader);
      } finally {
        await reader.close();
      }
    }

    before(async () => {
      const endMs = Date.now();
      const seeded = await seededDatabase({
        database,
        corpus,
        endMs,
        databaseUrl: postgresUrl,
        repoRoot,
        cacheDir: null,
        scratchDir: join(dir, 'fast'),
        log: () => {},
      });
      try {
        fast = await snapshot(join(seeded.dataDir, 'faultline.sqlite'), seeded.databaseUrl);
      } finally {
        await seeded.release();
      }
      const schema = postgresUrl && database === 'postgres' ? await createBenchSchema(postgresUrl, `bench_identical_${Date.now()}`) : null;
      if (schema) schemas.push(schema);
      const httpFile = join(dir, 'http', 'faultline.sqlite');
      await viaHttp(join(dir, 'http'), schema?.url ?? null, endMs, () => open(httpFile, schema?.url ?? null));
      http = await snapshot(httpFile, schema?.url ?? null);
    });
    after(async () => {
      for (const s of schemas) await s.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('seeds every event, into every issue', () => {
      assert.equal(fast.events?.length, corpus.events);
      assert.equal(fast.issues?.length, corpus.issues);
      assert.ok((fast.issue_tags?.length ?? 0) > corpus.events, 'tag counters missing');
    });

    it('HTTP ingest stored every event too', () => {
      assert.equal(http.events?.length, corpus.events);
    });

    for (const table of [
      'issues',
      'events',
      'issue_hashes',
      'issue_users',
      'issue_hourly',
      'issue_tags',
      'issue_activity',
      'outcomes',
      'releases',
      'projects',
    ]) {
      it(`${table}: the same rows`, () => {
        assert.ok((fast[table]?.length ?? 0) > 0, `the fast path wrote no ${table}`);
        assert.deepEqual(fast[table], http[table]);
      });
    }
  });
}
