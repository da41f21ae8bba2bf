import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, runFaultline, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

type Listed = { id: number; email: string; name: string; superuser: boolean; memberships: { org: string; role: string }[] };

for (const dialect of testDialects()) {
  describe(`faultline user list (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await openTestDatabase(dialect);
      env = { ...database.env, FAULTLINE_LOG_LEVEL: 'warn' };
      await database.store.organizations.create({ slug: 'acme', name: 'Acme' });
      await database.store.organizations.create({ slug: 'globex', name: 'Globex' });
      for (const args of [
        ['--email', 'root@example.com', '--superuser'],
        ['--email', 'ada@example.com', '--org', 'acme', '--role', 'owner'],
        ['--email', 'max@example.com', '--org', 'globex'],
      ]) {
        const r = await runFaultline(['createuser', '--password', 'long-enough', ...args], env);
        assert.equal(r.code, 0, r.stderr);
      }
      const ada = await database.store.users.byEmail('ada@example.com');
      const globex = await database.store.organizations.bySlug('globex');
      if (!ada || !globex) throw new Error('setup: ada or globex missing');
      await database.store.members.add(globex.id, ada.id, 'manager');
    });
    after(() => database.cleanup());

    it('--json lists every user with the superuser flag and each organization and role', async () => {
      const r = await runFaultline(['user', 'list', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const users = JSON.parse(r.stdout) as Listed[];
      assert.deepEqual(
        users.map((u) => [u.email, u.superuser, u.memberships]),
        [
          ['root@example.com', true, []],
          [
            'ada@example.com',
            false,
            [
              { org: 'acme', role: 'owner' },
              { org: 'globex', role: 'manager' },
            ],
          ],
          ['max@example.com', false, [{ org: 'globex', role: 'member' }]],
        ],
      );
    });

    it('prints a table by default', async () => {
      const r = await runFaultline(['user', 'list'], env);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0] ?? '', /^ID\s+EMAIL\s+SUPERUSER\s+ORGANIZATIONS$/);
      assert.match(lines[1] ?? '', /^\d+\s+root@example\.com\s+yes\s+-$/);
      assert.match(lines[2] ?? '', /^\d+\s+ada@example\.com\s+no\s+acme \(owner\), globex \(manager\)$/);
      assert.match(lines[3] ?? '', /^\d+\s+max@example\.com\s+no\s+globex \(member\)$/);
      assert.equal(lines.length, 4);
    });

    it('refuses another subcommand or an unknown option with usage (exit 2)', async () => {
      for (const args of [['user'], ['user', 'delete'], ['user', 'list', '--all']]) {
        const r = await runFaultline(args, env);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, /usage:/, args.join(' '));
      }
    });
  });
}
