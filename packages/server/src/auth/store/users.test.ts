import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`users (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 4, 5));
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
    });
    after(() => database.cleanup());

    it('stores e-mail addresses lower-cased and finds them in any case', async () => {
      const { store } = database;
      const user = await store.users.create({ email: 'Mixed.Case@Example.COM', name: 'Mixed', passwordHash: 'scrypt$x' });
      assert.deepEqual(user, { id: user.id, email: 'mixed.case@example.com', name: 'Mixed', isSuperuser: false, createdAt: clock.now() });
      assert.deepEqual(await store.users.byEmail('MIXED.case@example.com'), user);
      assert.deepEqual(await store.users.byId(user.id), user);
      assert.equal(await store.users.byEmail('other@example.com'), undefined);
    });

    it('refuses a second user with the same e-mail in another case', async () => {
      const { store } = database;
      await store.users.create({ email: 'unique@example.com', name: 'One', passwordHash: null });
      await assert.rejects(store.users.create({ email: 'UNIQUE@example.com', name: 'Two', passwordHash: null }));
      const rows = await store.db.selectFrom('users').select('id').where('email', '=', 'unique@example.com').execute();
      assert.equal(rows.length, 1);
    });

    it('keeps the password hash apart from the user and updates it', async () => {
      const { store } = database;
      const user = await store.users.create({ email: 'pw@example.com', name: 'Pw', passwordHash: null });
      assert.equal(await store.users.passwordHash(user.id), null);
      assert.equal('passwordHash' in user, false, 'the user object never carries the hash');
      await store.users.setPassword(user.id, 'scrypt$new');
      assert.equal(await store.users.passwordHash(user.id), 'scrypt$new');
      assert.equal((await store.users.byId(user.id))?.isSuperuser, false);
      await store.users.setPassword(user.id, 'scrypt$newer', true);
      assert.equal((await store.users.byId(user.id))?.isSuperuser, true);
    });

    it('names the first user ever created', async () => {
      const { store } = database;
      const first = await store.users.first();
      assert.equal(first?.email, 'mixed.case@example.com');
    });
  });
}
