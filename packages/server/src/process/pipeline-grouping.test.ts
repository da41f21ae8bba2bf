// End to end on every database: real SDK captures go over HTTP into the real pipeline and
// the issues that come out are checked — grouping, counters, tags, scrubbing, transactions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, testDialects } from '../testing/index.js';
import { browser, node8, node11, python, shiftLines, withTopFrame, withValue } from './group/grouping-fixtures.test-support.js';
import { capturedEvent } from './normalize/sdk-events.test-support.js';
import {
  drain,
  issueById,
  issueIdsOf,
  issuesOf,
  newProject,
  outcomeTotal,
  type PipelineHarness,
  sendAll,
  sendEvent,
  shapeOf,
  startPipelineHarness,
  storedPayloads,
  tagCounts,
} from './pipeline.test-support.js';

explainSkippedPostgres();

const N8 = node8('006-errors--envelope-event.txt'); // TypeError thrown in processOrder()
const N11 = node11('004-errors--envelope-event.txt');
const THROW_LINE = N8.exception?.values?.at(-1)?.stacktrace?.frames?.at(-1)?.context_line ?? '';
const OTHER_SITE = withTopFrame(N8, { function: 'cancelOrder', context_line: THROW_LINE.replace('read items of', 'cancel') });

interface Case {
  readonly name: string;
  readonly events: readonly object[];
  readonly expect: string;
  readonly settings?: Record<string, unknown>;
}

const cases: readonly Case[] = [
  {
    name: 'same throw site, different messages → one issue',
    events: [N8, withValue(N8, 'Cannot read items of order 8'), withValue(N8, 'something else entirely')],
    expect: 'AAA',
  },
  { name: 'same error after every line shifted → one issue', events: [N8, shiftLines(N8, 12)], expect: 'AA' },
  { name: 'same throw site sent by @sentry/node 8 and 11 → one issue', events: [N8, N11], expect: 'AA' },
  { name: 'two functions throwing the same type → two issues', events: [N8, OTHER_SITE, N8], expect: 'ABA' },
  { name: 'SDK fingerprint from two throw sites → one issue', events: [N8, OTHER_SITE].map((e) => ({ ...e, fingerprint: ['payments-down'] })), expect: 'AA' },
  {
    name: 'project fingerprint rule from two throw sites → one issue',
    events: [N8, OTHER_SITE, { ...N8, exception: { values: [{ type: 'RangeError', value: 'x' }] } }],
    expect: 'AAB',
    settings: { grouping: { fingerprintRules: 'error.type:TypeError -> type-errors title="Type errors"' } },
  },
  {
    name: 'captureMessage from node 8 (message) and 11 (synthetic exception) → one issue',
    events: [node8('002-errors--envelope-event.txt'), node11('003-errors--envelope-event.txt')],
    expect: 'AA',
  },
  {
    name: 'python KeyError, other value and shifted lines → one issue',
    events: [python('001-errors--store.txt'), shiftLines(withValue(python('001-errors--store.txt'), "'total'"), 4)],
    expect: 'AA',
  },
  {
    name: 'browser captureMessage from three page loads → one issue',
    events: ['005-default--envelope-event.txt', '012-custom-header--envelope-event.txt', '018-tunnel-static--tunnel-envelope-event.txt'].map(browser),
    expect: 'AAA',
  },
];

