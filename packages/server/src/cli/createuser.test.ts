import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../auth/index.js';
import { explainSkippedPostgres, openTestDatabase, runFaultline, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`faultline createuser (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await openTestDatabase(dialect);
      env = { ...database.env, FAULTLINE_LOG_LEVEL: 'warn' };
    });
    after(() => database.cleanup());

    it('creates a user with a scrypt-hashed password', async () => {
      const r = await runFaultline(['createuser', '--email', 'Dev@Example.com', '--password', 'hunter2hunter2', '--superuser', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { id: number; email: string; superuser: boolean; memberships: unknown[] };
      assert.deepEqual([out.email, out.superuser, out.memberships], ['dev@example.com', true, []]);
      const user = await database.store.users.byEmail('dev@example.com');
      assert.equal(user?.id, out.id);
      const hash = (await database.store.users.passwordHash(out.id)) ?? '';
      assert.match(hash, /^scrypt\$/);
      assert.equal(await verifyPassword('hunter2hunter2', hash), true);
    });

    it('refuses a duplicate e-mail (in any case) with a clear message and a non-zero exit', async () => {
      const r = await runFaultline(['createuser', '--email', 'DEV@example.com', '--password', 'another-password'], env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /a user with e-mail dev@example\.com already exists/);
      assert.equal(r.stderr.includes('usage:'), false, 'not a usage error');
      assert.equal(
        await verifyPassword(
          'hunter2hunter2',
          (await database.store.users.passwordHash((await database.store.users.byEmail('dev@example.com'))?.id ?? -1)) ?? '',
        ),
        true,
        'the existing password is untouched',
      );
    });

    it('--org and --role add an ordinary membership (member unless --role says otherwise)', async () => {
      const org = await database.store.organizations.create({ slug: 'acme', name: 'Acme' });
      const admin = await runFaultline(
        ['createuser', '--email', 'ada@example.com', '--password', 'long-enough', '--org', 'acme', '--role', 'admin', '--json'],
        env,
      );
      assert.equal(admin.code, 0, admin.stderr);
      const out = JSON.parse(admin.stdout) as { id: number; superuser: boolean; memberships: unknown[] };
      assert.deepEqual([out.superuser, out.memberships], [false, [{ org: 'acme', role: 'admin' }]]);
      assert.equal((await database.store.members.find(org.id, out.id))?.role, 'admin');
      const plain = await runFaultline(['createuser', '--email', 'max@example.com', '--password', 'long-enough', '--org', 'acme'], env);
      assert.equal(plain.code, 0, plain.stderr);
      assert.match(plain.stdout, /^created user max@example\.com \(id \d+\), member of acme$/m);
      const max = await database.store.users.byEmail('max@example.com');
      assert.equal((await database.store.members.find(org.id, max?.id ?? -1))?.role, 'member');
      assert.equal(max?.isSuperuser, false);
    });

    it('refuses an unknown organization (exit 1) without creating the user', async () => {
      const r = await runFaultline(['createuser', '--email', 'ghost@example.com', '--password', 'long-enough', '--org', 'nope', '--role', 'owner'], env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /no organization "nope"/);
      assert.equal(r.stderr.includes('usage:'), false, 'not a usage error');
      assert.equal(await database.store.users.byEmail('ghost@example.com'), undefined);
    });

    it('refuses an unknown role, or --role without --org, with usage (exit 2)', async () => {
      const unknown = await runFaultline(['createuser', '--email', 'r@example.com', '--password', 'long-enough', '--org', 'acme', '--role', 'superadmin'], env);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown role "superadmin": --role is one of member, admin, manager, owner/);
      const orphan = await runFaultline(['createuser', '--email', 'r@example.com', '--password', 'long-enough', '--role', 'admin'], env);
      assert.equal(orphan.code, 2);
      assert.match(orphan.stderr, /--role needs --org/);
      assert.equal(await database.store.users.byEmail('r@example.com'), undefined);
    });

    it('refuses a missing e-mail or a short password with usage (exit 2)', async () => {
      const cases = [
        ['--password', 'long-enough'],
        ['--email', 'not-an-email', '--password', 'long-enough'],
        ['--email', 'x@example.com', '--password', 'short'],
      ];
      const results = await Promise.all(cases.map((args) => runFaultline(['createuser', ...args], env)));
      cases.forEach((args, i) => {
        assert.equal(results[i]?.code, 2, args.join(' '));
        assert.match(results[i]?.stderr ?? '', /createuser needs/);
      });
      assert.equal(await database.store.users.byEmail('x@example.com'), undefined);
    });
  });
}
