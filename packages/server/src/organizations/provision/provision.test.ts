import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../../auth/index.js';
import { isFaultlineError } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { createProvisioning, type Provisioning } from './provision.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`provisioning (${dialect})`, () => {
    let database: TestDatabase;
    let provisioning: Provisioning;
    let owner: User;
    before(async () => {
      database = await openTestDatabase(dialect);
      provisioning = createProvisioning(database.store);
      owner = await database.store.users.create({ email: 'owner@example.com', name: 'Owner', passwordHash: null });
    });
    after(() => database.cleanup());

    it('creates an organization with its owner and a default team that the owner is on', async () => {
      const { store } = database;
      const { org, created } = await provisioning.ensureOrganization('acme', 'Acme', owner);
      assert.equal(created, true);
      assert.equal((await store.members.find(org.id, owner.id))?.role, 'owner');
      const teams = await store.teams.list(org.id);
      assert.deepEqual(
        teams.map((t) => [t.slug, t.name]),
        [['acme', 'Acme']],
      );
      const onTeam = await store.db
        .selectFrom('team_members')
        .selectAll()
        .where('team_id', '=', teams[0]?.id ?? -1)
        .execute();
      assert.equal(onTeam.length, 1);
    });

    it('is idempotent: ensuring again creates nothing and reports created: false', async () => {
      const { store } = database;
      const again = await provisioning.ensureOrganization('acme', 'Acme renamed', owner);
      assert.equal(again.created, false);
      assert.equal(again.org.name, 'Acme');
      assert.equal((await store.teams.list(again.org.id)).length, 1);
      assert.equal((await store.members.list(again.org.id)).length, 1);
    });

    it('creates a project with a client key on the default team, once', async () => {
      const { store } = database;
      const org = (await store.organizations.bySlug('acme')) ?? assert.fail('no org');
      const first = await provisioning.ensureProject(org, { slug: 'web', name: 'Web', platform: 'javascript' });
      assert.equal(first.created, true);
      assert.equal(first.project.platform, 'javascript');
      assert.equal(first.key.projectId, first.project.id);
      assert.equal(first.key.enabled, true);
      assert.deepEqual(
        (await store.teams.forProject(first.project.id)).map((t) => t.slug),
        ['acme'],
      );
      const second = await provisioning.ensureProject(org, { slug: 'web' });
      assert.equal(second.created, false);
      assert.equal(second.project.id, first.project.id);
      assert.equal(second.key.publicKey, first.key.publicKey);
      assert.equal((await store.clientKeys.list(first.project.id)).length, 1);
    });

    it('hands out a fresh key when every existing key is disabled', async () => {
      const { store } = database;
      const org = (await store.organizations.bySlug('acme')) ?? assert.fail('no org');
      const { project, key } = await provisioning.ensureProject(org, { slug: 'web' });
      await store.clientKeys.update(project.id, key.id, { enabled: false });
      const again = await provisioning.ensureProject(org, { slug: 'web' });
      assert.notEqual(again.key.publicKey, key.publicKey);
      assert.equal(again.key.enabled, true);
    });

    it('refuses invalid slugs with a validation error', async () => {
      const org = (await database.store.organizations.bySlug('acme')) ?? assert.fail('no org');
      for (const slug of ['Acme', 'has space', '123', '-lead', '']) {
        await assert.rejects(provisioning.ensureOrganization(slug, 'x', owner), (e) => isFaultlineError(e) && e.code === 'validation_failed', slug);
        await assert.rejects(provisioning.ensureProject(org, { slug }), (e) => isFaultlineError(e) && e.code === 'validation_failed', slug);
      }
    });
  });
}
