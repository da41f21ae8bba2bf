import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import type { Project } from './projects.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`client keys (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 6, 7));
    let database: TestDatabase;
    let project: Project;
    let otherProject: Project;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      const org = await database.store.organizations.create({ slug: 'keys', name: 'Keys' });
      project = await database.store.projects.create({ orgId: org.id, slug: 'one', name: 'One', platform: null });
      otherProject = await database.store.projects.create({ orgId: org.id, slug: 'two', name: 'Two', platform: null });
    });
    after(() => database.cleanup());

    it('creates enabled keys with distinct 32-hex public and secret keys', async () => {
      const { store } = database;
      const key = await store.clientKeys.create(project.id, 'Default');
      assert.match(key.publicKey, /^[0-9a-f]{32}$/);
      assert.match(key.secretKey, /^[0-9a-f]{32}$/);
      assert.notEqual(key.publicKey, key.secretKey);
      assert.deepEqual(key, {
        id: key.id,
        projectId: project.id,
        label: 'Default',
        publicKey: key.publicKey,
        secretKey: key.secretKey,
        enabled: true,
        rateLimit: null,
        createdAt: clock.now(),
      });
      assert.deepEqual(await store.clientKeys.byPublicKey(key.publicKey), key);
      assert.deepEqual(await store.clientKeys.byId(project.id, key.id), key);
      assert.equal(await store.clientKeys.byId(otherProject.id, key.id), undefined);
      assert.equal(await store.clientKeys.byPublicKey('0'.repeat(32)), undefined);
    });

    it('never hands out the same public key twice, and the column enforces it', async () => {
      const { store } = database;
      const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => store.clientKeys.create(otherProject.id, `k${i}`)));
      assert.equal(new Set(keys.map((k) => k.publicKey)).size, keys.length);
      const taken = keys[0]?.publicKey ?? '';
      await assert.rejects(
        store.db
          .insertInto('client_keys')
          .values({ project_id: project.id, label: 'dup', public_key: taken, secret_key: 'x', enabled: 1, rate_limit: null, created_at: clock.now() })
          .execute(),
      );
    });

    it('lists a project’s keys in creation order', async () => {
      const { store } = database;
      await store.clientKeys.create(project.id, 'Second', 60);
      const list = await store.clientKeys.list(project.id);
      assert.deepEqual(
        list.map((k) => [k.label, k.rateLimit]),
        [
          ['Default', null],
          ['Second', 60],
        ],
      );
    });

    it('updates label, enabled and rate limit, only within the key’s project', async () => {
      const { store } = database;
      const key = await store.clientKeys.create(project.id, 'Mutable');
      const off = await store.clientKeys.update(project.id, key.id, { enabled: false, rateLimit: 120 });
      assert.deepEqual({ enabled: off?.enabled, rateLimit: off?.rateLimit, label: off?.label }, { enabled: false, rateLimit: 120, label: 'Mutable' });
      const renamed = await store.clientKeys.update(project.id, key.id, { label: 'Renamed', rateLimit: null, enabled: true });
      assert.deepEqual(
        { enabled: renamed?.enabled, rateLimit: renamed?.rateLimit, label: renamed?.label },
        { enabled: true, rateLimit: null, label: 'Renamed' },
      );
      assert.equal(await store.clientKeys.update(otherProject.id, key.id, { enabled: false }), undefined);
      assert.equal((await store.clientKeys.byPublicKey(key.publicKey))?.enabled, true, 'a foreign project cannot switch it off');
      assert.deepEqual(await store.clientKeys.update(project.id, key.id, {}), renamed);
    });

    it('removes a key only from its own project', async () => {
      const { store } = database;
      const key = await store.clientKeys.create(project.id, 'Doomed');
      assert.equal(await store.clientKeys.remove(otherProject.id, key.id), false);
      assert.ok(await store.clientKeys.byPublicKey(key.publicKey));
      assert.equal(await store.clientKeys.remove(project.id, key.id), true);
      assert.equal(await store.clientKeys.byPublicKey(key.publicKey), undefined);
      assert.equal(await store.clientKeys.remove(project.id, key.id), false);
    });
  });
}
