import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock, createSilentLogger, sha256Hex } from '../../kernel/index.js';
import type { Organization } from '../../organizations/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { createAuth } from '../auth.js';
import type { User } from './users.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`api tokens (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 7, 8));
    let database: TestDatabase;
    let user: User;
    let org: Organization;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      user = await database.store.users.create({ email: 'tok@example.com', name: 'Tok', passwordHash: null });
      org = await database.store.organizations.create({ slug: 'tok-org', name: 'Tok' });
    });
    after(() => database.cleanup());

    it('stores only the digest of a minted token, never the token itself', async () => {
      const { store } = database;
      const auth = createAuth({ store, clock, logger: createSilentLogger(), publicUrl: 'http://errors.example.com' });
      const minted = [
        await auth.createToken({ user, org, name: 'org token', scopes: ['org:read', 'project:releases'] }),
        await auth.createToken({ user, org: null, name: 'user token', scopes: ['project:read'] }),
      ];
      const table = JSON.stringify(await store.db.selectFrom('api_tokens').selectAll().execute());
      for (const { token } of minted) {
        const secret = token.split('_').at(-1) ?? token;
        assert.ok(secret.length >= 40, 'the secret part is long enough to search for');
        assert.equal(table.includes(token), false, 'plain token found in api_tokens');
        assert.equal(table.includes(secret), false, 'token secret found in api_tokens');
        assert.ok(table.includes(sha256Hex(token)), 'the digest is what identifies the token');
        const record = await store.apiTokens.byHash(sha256Hex(token));
        assert.equal(record?.lastChars, token.slice(-4));
      }
    });

    it('reads a token back by digest with its scopes, owner and organization', async () => {
      const { store } = database;
      const created = await store.apiTokens.create({
        userId: user.id,
        orgId: org.id,
        name: 'ci',
        tokenHash: sha256Hex('t1'),
        lastChars: 'zz01',
        scopes: ['org:read', 'project:releases'],
      });
      assert.deepEqual(created, {
        id: created.id,
        userId: user.id,
        orgId: org.id,
        name: 'ci',
        scopes: ['org:read', 'project:releases'],
        lastChars: 'zz01',
        createdAt: clock.now(),
        lastUsedAt: null,
        expiresAt: null,
      });
      assert.deepEqual(await store.apiTokens.byHash(sha256Hex('t1')), created);
      assert.equal(await store.apiTokens.byHash(sha256Hex('t2')), undefined);
      await assert.rejects(store.apiTokens.create({ userId: user.id, orgId: null, name: 'dup', tokenHash: sha256Hex('t1'), lastChars: 'x', scopes: [] }));
    });

    it('lists per user and per organization, records use, and revokes only the owner’s token', async () => {
      const { store } = database;
      const other = await store.users.create({ email: 'other-tok@example.com', name: 'Other', passwordHash: null });
      const mine = await store.apiTokens.create({
        userId: user.id,
        orgId: null,
        name: 'mine',
        tokenHash: sha256Hex('mine'),
        lastChars: 'mine',
        scopes: ['org:read'],
      });
      const theirs = await store.apiTokens.create({
        userId: other.id,
        orgId: org.id,
        name: 'theirs',
        tokenHash: sha256Hex('theirs'),
        lastChars: 'heir',
        scopes: [],
      });
      assert.ok((await store.apiTokens.listForUser(user.id)).some((t) => t.id === mine.id));
      assert.deepEqual(
        (await store.apiTokens.listForUser(other.id)).map((t) => t.id),
        [theirs.id],
      );
      assert.ok((await store.apiTokens.listForOrg(org.id)).some((t) => t.id === theirs.id));
      assert.equal(
        (await store.apiTokens.listForOrg(org.id)).some((t) => t.id === mine.id),
        false,
      );

      clock.advance(5000);
      await store.apiTokens.touch(mine.id);
      assert.equal((await store.apiTokens.byHash(sha256Hex('mine')))?.lastUsedAt, clock.now());

      assert.equal(await store.apiTokens.revoke(user.id, theirs.id), false, 'one cannot revoke another person’s token');
      assert.ok(await store.apiTokens.byHash(sha256Hex('theirs')));
      assert.equal(await store.apiTokens.revoke(user.id, mine.id), true);
      assert.equal(await store.apiTokens.byHash(sha256Hex('mine')), undefined);
    });
  });
}
