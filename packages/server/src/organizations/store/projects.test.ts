import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import type { Organization } from './organizations.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`projects (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 5, 6));
    let database: TestDatabase;
    let org: Organization;
    let other: Organization;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      org = await database.store.organizations.create({ slug: 'proj-org', name: 'Org' });
      other = await database.store.organizations.create({ slug: 'proj-other', name: 'Other' });
    });
    after(() => database.cleanup());

    it('creates a project with empty settings and finds it by id and slug', async () => {
      const { store } = database;
      const p = await store.projects.create({ orgId: org.id, slug: 'web', name: 'Web', platform: 'javascript' });
      assert.deepEqual(p, { id: p.id, orgId: org.id, slug: 'web', name: 'Web', platform: 'javascript', settings: {}, createdAt: clock.now() });
      assert.deepEqual(await store.projects.byId(p.id), p);
      assert.deepEqual(await store.projects.bySlug(org.id, 'web'), p);
      assert.equal(await store.projects.bySlug(other.id, 'web'), undefined, 'a slug is looked up within its organization');
    });

    it('keeps slugs unique per organization only', async () => {
      const { store } = database;
      await store.projects.create({ orgId: org.id, slug: 'api', name: 'API', platform: null });
      await assert.rejects(store.projects.create({ orgId: org.id, slug: 'api', name: 'API again', platform: null }));
      const elsewhere = await store.projects.create({ orgId: other.id, slug: 'api', name: 'Their API', platform: null });
      assert.equal(elsewhere.platform, null);
      assert.deepEqual(
        (await store.projects.list(org.id)).map((p) => p.slug),
        ['web', 'api'],
      );
      assert.deepEqual(
        (await store.projects.list(other.id)).map((p) => p.name),
        ['Their API'],
      );
    });

    it('round-trips settings as JSON, nested values and unicode included', async () => {
      const { store } = database;
      const p = await store.projects.create({ orgId: org.id, slug: 'settings', name: 'Settings', platform: null });
      const settings = {
        filters: { browserExtensions: true, releases: ['1.0.0', 'beta-*'] },
        scrub: { fields: ['password', 'ключ'], enabled: false },
        retentionDays: 30,
        note: 'quote " backslash \\ emoji 🚀',
        nothing: null,
      };
      await store.projects.updateSettings(p.id, settings);
      assert.deepEqual((await store.projects.byId(p.id))?.settings, settings);
      await store.projects.updateSettings(p.id, {});
      assert.deepEqual((await store.projects.bySlug(org.id, 'settings'))?.settings, {});
    });

    it('reads unparseable stored settings as empty instead of failing', async () => {
      const { store } = database;
      const p = await store.projects.create({ orgId: org.id, slug: 'broken', name: 'Broken', platform: null });
      await store.db.updateTable('projects').set({ settings: 'not json' }).where('id', '=', p.id).execute();
      assert.deepEqual((await store.projects.byId(p.id))?.settings, {});
    });
  });
}
