import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createLogger, createManualClock } from '../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../testing/index.js';
import { DEFAULT_INBOUND_FILTER_SETTINGS } from './filter/index.js';
import { createProjectSettingsCache, DEFAULT_PROCESSING_SETTINGS, readGroupingText } from './project-settings.js';

explainSkippedPostgres();

describe('readGroupingText', () => {
  it('reads the two rule texts and refuses anything else', () => {
    assert.deepEqual(readGroupingText(undefined), { ok: true, text: {} });
    assert.deepEqual(readGroupingText({ fingerprintRules: 'a -> b', stackRules: null }), { ok: true, text: { fingerprintRules: 'a -> b' } });
    assert.equal(readGroupingText({ fingerprintRules: 3 }).ok, false);
    assert.equal(readGroupingText({ other: '' }).ok, false);
    assert.equal(readGroupingText('rules').ok, false);
  });
});

for (const dialect of testDialects()) {
  describe(`project processing settings (${dialect})`, () => {
    let db: TestDatabase;
    let projectId: number;
    const warnings: string[] = [];
    const clock = createManualClock();
    const logger = createLogger(
      'warn',
      new Writable({
        write(chunk: Buffer, _enc, done) {
          warnings.push(chunk.toString());
          done();
        },
      }),
    );
    before(async () => {
      db = await openTestDatabase(dialect);
      const org = await db.store.organizations.create({ slug: 'settings', name: 'Settings' });
      projectId = (await db.store.projects.create({ orgId: org.id, slug: 'p', name: 'P', platform: null })).id;
    });
    after(() => db.cleanup());

    it('caches for the TTL, then sees changes; compiles grouping rules only when their text changes', async () => {
      const cache = createProjectSettingsCache({ store: db.store, clock, logger, ttlMs: 1000 });
      const load = async () => (await cache.load(db.store.db, [projectId]))(projectId);
      assert.deepEqual(await load(), DEFAULT_PROCESSING_SETTINGS);
      const rules = { fingerprintRules: 'error.type:TypeError -> type-errors', stackRules: '' };
      await db.store.projects.updateSettings(projectId, { grouping: rules, inboundFilters: { localhost: true } });
      assert.deepEqual(await load(), DEFAULT_PROCESSING_SETTINGS, 'still cached');
      clock.advance(1000);
      const first = await load();
      assert.equal(first.inboundFilters.localhost, true);
      assert.equal(first.grouping.fingerprintRules.length, 1);
      await db.store.projects.updateSettings(projectId, { grouping: rules, inboundFilters: { localhost: false } });
      clock.advance(1000);
      const second = await load();
      assert.equal(second.inboundFilters.localhost, false);
      assert.equal(second.grouping, first.grouping, 'same rule text: the compiled rules are reused');
      await db.store.projects.updateSettings(projectId, { grouping: { ...rules, stackRules: 'stack.module:vendor.** -app' } });
      clock.advance(1000);
      const third = await load();
      assert.notEqual(third.grouping, first.grouping);
      assert.equal(third.grouping.stackRules.length, 1);
    });

    it('falls back to the defaults of an invalid part only, and logs it once per change', async () => {
      const cache = createProjectSettingsCache({ store: db.store, clock, logger, ttlMs: 0 });
      await db.store.projects.updateSettings(projectId, { inboundFilters: { localhost: 'yes' }, scrubbing: { scrubIpAddresses: true } });
      const before = warnings.length;
      const s = (await cache.load(db.store.db, [projectId]))(projectId);
      assert.deepEqual(s.inboundFilters, DEFAULT_INBOUND_FILTER_SETTINGS);
      assert.equal(s.scrubbing.scrubIpAddresses, true);
      await cache.load(db.store.db, [projectId]);
      assert.equal(warnings.length, before + 1);
      assert.match(warnings.at(-1) ?? '', /localhost must be true or false/);
      assert.deepEqual((await cache.load(db.store.db, [999_999]))(999_999), DEFAULT_PROCESSING_SETTINGS, 'an unknown project gets the defaults');
    });
  });
}
