import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.js';
import { createSilentLogger, systemClock } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Project } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import {
  buildSourceBundle,
  explainSkippedPostgres,
  openTestDatabase,
  orgWithProjects,
  postgresTestUrl,
  type TestDatabase,
  uploadBundle,
} from '../testing/index.js';
import { type Artifacts, createArtifacts } from './index.js';

explainSkippedPostgres();

// Two server processes on one PostgreSQL database, each with its own data directory: what one
// process stores, the other reads — the bytes live in the database, not on either disk.
describe('artifacts across processes on PostgreSQL', { skip: postgresTestUrl ? false : 'FAULTLINE_TEST_DATABASE_URL is not set' }, () => {
  let db: TestDatabase;
  let second: Store;
  let otherDataDir: string;
  let first: Artifacts;
  let other: Artifacts;
  let project: Project;

  before(async () => {
    db = await openTestDatabase('postgres');
    otherDataDir = mkdtempSync(join(tmpdir(), 'faultline-second-process-'));
    const url = db.env.DATABASE_URL as string;
    const schema = /search_path=(\w+)/.exec(decodeURIComponent(url))?.[1];
    second = openStore({ databaseUrl: url, dataDir: otherDataDir, clock: systemClock, postgres: schema ? { schema } : {} });
    const logger = createSilentLogger();
    first = createArtifacts({ config: loadConfig(db.env), store: db.store, clock: systemClock, logger });
    other = createArtifacts({ config: loadConfig({ ...db.env, FAULTLINE_DATA_DIR: otherDataDir }), store: second, clock: systemClock, logger });
    const { org, projects } = await orgWithProjects(db.store, 'acme', ['web']);
    project = projects[0] as Project;
    await uploadBundle(first, {
      orgId: org.id,
      projectIds: [project.id],
      bundle: buildSourceBundle([
        { url: '~/a.js.map', type: 'source_map', content: '{"version":3}', headers: { 'debug-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' } },
      ]),
    });
  });
  after(async () => {
    await first.stop();
    await other.stop();
    await second.close();
    await db.cleanup();
    rmSync(otherDataDir, { recursive: true, force: true });
  });

  it('stores blobs in the database, and the other process reads them', async () => {
    assert.equal(first.blobs.kind, 'database');
    const [ref] = await other.reader.byDebugIds(project.id, ['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']);
    assert.ok(ref);
    assert.equal(Buffer.from((await other.reader.load(ref.sha1)) ?? []).toString(), '{"version":3}');
  });
});
