import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import type { User } from './users.js';

explainSkippedPostgres();

const minute = 60_000;

for (const dialect of testDialects()) {
  describe(`sessions and sign-in attempts (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 8, 9));
    let database: TestDatabase;
    let user: User;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      user = await database.store.users.create({ email: 'sess@example.com', name: 'Sess', passwordHash: null });
    });
    after(() => database.cleanup());

    it('finds a session until it expires, by the clock', async () => {
      const { store } = database;
      const start = clock.now();
      await store.sessions.create('hash-a', user.id, 'csrf-a', 10 * minute);
      assert.deepEqual(await store.sessions.find('hash-a'), { userId: user.id, csrfToken: 'csrf-a', createdAt: start, expiresAt: start + 10 * minute });
      clock.advance(10 * minute - 1);
      assert.ok(await store.sessions.find('hash-a'), 'still valid 1 ms before expiry');
      clock.advance(1);
      assert.equal(await store.sessions.find('hash-a'), undefined, 'expired at expiresAt');
      assert.equal(await store.sessions.find('unknown'), undefined);
    });

    it('removes one session, and sweeps only the expired ones', async () => {
      const { store } = database;
      await store.sessions.create('hash-b', user.id, 'csrf-b', minute);
      await store.sessions.create('hash-c', user.id, 'csrf-c', 60 * minute);
      await store.sessions.remove('hash-b');
      assert.equal(await store.sessions.find('hash-b'), undefined);
      clock.advance(2 * minute);
      // hash-a (from the previous test) is expired too.
      assert.equal(await store.sessions.removeExpired(), 1);
      const left = await store.db.selectFrom('sessions').select('id_hash').execute();
      assert.deepEqual(left, [{ id_hash: 'hash-c' }]);
      assert.equal((await store.sessions.find('hash-c'))?.csrfToken, 'csrf-c');
    });

    it('counts sign-in attempts per subject within a sliding window', async () => {
      const { store } = database;
      const window = 15 * minute;
      await store.signInAttempts.record('email:x@example.com');
      clock.advance(5 * minute);
      await store.signInAttempts.record('email:x@example.com');
      await store.signInAttempts.record('ip:127.0.0.1');
      assert.equal(await store.signInAttempts.countSince('email:x@example.com', window), 2);
      assert.equal(await store.signInAttempts.countSince('ip:127.0.0.1', window), 1);
      assert.equal(await store.signInAttempts.countSince('email:y@example.com', window), 0);
      clock.advance(10 * minute);
      assert.equal(await store.signInAttempts.countSince('email:x@example.com', window), 1, 'the first attempt left the window');
      await store.signInAttempts.clear('email:x@example.com');
      assert.equal(await store.signInAttempts.countSince('email:x@example.com', window), 0);
      assert.equal(await store.signInAttempts.countSince('ip:127.0.0.1', window), 1, 'clearing one subject keeps the others');
    });
  });
}
