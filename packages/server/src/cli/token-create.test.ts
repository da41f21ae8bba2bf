import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allScopes } from '../auth/index.js';
import { sha256Hex } from '../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, runFaultline, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`faultline token create (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await openTestDatabase(dialect);
      env = { ...database.env, FAULTLINE_LOG_LEVEL: 'warn', FAULTLINE_PORT: '9876' };
      const boot = await runFaultline(['bootstrap', '--json'], env);
      assert.equal(boot.code, 0, boot.stderr);
    });
    after(() => database.cleanup());

    it('creates a user token with the given scopes, stored only as a digest', async () => {
      const r = await runFaultline(['token', 'create', '--scopes', 'org:read project:releases', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { id: number; token: string; scopes: string[]; org: string | null; user: string };
      assert.match(out.token, /^sntryu_[0-9a-f]{64}$/);
      assert.deepEqual(out.scopes, ['org:read', 'project:releases']);
      assert.deepEqual([out.org, out.user], [null, 'admin@faultline.local']);
      const record = await database.store.apiTokens.byHash(sha256Hex(out.token));
      assert.equal(record?.id, out.id);
      assert.deepEqual(record?.scopes, ['org:read', 'project:releases']);
    });

    it('creates an organization token that embeds the URL and org', async () => {
      const r = await runFaultline(['token', 'create', '--scopes', 'project:releases,org:read', '--org', 'faultline', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { token: string; org: string };
      assert.equal(out.org, 'faultline');
      const payload = JSON.parse(Buffer.from(out.token.split('_')[1] ?? '', 'base64').toString()) as { url: string; org: string };
      assert.deepEqual([payload.url, payload.org], ['http://localhost:9876', 'faultline']);
      assert.equal((await database.store.apiTokens.byHash(sha256Hex(out.token)))?.orgId, (await database.store.organizations.bySlug('faultline'))?.id);
    });

    it('refuses an unknown scope with exit 2, listing the known scopes', async () => {
      const before = (await database.store.db.selectFrom('api_tokens').select('id').execute()).length;
      const r = await runFaultline(['token', 'create', '--scopes', 'org:read project:everything', '--json'], env);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown scope\(s\): project:everything/);
      for (const scope of allScopes) assert.ok(r.stderr.includes(scope), `${scope} not listed`);
      assert.equal(r.stdout, '');
      assert.equal((await database.store.db.selectFrom('api_tokens').select('id').execute()).length, before);
    });

    it('refuses an unknown organization or user', async () => {
      const noOrg = await runFaultline(['token', 'create', '--scopes', 'org:read', '--org', 'nope'], env);
      assert.equal(noOrg.code, 2);
      assert.match(noOrg.stderr, /no organization "nope"/);
      const noUser = await runFaultline(['token', 'create', '--scopes', 'org:read', '--user', 'ghost@example.com'], env);
      assert.equal(noUser.code, 2);
      assert.match(noUser.stderr, /no user with e-mail ghost@example\.com/);
    });
  });
}
