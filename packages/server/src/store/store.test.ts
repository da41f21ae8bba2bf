import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../config/index.js';
import { createManualClock } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

// The store conformance suite: the same assertions on every dialect. Repository
// behaviour is in the *.test.ts beside each repository; this file covers the
// store as a whole — migrations, the dialect's settings and value types.
for (const dialect of testDialects()) {
  describe(`store (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1, 12));
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
    });
    after(() => database.cleanup());

    it('applies nothing on a second migrate and reports no pending migration', async () => {
      assert.deepEqual(await database.store.migrate(), []);
      assert.deepEqual(await database.store.pendingMigrations(), []);
    });

    it('migrates a fresh database to the same state from another connection', async () => {
      // A second process starting against an already migrated database must find nothing to do.
      const config = loadConfig(database.env);
      const other = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock });
      try {
        assert.deepEqual(await other.migrate(), []);
        assert.deepEqual(await other.pendingMigrations(), []);
      } finally {
        await other.close();
      }
    });

    it('answers ping', async () => {
      await database.store.dialect.ping();
      assert.equal(database.store.dialect.name, dialect);
    });

    if (dialect === 'postgres') {
      it('migrates its own schema while another schema of the database is already migrated', async () => {
        // Regression: Kysely looked for its bookkeeping tables in every schema, found this
        // suite's, skipped creating its own and failed ("kysely_migration_lock" does not exist).
        const second = await openTestDatabase('postgres', clock);
        try {
          assert.deepEqual(await second.store.pendingMigrations(), []);
          const tables = await sql<{
            n: number;
          }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`.execute(
            second.store.db,
          );
          assert.equal(tables.rows[0]?.n, 1);
        } finally {
          await second.cleanup();
        }
      });
    }

    if (dialect === 'sqlite') {
      it('runs SQLite in WAL mode with foreign keys on', async () => {
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.store.db);
        assert.equal(mode.rows[0]?.journal_mode, 'wal');
        const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.store.db);
        assert.equal(fk.rows[0]?.foreign_keys, 1);
      });
    }

    it('returns ids and millisecond timestamps as JavaScript numbers', async () => {
      const { store } = database;
      const big = Date.UTC(2100, 0, 1); // beyond 32 bits: would overflow an int4 or come back as a string
      clock.set(big);
      const org = await store.organizations.create({ slug: 'numbers', name: 'Numbers' });
      const user = await store.users.create({ email: 'n@example.com', name: 'N', passwordHash: null });
      await store.members.add(org.id, user.id, 'owner');
      const project = await store.projects.create({ orgId: org.id, slug: 'p', name: 'P', platform: null });
      const key = await store.clientKeys.create(project.id, 'k', 100);
      const token = await store.apiTokens.create({
        userId: user.id,
        orgId: org.id,
        name: 't',
        tokenHash: 'h'.repeat(64),
        lastChars: 'abcd',
        scopes: ['org:read'],
      });
      await store.sessions.create('s'.repeat(64), user.id, 'csrf', 1000);
      const read = {
        org: await store.organizations.byId(org.id),
        user: await store.users.byId(user.id),
        member: await store.members.find(org.id, user.id),
        project: await store.projects.byId(project.id),
        key: await store.clientKeys.byPublicKey(key.publicKey),
        token: await store.apiTokens.byHash('h'.repeat(64)),
        session: await store.sessions.find('s'.repeat(64)),
      };
      for (const [name, row] of Object.entries(read)) {
        assert.ok(row, `${name} not found`);
        assert.equal(typeof row.createdAt, 'number', `${name}.createdAt`);
        assert.equal(row.createdAt, big, `${name}.createdAt`);
        if ('id' in row) assert.ok(Number.isInteger(row.id) && row.id > 0, `${name}.id is ${typeof row.id}`);
      }
      assert.equal(read.session?.expiresAt, big + 1000);
      assert.equal(read.key?.rateLimit, 100);
      assert.equal(typeof read.token?.orgId, 'number');
      assert.equal(typeof read.member?.userId, 'number');
      assert.equal(await store.signInAttempts.countSince('nobody', 1000), 0);
      assert.ok(token.id > 0);
    });
  });
}
