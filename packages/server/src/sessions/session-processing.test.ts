// On every database: session updates and aggregates through the real pipeline become counters
// and distinct sets that give Sentry's formulas exactly; bad items each end in an invalid
// outcome with a reason while the valid items of the same envelope still count.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, outcomeTotal, type PipelineHarness, startPipelineHarness, type TestProject } from '../process/pipeline.test-support.js';
import { explainSkippedPostgres, post, testDialects } from '../testing/index.js';
import { readReleaseHealth } from './release-health.js';

explainSkippedPostgres();

const hour = 3_600_000;

async function sendItems(h: PipelineHarness, p: TestProject, items: readonly { type: string; payload: unknown }[]): Promise<void> {
  const lines = [JSON.stringify({ sent_at: new Date(h.clock.now()).toISOString() })];
  for (const i of items) lines.push(JSON.stringify({ type: i.type }), typeof i.payload === 'string' ? i.payload : JSON.stringify(i.payload));
  const res = await post(h.server, lines.join('\n'), { projectId: p.id, query: `?sentry_key=${p.key}` });
  assert.equal(res.status, 200, await res.text());
  await drain(h);
}

for (const dialect of testDialects()) {
  describe(`session processing (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    const iso = (ms: number) => new Date(ms).toISOString();
    const update = (fields: Record<string, unknown>) => ({
      type: 'session',
      payload: { started: iso(h.clock.now() - 60_000), timestamp: iso(h.clock.now()), attrs: { release: 'app@1.0.0', environment: 'production' }, ...fields },
    });
    const window = () => ({ start: h.clock.now() - 24 * hour, end: h.clock.now() + hour });

    it('counts individual updates as Relay does: init once, an errored session once however many updates, users per status', async () => {
      const p = await newProject(h);
      await sendItems(h, p, [
        update({ sid: 'a1', did: 'alice', init: true, status: 'ok' }),
        update({ sid: 'a1', did: 'alice', status: 'ok', errors: 1 }),
        update({ sid: 'b1', did: 'bob', init: true, status: 'ok' }),
        update({ sid: 'c1', did: 'carol', init: true, status: 'ok' }),
        update({ sid: 'c2', did: 'carol', init: true, status: 'exited', duration: 12 }),
        update({ sid: 'n1', init: true, status: 'ok' }),
      ]);
      // Later envelopes: alice's session errors again (still one errored session), bob's crashes, carol's first is unhandled.
      await sendItems(h, p, [
        update({ sid: 'a1', did: 'alice', status: 'errored', errors: 2 }),
        update({ sid: 'b1', did: 'bob', status: 'crashed', errors: 1 }),
        update({ sid: 'c1', did: 'carol', status: 'unhandled', errors: 1 }),
      ]);
      const health = await readReleaseHealth(h.server.store, { projectId: p.id, release: 'app@1.0.0', ...window() });
      assert.deepEqual(
        {
          sessions: health.sessions,
          users: health.users,
          crashed: health.crashedSessions,
          unhandled: health.unhandledSessions,
          errored: health.erroredSessions,
          healthy: health.healthySessions,
          crashedUsers: health.crashedUsers,
          unhandledUsers: health.unhandledUsers,
        },
        // 5 sessions; errored_all = {a1, b1, c1} = 3; errored-not-fatal = 3 − 1 crashed = 2; healthy = 5 − 3.
        { sessions: 5, users: 3, crashed: 1, unhandled: 1, errored: 2, healthy: 2, crashedUsers: 1, unhandledUsers: 1 },
      );
      assert.equal(health.crashFreeSessions, 1 - 1 / 5);
      assert.equal(health.crashFreeUsers, 1 - 1 / 3);
      assert.equal(health.unhandledFreeSessions, 1 - 1 / 5);
      assert.equal(health.unhandledFreeUsers, 1 - 1 / 3);
      assert.equal(health.sessionsAdoption, 1);
      assert.equal(await outcomeTotal(h, p, 'accepted'), 9);
    });

    it('counts aggregates (request mode) by their started minute, in the hour bucket of that minute', async () => {
      const p = await newProject(h);
      const minute = h.clock.now() - 5 * 60_000;
      await sendItems(h, p, [
        {
          type: 'sessions',
          payload: {
            attrs: { release: 'api@2.0.0', environment: 'production' },
            aggregates: [
              { started: iso(minute), exited: 7, errored: 1, crashed: 2 },
              { started: iso(minute - 2 * hour), exited: 3, did: 'u1', unhandled: 1 },
            ],
          },
        },
      ]);
      const health = await readReleaseHealth(h.server.store, { projectId: p.id, release: 'api@2.0.0', ...window() });
      assert.equal(health.sessions, 14);
      assert.equal(health.crashedSessions, 2);
      assert.equal(health.erroredSessions, 2, 'errored 1 + unhandled 1; crashed is not "errored" in Sentry’s split');
      assert.equal(health.crashFreeSessions, 1 - 2 / 14);
      assert.equal(health.users, 1);
      const lastHourOnly = await readReleaseHealth(h.server.store, { projectId: p.id, release: 'api@2.0.0', start: h.clock.now() - hour, end: h.clock.now() });
      assert.equal(lastHourOnly.sessions, 10, 'the older aggregate belongs to its own hour');
      assert.equal(lastHourOnly.crashFreeUsers, null, 'no users in the window: null, never 1.0');
    });

    it('gives each bad item an invalid outcome with a reason and still counts the valid ones', async () => {
      const p = await newProject(h);
      const many = Array.from({ length: 100_000 }, () => ({ started: iso(h.clock.now()), exited: 1 }));
      await sendItems(h, p, [
        update({ sid: 'ok1', did: 'dora', init: true, status: 'ok' }),
        update({ sid: 's1', init: true, status: 'sleeping' }),
        update({ sid: 's2', init: true, errors: -1 }),
        update({ sid: 's3', init: true, started: iso(h.clock.now() + 2 * hour) }),
        update({ sid: 's4', init: true, started: iso(h.clock.now() - 3 * 365 * 24 * hour), timestamp: iso(h.clock.now()) }),
        update({ sid: 's5', init: true, did: 'x'.repeat(10_240) }),
        update({ sid: 's6', init: true, attrs: { environment: 'production' } }),
        { type: 'sessions', payload: { attrs: { release: 'app@1.0.0' }, aggregates: many } },
        { type: 'session', payload: '{not json' },
      ]);
      const reasons = [
        'invalid_status',
        'invalid_errors',
        'started_in_future',
        'started_too_old',
        'invalid_did',
        'missing_release',
        'too_many_aggregates',
        'invalid_json',
      ];
      for (const reason of reasons) assert.equal(await outcomeTotal(h, p, 'invalid', reason), 1, reason);
      assert.equal(await outcomeTotal(h, p, 'invalid'), reasons.length);
      assert.equal(await outcomeTotal(h, p, 'accepted'), 1);
      const health = await readReleaseHealth(h.server.store, { projectId: p.id, release: 'app@1.0.0', ...window() });
      assert.equal(health.sessions, 1);
      assert.equal(health.users, 1);
    });
  });
}