for (const dialect of testDialects()) {
  describe(`processing pipeline: grouping and counters (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    for (const c of cases) {
      it(c.name, async () => {
        const p = await newProject(h, c.settings);
        const ids = await sendAll(h, p, c.events);
        const issueIds = await issueIdsOf(h, p, ids);
        assert.ok(
          issueIds.every((i) => i !== null),
          'every event is stored with an issue',
        );
        assert.equal(shapeOf(issueIds), c.expect);
        const issues = await issuesOf(h, p);
        assert.equal(issues.length, new Set(c.expect).size);
        for (const issue of issues) assert.equal(issue.times_seen, issueIds.filter((i) => i === issue.id).length);
      });
    }

    it('takes the title of a fingerprint rule, and short ids count up per project', async () => {
      const p = await newProject(h, { grouping: { fingerprintRules: 'error.type:TypeError -> type-errors title="Type errors"' } });
      await sendAll(h, p, [N8, { ...N8, exception: { values: [{ type: 'RangeError', value: 'x' }] } }]);
      const issues = await issuesOf(h, p);
      assert.deepEqual(
        issues.map((i) => [i.short_id, i.title]),
        [
          [1, 'Type errors'],
          [2, 'RangeError: x'],
        ],
      );
      const counter = await h.server.store.db.selectFrom('projects').select('issue_counter').where('id', '=', p.id).executeTakeFirstOrThrow();
      assert.equal(counter.issue_counter, 2);
    });

    it('counts exactly: times seen, users, first/last seen and release, hourly per environment and release, tags', async () => {
      const p = await newProject(h);
      const base = { ...N8, tags: { tenant: 'acme' } };
      const t0 = h.clock.now();
      const hour = 3_600_000;
      await sendAll(h, p, [
        { ...base, user: { id: 'u1' }, environment: 'production', release: 'r1' },
        { ...base, user: { id: 'u1' }, environment: 'production', release: 'r1' },
      ]);
      h.clock.advance(hour);
      const later = await sendAll(h, p, [
        { ...base, user: { id: 'u2' }, environment: 'staging', release: 'r1' },
        { ...base, user: { email: 'x@example.com' }, environment: 'staging', release: 'r2' },
        { ...base, user: undefined, environment: 'production', release: 'r2', level: 'warning' },
      ]);
      const [issue] = await issuesOf(h, p);
      assert.ok(issue);
      assert.equal(issue.times_seen, 5);
      assert.equal(issue.user_count, 3);
      assert.equal(issue.first_seen, t0);
      assert.equal(issue.last_seen, t0 + hour);
      assert.equal(issue.first_release, 'r1');
      assert.equal(issue.last_release, 'r2');
      assert.equal(issue.level, 'warning', 'the latest event’s level');
      assert.equal(issue.last_event_id, later[2]);
      assert.equal(issue.status, 'unresolved');
      assert.equal(issue.substatus, 'new');
      const hourly = await h.server.store.db.selectFrom('issue_hourly').selectAll().where('issue_id', '=', issue.id).execute();
      const h0 = t0 - (t0 % hour);
      assert.deepEqual(
        hourly.map((r) => [r.hour - h0, r.environment, r.release, r.count]).sort(),
        [
          [0, 'production', 'r1', 2],
          [hour, 'production', 'r2', 1],
          [hour, 'staging', 'r1', 1],
          [hour, 'staging', 'r2', 1],
        ].sort(),
      );
      assert.deepEqual(await tagCounts(h, issue.id), {
        'tenant=acme': 5,
        'level=error': 4,
        'level=warning': 1,
        'environment=production': 3,
        'environment=staging': 2,
        'release=r1': 3,
        'release=r2': 2,
        'user=id:u1': 2,
        'user=id:u2': 1,
        'user=email:x@example.com': 1,
        'user.id=u1': 2,
        'user.id=u2': 1,
        'user.email=x@example.com': 1,
        'os=Debian 12.11': 5,
        'os.name=Debian': 5,
        'runtime=node v20.20.2': 5,
        'runtime.name=node': 5,
        'server_name=web-1': 5,
        'handled=yes': 5,
        'mechanism=generic': 5,
      });
      const users = await h.server.store.db.selectFrom('issue_users').select('user_key').where('issue_id', '=', issue.id).execute();
      assert.deepEqual(users.map((u) => u.user_key).sort(), ['email:x@example.com', 'id:u1', 'id:u2']);
      const activity = await h.server.store.db.selectFrom('issue_activity').selectAll().where('issue_id', '=', issue.id).execute();
      assert.deepEqual(
        activity.map((a) => [a.type, a.created_at]),
        [['first_seen', t0]],
      );
    });

    it('never stores a planted secret; stores the scrubbed, normalized event with notes and effective in_app', async () => {
      const p = await newProject(h);
      const secrets = [
        'hunter2-PLANTED-1',
        'pw-PLANTED-2',
        'abcdefgh-PLANTED-3',
        'cookie-PLANTED-4',
        'tok-PLANTED-5',
        'ak-PLANTED-6',
        'vars-PLANTED-7',
        '4111 1111 1111 1111',
      ];
      const frames = N8.exception?.values?.at(-1)?.stacktrace?.frames ?? [];
      const planted = withTopFrame(withValue(N8, 'charge failed for card 4111 1111 1111 1111'), { vars: { secret: 'vars-PLANTED-7' } } as object);
      await sendAll(h, p, [
        {
          ...planted,
          extra: { password: 'hunter2-PLANTED-1', db: 'postgres://app:pw-PLANTED-2@db/app', order_ref: 'order-VISIBLE-1' },
          request: {
            url: 'https://shop.example.com/pay?token=tok-PLANTED-5',
            method: 'POST',
            headers: { Authorization: 'Bearer abcdefgh-PLANTED-3', Cookie: 'sid=cookie-PLANTED-4' },
          },
          breadcrumbs: [{ message: 'retrying with api_key=ak-PLANTED-6', timestamp: h.clock.now() / 1000 }],
        },
      ]);
      const [payload] = await storedPayloads(h, p);
      assert.ok(payload);
      assert.ok(payload.includes('order-VISIBLE-1'), 'the non-secret marker is stored, so the search below reads the right payload');
      for (const s of secrets) assert.ok(!payload.includes(s), `stored payload contains ${s}`);
      const [issue] = await issuesOf(h, p);
      assert.ok(issue);
      const tagValues = Object.keys(await tagCounts(h, issue.id)).join('\n');
      for (const s of secrets) assert.ok(!`${issue.title}${issue.culprit}${issue.metadata}${tagValues}`.includes(s), `issue data contains ${s}`);
      assert.ok(tagValues.includes('url=https://shop.example.com/pay'));
      const doc = JSON.parse(payload) as {
        tags: [string, string][];
        processing: { notes: unknown[]; grouping: { hashes: string[] } };
        exception: { values: { stacktrace: { frames: { in_app: boolean }[] } }[] };
      };
      assert.ok(Array.isArray(doc.processing.notes));
      assert.ok(doc.processing.grouping.hashes.length >= 1);
      assert.deepEqual(
        doc.tags.find(([k]) => k === 'level'),
        ['level', 'error'],
      );
      assert.equal(doc.exception.values.at(-1)?.stacktrace.frames.length, frames.length);
    });

    it('stores transactions ungrouped and counts filtered, duplicate and invalid items once each', async () => {
      const p = await newProject(h, { inboundFilters: { errorMessages: ['*please ignore me*'] } });
      const tx = capturedEvent('sentry-node-11.12.0/010-express-static--envelope-transaction.txt');
      const txId = await sendEvent(h, p, tx.payload, { itemType: 'transaction' });
      await sendEvent(h, p, withValue(N8, 'please ignore me'));
      const dup = await sendEvent(h, p, N8);
      await sendEvent(h, p, N8, { eventId: dup });
      const bad = await post(h.server, '{}\n{"type":"event"}\n[1,2]', { projectId: p.id, query: `?sentry_key=${p.key}` });
      assert.equal(bad.status, 200);
      await drain(h);
      const rows = await h.server.store.db.selectFrom('events').select(['event_id', 'type', 'issue_id']).where('project_id', '=', p.id).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => [r.event_id, r.type, r.issue_id === null]),
        [
          [txId, 'transaction', true],
          [dup, 'event', false],
        ],
      );
      const [issue] = await issuesOf(h, p);
      assert.equal(issue?.times_seen, 1);
      assert.equal(await outcomeTotal(h, p, 'filtered', 'error-message'), 1);
      assert.equal(await outcomeTotal(h, p, 'filtered', 'duplicate'), 1);
      assert.equal(await outcomeTotal(h, p, 'invalid', 'payload_not_object'), 1);
      assert.equal(await outcomeTotal(h, p, 'accepted'), 2);

      // Settings are read per batch: without the filter the same event is stored.
      await h.server.store.projects.updateSettings(p.id, {});
      await sendAll(h, p, [withValue(N8, 'please ignore me')]);
      assert.equal((await issueById(h, issue?.id ?? 0)).times_seen, 2);
    });
  });
}
