import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseRateLimits } from '@faultline/protocol';
import { type App, createApp } from '../app.js';
import { createManualClock, createSilentLogger } from '../kernel/index.js';
import { eventEnvelope, explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { projectQuota } from './key-cache.js';

explainSkippedPostgres();

describe('project quota setting', () => {
  it('uses quota.eventsPerMinute when set, else the configured default (0 = unlimited)', () => {
    assert.equal(projectQuota({ quota: { eventsPerMinute: 30 } }, 0), 30);
    assert.equal(projectQuota({ quota: { eventsPerMinute: 30 } }, 100), 30);
    assert.equal(projectQuota({}, 100), 100);
    assert.equal(projectQuota({ quota: { eventsPerMinute: 'lots' } }, 0), null);
    assert.equal(projectQuota({}, 0), null);
  });
});

const session =
  '{"type":"session"}\n{"sid":"8f7d2432b6354e37a993b5d3dab1c1ac","init":true,"started":"2026-11-21T15:30:23.380Z","status":"ok","attrs":{"release":"a@1"}}';

for (const dialect of testDialects()) {
  describe(`rate limits and quotas (${dialect})`, () => {
    // A fixed clock one second into a minute: every request of a scenario lands in one window.
    const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 30, 1));
    let server: TestServer;
    let pid: number;
    before(async () => {
      server = await startTestServer({ dialect, clock });
      pid = server.workspace.projectId;
    });
    after(() => server.close());

    async function outcome(reason: string): Promise<number> {
      const rows = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['rate_limited'],
        reasons: [reason],
      });
      return rows.reduce((n, r) => n + r.quantity, 0);
    }

    it('limits a key to its events per minute: 429 with Retry-After and X-Sentry-Rate-Limits in SDK syntax, CORS included', async () => {
      const key = await server.store.clientKeys.create(pid, 'limited', 2);
      const options = { query: `?sentry_key=${key.publicKey}`, headers: { origin: 'http://localhost:8080' } };
      const first = await post(server, eventEnvelope(), options);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('x-sentry-rate-limits'), null);
      const second = await post(server, eventEnvelope(), options);
      assert.equal(second.status, 200);
      // The window is full now: the SDK learns it on the response that filled it.
      assert.equal(second.headers.get('x-sentry-rate-limits'), '59:default;error;security:key:key_quota');

      const limited = await post(server, eventEnvelope(), options);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '59');
      const header = limited.headers.get('x-sentry-rate-limits') ?? '';
      assert.equal(header, '59:default;error;security:key:key_quota');
      const [parsed] = parseRateLimits(header);
      assert.deepEqual(parsed?.categories, ['default', 'error', 'security']);
      assert.equal(parsed?.retryAfterSeconds, 59);
      assert.equal(limited.headers.get('access-control-allow-origin'), 'http://localhost:8080');
      assert.match(limited.headers.get('access-control-expose-headers') ?? '', /x-sentry-rate-limits.*retry-after/);
      assert.match(limited.headers.get('x-sentry-error') ?? '', /rate limit/);

      // Other categories still get through, with the limit announced.
      const mixed = await post(server, `${eventEnvelope()}\n${session}`, options);
      assert.equal(mixed.status, 200);
      assert.equal(mixed.headers.get('x-sentry-rate-limits'), '59:default;error;security:key:key_quota');
      await server.app.jobs.worker.drain();
      assert.equal(await outcome('key_quota'), 2);
      const [health] = await server.store.releaseHealth.stats({
        projectIds: [pid],
        start: 0,
        end: clock.now() + 3_600_000,
        intervalMs: clock.now() + 3_600_000,
        groupBy: [],
      });
      assert.equal(health?.totals.inits, 1, 'the session got through and was counted');

      clock.advance(60_000);
      const nextMinute = await post(server, eventEnvelope(), options);
      assert.equal(nextMinute.status, 200);
      assert.equal(nextMinute.headers.get('x-sentry-rate-limits'), null);
    });

    it('applies a per-project quota from the project settings to all its keys', async () => {
      const org = await server.store.organizations.bySlug(server.workspace.org);
      assert.ok(org);
      const project = await server.store.projects.create({ orgId: org.id, slug: `quota-${dialect}`, name: 'Quota', platform: null });
      await server.store.projects.updateSettings(project.id, { quota: { eventsPerMinute: 1 } });
      const [a, b] = [await server.store.clientKeys.create(project.id, 'a'), await server.store.clientKeys.create(project.id, 'b')];
      assert.equal((await post(server, eventEnvelope(), { projectId: project.id, query: `?sentry_key=${a.publicKey}` })).status, 200);
      const limited = await post(server, eventEnvelope(), { projectId: project.id, query: `?sentry_key=${b.publicKey}` });
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get('x-sentry-rate-limits') ?? '', /^\d+:default;error;security:project:project_quota$/);
    });

    it('shares windows between server processes through the database', async () => {
      const key = await server.store.clientKeys.create(pid, 'shared', 3);
      const other: App = await createApp({ config: server.config, store: server.store, logger: createSilentLogger(), clock });
      try {
        const viaOther = (body: string) => other.server.inject({ method: 'POST', url: `/api/${pid}/envelope/?sentry_key=${key.publicKey}`, payload: body });
        const options = { query: `?sentry_key=${key.publicKey}` };
        assert.equal((await post(server, eventEnvelope(), options)).status, 200);
        assert.equal((await post(server, eventEnvelope(), options)).status, 200);
        // The other process has counted nothing itself; it reads the committed total (2) and adds its own.
        assert.equal((await viaOther(eventEnvelope())).statusCode, 200);
        assert.equal((await viaOther(eventEnvelope())).statusCode, 429);
        // This process learns the other's count once its total is older than the refresh interval.
        clock.advance(1500);
        assert.equal((await post(server, eventEnvelope(), options)).status, 429);
      } finally {
        await other.server.close();
      }
    });
  });
}
