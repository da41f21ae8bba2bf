// An API token's "last used" follows its use over real HTTP, written at most once a minute.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock, sha256Hex } from '../kernel/index.js';
import { apiFetch, explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

type TokenJson = { name: string; lastUsed: string | null };

for (const dialect of testDialects()) {
  describe(`API token last used (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 9, 0, 0));
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock, env: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' } });
    });
    after(() => server.close());

    const lastUsedAt = async () => (await server.store.apiTokens.byHash(sha256Hex(server.workspace.token)))?.lastUsedAt;
    const call = async () => {
      const res = await apiFetch<TokenJson[]>(server.url, `/api/0/organizations/${server.workspace.org}/`, { as: { token: server.workspace.token } });
      assert.equal(res.status, 200);
    };

    it('is set by the first authenticated request and refreshed only after a minute', async () => {
      const first = clock.now();
      await call();
      assert.equal(await lastUsedAt(), first);

      clock.advance(30_000);
      await call();
      assert.equal(await lastUsedAt(), first, 'within the minute: no write');

      clock.advance(30_000);
      await call();
      assert.equal(await lastUsedAt(), clock.now(), 'a minute later: refreshed');
    });

    it('is what the token list shows', async () => {
      const list = await apiFetch<TokenJson[]>(server.url, '/api/0/api-tokens/', { as: { token: server.workspace.token } });
      assert.equal(list.status, 200);
      const shown = list.body.map((t) => t.lastUsed).filter((v) => v !== null);
      assert.ok(shown.includes(new Date((await lastUsedAt()) as number).toISOString()), JSON.stringify(list.body));
    });

    it('an unknown token changes nothing', async () => {
      const before = await lastUsedAt();
      clock.advance(5 * 60_000);
      const res = await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/`, { as: { token: `${server.workspace.token}x` } });
      assert.equal(res.status, 401);
      assert.equal(await lastUsedAt(), before);
    });
  });
}
