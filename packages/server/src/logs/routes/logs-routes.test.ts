// Hostile and malformed requests to the logs API answer 400 or 404 with a `detail`, never a 5xx:
// arbitrary field, query, sort, cursor and time parameters (fast-check) against a real server
// holding the real @sentry/node 11 capture's lines, and the single-item route's bad ids, missing
// trace id, other item types, other projects.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { drain, startIssueServer } from '../../issues/routes/issue-api.test-support.js';
import { createManualClock } from '../../kernel/index.js';
import { CAPTURE_TIME, replayCaptures } from '../../performance/traces/trace-captures.test-support.js';
import type { TestServer } from '../../testing/index.js';

const TRACE = '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49';

describe('the logs API under malformed input', () => {
  let server: TestServer;
  const get = async (path: string) => {
    const res = await fetch(`${server.url}/api/0${path}`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  };

  before(async () => {
    server = await startIssueServer('sqlite', { clock: createManualClock(CAPTURE_TIME) });
    await replayCaptures(server, ['033'], server.workspace.projectId);
    await drain(server);
  });
  after(() => server?.close());

  it('answers arbitrary parameters with 200 or a 400 that has a detail', async () => {
    const fieldish = fc.oneof(
      fc.constantFrom(
        'message',
        'severity',
        'count()',
        'count_unique(trace)',
        'avg(tags[x,number])',
        'tags[a,b]',
        'tags[',
        'avg(',
        'min(message)',
        'timestamp',
      ),
      fc.string({ maxLength: 30 }),
    );
    const queryish = fc.oneof(
      fc.constantFrom(
        'severity:error',
        'message:*fail*',
        'has:plan',
        '!severity:[info,warn]',
        'tags[userId,number]:>10',
        'severity:>=warn',
        'timestamp:>2026-11-21',
      ),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fieldish, { minLength: 0, maxLength: 4 }),
        queryish,
        fc.option(fc.oneof(fc.constantFrom('-timestamp', 'severity', '-count()'), fc.string({ maxLength: 12 }))),
        fc.option(fc.oneof(fc.constantFrom('0:10:0', '0:0:1'), fc.string({ maxLength: 12 }))),
        fc.option(fc.oneof(fc.constantFrom('1', '9999', '10000', '0'), fc.string({ maxLength: 6 }))),
        fc.option(fc.oneof(fc.constantFrom('24h', '14d', '1m'), fc.string({ maxLength: 6 }))),
        async (fields, query, sort, cursor, perPage, period) => {
          const p = new URLSearchParams({ dataset: 'logs', query });
          for (const f of fields) p.append('field', f);
          if (sort !== null) p.set('sort', sort);
          if (cursor !== null) p.set('cursor', cursor);
          if (perPage !== null) p.set('per_page', perPage);
          if (period !== null) p.set('statsPeriod', period);
          for (const path of ['events', 'events-stats']) {
            if (path === 'events-stats') for (const f of fields) p.append('yAxis', f);
            const { status, body } = await get(`/organizations/${server.workspace.org}/${path}/?${p.toString()}`);
            assert.ok(status === 200 || status === 400, `${path}?${p}: ${status} ${JSON.stringify(body)}`);
            if (status === 400) assert.equal(typeof body.detail, 'string', JSON.stringify(body));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a bad single-item request with 400 or 404, and finds the real one', async () => {
    const base = `/projects/${server.workspace.org}/${server.workspace.project}/trace-items`;
    const { body } = await get(`/organizations/${server.workspace.org}/events/?dataset=logs&field=id&query=severity:error&statsPeriod=1d`);
    const id = String((body.data as { id: string }[])[0]?.id);
    assert.equal((await get(`${base}/${id}/?item_type=logs&trace_id=${TRACE}`)).status, 200);
    const cases: [string, number, RegExp][] = [
      [`${base}/${id}/?item_type=logs`, 400, /trace_id is required/],
      [`${base}/${id}/?item_type=spans&trace_id=${TRACE}`, 400, /item_type must be logs/],
      [`${base}/not-hex/?item_type=logs&trace_id=${TRACE}`, 400, /32 hexadecimal digits/],
      [`${base}/${'0'.repeat(32)}/?item_type=logs&trace_id=${TRACE}`, 404, /does not exist/],
      [`${base}/${id}/?item_type=logs&trace_id=${'1'.repeat(32)}`, 404, /does not exist/],
      [`/projects/${server.workspace.org}/no-such-project/trace-items/${id}/?item_type=logs&trace_id=${TRACE}`, 404, /does not exist/],
    ];
    for (const [path, status, detail] of cases) {
      const res = await get(path);
      assert.equal(res.status, status, path);
      assert.match(String(res.body.detail), detail, path);
    }
  });
});
