import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, openTestDatabase, runFaultline, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`faultline project create (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await openTestDatabase(dialect);
      env = {
        ...database.env,
        FAULTLINE_LOG_LEVEL: 'warn',
        FAULTLINE_URL: 'https://errors.example.com',
        FAULTLINE_ADMIN_PASSWORD: 'configured admin password',
      };
    });
    after(() => database.cleanup());

    let created: { org: string; project: string; projectId: number; dsn: string; created: boolean };

    it('creates the organization and project with a DSN, as JSON', async () => {
      const r = await runFaultline(['project', 'create', 'shop/checkout', '--platform', 'node', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      created = JSON.parse(r.stdout);
      assert.deepEqual([created.org, created.project, created.created], ['shop', 'checkout', true]);
      const dsn = new URL(created.dsn);
      assert.equal(dsn.origin, 'https://errors.example.com');
      assert.equal(dsn.pathname, `/${created.projectId}`);
      const org = await database.store.organizations.bySlug('shop');
      assert.ok(org);
      const project = await database.store.projects.bySlug(org.id, 'checkout');
      assert.equal(project?.id, created.projectId);
      assert.equal(project?.platform, 'node');
      const admin = await database.store.users.byEmail('admin@faultline.local');
      assert.equal((await database.store.members.find(org.id, admin?.id ?? -1))?.role, 'owner');
      assert.equal(r.stderr.includes('configured admin password'), false, 'a configured password is never echoed');
    });

    it('reports an existing project instead of creating a second one', async () => {
      const r = await runFaultline(['project', 'create', 'shop/checkout', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const again = JSON.parse(r.stdout) as typeof created;
      assert.deepEqual(again, { ...created, created: false });
      assert.equal((await database.store.projects.list((await database.store.organizations.bySlug('shop'))?.id ?? -1)).length, 1);
    });

    it('refuses malformed targets with usage, and invalid slugs with a message', async () => {
      const targets = ['checkout', 'a/b/c', '/x'];
      const results = await Promise.all(targets.map((target) => runFaultline(['project', 'create', target], env)));
      targets.forEach((target, i) => {
        assert.equal(results[i]?.code, 2, target);
        assert.match(results[i]?.stderr ?? '', /usage: faultline project create ORG\/PROJECT/);
      });
      const bad = await runFaultline(['project', 'create', 'Shop/Checkout'], env);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /invalid organization slug "Shop"/);
      const noOwner = await runFaultline(['project', 'create', 'shop/other', '--owner', 'ghost@example.com'], env);
      assert.equal(noOwner.code, 2);
      assert.match(noOwner.stderr, /no user with e-mail ghost@example\.com/);
    });
  });
}
