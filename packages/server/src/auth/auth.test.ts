import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.js';
import { createManualClock, createSilentLogger, type FaultlineError, isFaultlineError, sha256Hex } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../testing/index.js';
import { type Auth, createAuth } from './auth.js';
import { hashPassword } from './password.js';
import type { User } from './store/users.js';

explainSkippedPostgres();

const minute = 60_000;

function rejectsWith(code: string): (err: unknown) => boolean {
  return (err) => {
    assert.ok(isFaultlineError(err), `expected a FaultlineError, got ${String(err)}`);
    assert.equal((err as FaultlineError).code, code);
    return true;
  };
}

for (const dialect of testDialects()) {
  describe(`auth (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 9, 10));
    let database: TestDatabase;
    // A second connection to the same database stands in for a second server process.
    let otherStore: Store;
    let one: Auth;
    let two: Auth;
    let alice: User;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      const config = loadConfig(database.env);
      otherStore = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock });
      one = createAuth({ store: database.store, clock, logger: createSilentLogger(), publicUrl: 'http://errors.example.com' });
      two = createAuth({ store: otherStore, clock, logger: createSilentLogger(), publicUrl: 'http://errors.example.com' });
      alice = await database.store.users.create({ email: 'alice@auth.test', name: 'Alice', passwordHash: await hashPassword('alice password') });
    });
    after(async () => {
      await otherStore.close();
      await database.cleanup();
    });

    it('signs in with the right password and creates a server-side session', async () => {
      const { sessionId, csrfToken, user } = await one.signIn('ALICE@auth.test', 'alice password', '10.0.0.1');
      assert.equal(user.id, alice.id);
      assert.ok(sessionId.length >= 40 && csrfToken.length >= 30);
      assert.equal(await database.store.sessions.find(sessionId), undefined, 'the cookie value itself is not stored');
      const principal = await two.principalFromSession(sessionId);
      assert.equal(principal?.kind, 'session');
      assert.equal(principal?.user.id, alice.id);
      await assert.rejects(one.signIn('alice@auth.test', 'wrong', '10.0.0.1'), rejectsWith('invalid_credentials'));
      await assert.rejects(one.signIn('nobody@auth.test', 'alice password', '10.0.0.1'), rejectsWith('invalid_credentials'));
      clock.advance(15 * minute); // lets that failure leave the limiter's window
    });

    it('locks an e-mail after 5 failures, across server processes, even for the right password', async () => {
      for (let i = 0; i < 5; i++) {
        const auth = i % 2 === 0 ? one : two;
        await assert.rejects(auth.signIn('alice@auth.test', `guess ${i}`, `10.1.0.${i}`), rejectsWith('invalid_credentials'));
      }
      await assert.rejects(two.signIn('alice@auth.test', 'alice password', '10.2.0.1'), (err) => {
        rejectsWith('too_many_requests')(err);
        const retryAfter = Number((err as FaultlineError).headers['retry-after']);
        assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `retry-after ${retryAfter}`);
        return true;
      });
      clock.advance(15 * minute);
      const ok = await one.signIn('alice@auth.test', 'alice password', '10.2.0.1');
      assert.equal(ok.user.id, alice.id, 'the lock lifts when the failures leave the window');
      assert.equal(await database.store.signInAttempts.countSince('email:alice@auth.test', 15 * minute), 0, 'success clears the e-mail’s failures');
    });

    it('limits one client address guessing across many e-mails (4× the per-e-mail limit)', async () => {
      // A low per-e-mail limit (2, so 8 per address) keeps this quick; the mechanism is the same.
      const strict = createAuth({ store: database.store, clock, logger: createSilentLogger(), publicUrl: 'http://errors.example.com', maxFailedSignIns: 2 });
      const strictOther = createAuth({ store: otherStore, clock, logger: createSilentLogger(), publicUrl: 'http://errors.example.com', maxFailedSignIns: 2 });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => assert.rejects(strict.signIn(`victim${i}@auth.test`, 'guess', '10.9.9.9'), rejectsWith('invalid_credentials'))),
      );
      await assert.rejects(strictOther.signIn('alice@auth.test', 'alice password', '10.9.9.9'), rejectsWith('too_many_requests'));
      assert.equal((await strictOther.signIn('alice@auth.test', 'alice password', '10.9.9.10')).user.id, alice.id, 'other addresses are unaffected');
      clock.advance(15 * minute);
    });

    it('ends sessions on sign-out and at expiry', async () => {
      const a = await one.signIn('alice@auth.test', 'alice password', '10.3.0.1');
      const b = await one.signIn('alice@auth.test', 'alice password', '10.3.0.1');
      const pa = await one.principalFromSession(a.sessionId);
      assert.ok(pa);
      await one.signOut(pa);
      assert.equal(await two.principalFromSession(a.sessionId), undefined, 'signed out everywhere at once');
      assert.ok(await two.principalFromSession(b.sessionId), 'other sessions stay');
      clock.advance(14 * 24 * 60 * minute);
      assert.equal(await one.principalFromSession(b.sessionId), undefined, 'sessions last 14 days');
    });

    it('checks CSRF only for sessions, in constant time against the session token', async () => {
      const s = await one.signIn('alice@auth.test', 'alice password', '10.4.0.1');
      const p = await one.principalFromSession(s.sessionId);
      assert.ok(p);
      assert.doesNotThrow(() => one.checkCsrf(p, s.csrfToken));
      assert.throws(() => one.checkCsrf(p, undefined), rejectsWith('csrf_failed'));
      assert.throws(() => one.checkCsrf(p, `${s.csrfToken}x`), rejectsWith('csrf_failed'));
      const { token } = await one.createToken({ user: alice, org: null, name: 't', scopes: ['org:read'] });
      const tp = await one.principalFromToken(token);
      assert.ok(tp);
      assert.doesNotThrow(() => one.checkCsrf(tp, undefined), 'tokens are not sent by browsers automatically');
    });

    it('resolves tokens by digest, refuses unknown and expired ones', async () => {
      const { token, id } = await one.createToken({ user: alice, org: null, name: 'exp', scopes: ['project:read'] });
      assert.equal((await two.principalFromToken(token))?.user.id, alice.id);
      assert.equal(await two.principalFromToken(`${token}x`), undefined);
      await database.store.db
        .updateTable('api_tokens')
        .set({ expires_at: clock.now() + minute })
        .where('id', '=', id)
        .execute();
      assert.ok(await one.principalFromToken(token));
      clock.advance(minute);
      assert.equal(await one.principalFromToken(token), undefined);
      assert.ok(await database.store.apiTokens.byHash(sha256Hex(token)), 'expired, not deleted');
    });
  });
}
