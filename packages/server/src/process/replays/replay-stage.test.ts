// On every database: the replay stage stores what @sentry/browser 11 sent (the recorded
// capture), aggregates segments arriving out of order or repeated into Sentry's replay object,
// and answers every bad item with an invalid (or rate_limited) outcome and a reason, never a
// lost envelope or a 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { apiFetch, explainSkippedPostgres, post, testDialects } from '../../testing/index.js';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../pipeline.test-support.js';
import { capturedReplayBody, defaultEvents, newEventId, replaySegment } from './replay-envelopes.test-support.js';

explainSkippedPostgres();

const CAPTURED_REPLAY = '99c65bb420fc4ed7a5b59c3915a4df7f';

/** The recording bytes of the capture's replay_recording item (after its `{"segment_id":0}` line). */
function capturedRecording(body: Buffer): Buffer {
  const marker = body.indexOf('{"segment_id":0}\n');
  const header = body.lastIndexOf('{"type":"replay_recording","length":', marker);
  const length = Number(/"length":(\d+)/.exec(body.subarray(header, marker).toString())?.[1]);
  return body.subarray(marker + '{"segment_id":0}\n'.length, marker + length);
}

for (const dialect of testDialects()) {
  describe(`replay stage (${dialect})`, () => {
    let h: PipelineHarness;
    let p: TestProject;
    const send = async (body: Uint8Array, project = p) => {
      const res = await post(h.server, body, { projectId: project.id, query: `?sentry_key=${project.key}` });
      assert.equal(res.status, 200, await res.text());
    };
    const as = () => ({ token: h.server.workspace.token });
    const get = async (path: string) => apiFetch(h.server.url, path, { as: as() });
    const outcomes = async (project: TestProject) =>
      h.server.store.db
        .selectFrom('outcomes')
        .select(['outcome', 'reason', 'quantity', 'category'])
        .where('project_id', '=', project.id)
        .where('category', '=', 'replay')
        .execute();
    const reasons = async (project: TestProject) =>
      Object.fromEntries((await outcomes(project)).filter((o) => o.outcome !== 'accepted').map((o) => [o.reason, Number(o.quantity)]));

    before(async () => {
      h = await startPipelineHarness(dialect, {
        FAULTLINE_REPLAY_MAX_SEGMENTS: '20',
        FAULTLINE_REPLAY_MAX_BYTES: '200000',
        FAULTLINE_REPLAY_PROJECT_QUOTA_BYTES: '120000',
      });
      p = await newProject(h);
    });
    after(async () => h.close());

    it('stores the browser SDK’s replay as sent: the replay object, and the SDK’s zlib bytes kept', async () => {
      const body = capturedReplayBody();
      await send(body);
      await drain(h);
      const res = await get(`/api/0/organizations/${h.server.workspace.org}/replays/${CAPTURED_REPLAY}/`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const replay = (res.body as { data: Record<string, unknown> }).data;
      assert.equal(replay.id, CAPTURED_REPLAY);
      assert.equal(replay.project_id, String(p.id));
      assert.equal(replay.replay_type, 'buffer');
      assert.equal(replay.started_at, '2026-11-21T15:33:22+00:00');
      assert.equal(replay.finished_at, '2026-11-21T15:33:30+00:00');
      assert.equal(replay.duration, 8);
      assert.deepEqual(replay.urls, ['http://localhost:8080/']);
      assert.deepEqual(replay.releases, ['myapp@1.2.3']);
      assert.equal(replay.dist, 'web');
      assert.equal(replay.environment, 'production');
      assert.deepEqual(replay.error_ids, ['c48d945665cc40a6a610ceaa739fad47', 'f19ec5d995c34740bd9bf9921ad6eb2b']);
      assert.equal(replay.count_errors, 2);
      assert.deepEqual(replay.trace_ids, ['882218432bf5455099dbfb1c0b563d1c']);
      assert.equal(replay.count_segments, 1);
      assert.deepEqual(replay.sdk, { name: 'sentry.javascript.browser', version: '11.12.0' });
      assert.equal((replay.user as Record<string, unknown>).email, 'jane@example.com');
      assert.equal((replay.browser as Record<string, unknown>).name, 'Chrome Headless', 'from the User-Agent header');
      assert.equal((replay.os as Record<string, unknown>).name, 'Linux');
      const stored = await h.server.store.db.selectFrom('replay_segments').select('recording').where('project_id', '=', p.id).executeTakeFirstOrThrow();
      assert.deepEqual(Buffer.from(stored.recording), capturedRecording(body), 'masked by the SDK: nothing to scrub, bytes kept');
      const download = await fetch(
        `${h.server.url}/api/0/projects/${h.server.workspace.org}/${p.id}/replays/${CAPTURED_REPLAY}/recording-segments/?download=true`,
        { headers: { authorization: `Bearer ${h.server.workspace.token}` } },
      );
      assert.equal(download.status, 200);
      assert.match(download.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await download.json(), [JSON.parse(inflateSync(capturedRecording(body)).toString())]);
    });

    it('aggregates segments out of order; a repeated segment id replaces the earlier one', async () => {
      const q = await newProject(h);
      const replayId = newEventId();
      await send(replaySegment({ replayId, segmentId: 2, events: defaultEvents('two') }), q);
      await drain(h);
      await send(replaySegment({ replayId, segmentId: 0, events: defaultEvents('zero') }), q);
      await send(replaySegment({ replayId, segmentId: 1, events: defaultEvents('one first'), compress: false }), q);
      await drain(h);
      await send(replaySegment({ replayId, segmentId: 1, events: defaultEvents('one again, longer') }), q);
      await drain(h);
      const res = await get(`/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${replayId}/`);
      const replay = (res.body as { data: Record<string, unknown> }).data;
      assert.equal(replay.count_segments, 3);
      assert.deepEqual(replay.urls, ['http://localhost:8080/page-0', 'http://localhost:8080/page-1', 'http://localhost:8080/page-2']);
      assert.equal(replay.duration, 15, 'from segment 0’s start to segment 2’s timestamp');
      const meta = await get(`/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${replayId}/recording-segments/`);
      assert.deepEqual(
        (meta.body as { data: { segmentId: number }[] }).data.map((s) => s.segmentId),
        [0, 1, 2],
      );
      const one = await fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${replayId}/recording-segments/1/?download`, {
        headers: { authorization: `Bearer ${h.server.workspace.token}` },
      });
      assert.deepEqual(await one.json(), defaultEvents('one again, longer'));
      // The download pages by segments, as the UI and the MCP server follow it.
      const page = async (cursor: string) =>
        fetch(`${h.server.url}/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${replayId}/recording-segments/?download&per_page=2${cursor}`, {
          headers: { authorization: `Bearer ${h.server.workspace.token}` },
        });
      const first = await page('');
      assert.deepEqual(await first.json(), [defaultEvents('zero'), defaultEvents('one again, longer')]);
      assert.match(String(first.headers.get('link')), /rel="next"; results="true"; cursor="0:2:0"/);
      const second = await page('&cursor=0:2:0');
      assert.deepEqual(await second.json(), [defaultEvents('two')]);
      assert.match(String(second.headers.get('link')), /rel="next"; results="false"/);
      const rows = await h.server.store.db.selectFrom('replay_segments').select(['segment_id', 'recording']).where('project_id', '=', q.id).execute();
      assert.equal(rows.length, 3);
      for (const r of rows) assert.equal(Buffer.from(r.recording)[0], 0x78, `segment ${r.segment_id} stored zlib-compressed`);
      const row = await h.server.store.replays.get(h.server.store.db, q.id, replayId);
      assert.equal(
        row?.recordingBytes,
        rows.reduce((n, r) => n + r.recording.length, 0),
        'a replaced segment counts once',
      );
      assert.deepEqual(await reasons(q), {});
    });

    it('scrubs replay metadata with the project’s rules: URL secrets, user IP, sensitive tags and fields', async () => {
      const q = await newProject(h, { scrubbing: { scrubIpAddresses: true, sensitiveFields: ['orderref'] } });
      const replayId = newEventId();
      await send(
        replaySegment({
          replayId,
          segmentId: 0,
          event: {
            urls: ['https://shop.test/pay?password=hunter2&step=2', 'https://shop.test/done?orderref=A-991'],
            user: { id: '7', email: 'ada@example.com', ip_address: '203.0.113.9' },
            tags: { plan: 'pro', session_token: 'abc123def456' },
          },
          events: [{ type: 4, timestamp: 1, data: { href: 'https://shop.test/pay?password=hunter2&step=2', width: 1, height: 1 } }],
        }),
        q,
      );
      await drain(h);
      const res = await get(`/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${replayId}/`);
      const replay = (res.body as { data: Record<string, unknown> }).data;
      assert.deepEqual(replay.urls, ['https://shop.test/pay?password=[Filtered]&step=2', 'https://shop.test/done?orderref=[Filtered]']);
      assert.equal((replay.user as Record<string, unknown>).ip, null, 'the project drops IPs');
      assert.equal((replay.user as Record<string, unknown>).email, 'ada@example.com');
      assert.deepEqual((replay.tags as Record<string, unknown>).plan, ['pro']);
      assert.deepEqual((replay.tags as Record<string, unknown>).session_token, ['[Filtered]']);
      const stored = await h.server.store.db.selectFrom('replay_segments').select('recording').where('project_id', '=', q.id).executeTakeFirstOrThrow();
      assert.ok(!inflateSync(stored.recording).toString().includes('hunter2'), 'the recording’s page URL too');
    });

    it('answers bad items with invalid outcomes and reasons, and the envelope’s good items still land', async () => {
      const q = await newProject(h);
      const replayId = newEventId();
      const header = (id: number) => Buffer.from(`{"segment_id":${id}}\n`);
      const bad: [string, Buffer][] = [
        ['missing_segment_header', replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.from('[{"type":4}]') })],
        [
          'invalid_compression',
          replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.concat([header(0), Buffer.from([0x78, 0x9c, 1, 2, 3, 4])]) }),
        ],
        ['invalid_recording_json', replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.concat([header(0), Buffer.from('[{"type":')]) })],
        ['recording_not_array', replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.concat([header(0), Buffer.from('{"type":4}')]) })],
        ['invalid_segment_id', replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.concat([header(-1), Buffer.from('[]')]) })],
        ['invalid_segment_header', replaySegment({ replayId, segmentId: 0, event: null, payload: Buffer.from('not json\n[]') })],
        ['too_many_segments', replaySegment({ replayId, segmentId: 25, event: null })],
        ['replay_too_large', replaySegment({ replayId, segmentId: 3, event: null, events: [{ type: 5, data: { tag: 'x', payload: randomText(300_000) } }] })],
      ];
      for (const [, body] of bad) await send(body, q);
      // replay_event without any replay id (neither in the payload nor the envelope header)
      const orphan = `{}\n{"type":"replay_event"}\n${JSON.stringify({ type: 'replay_event', segment_id: 0, timestamp: 1795275210 })}\n`;
      await send(Buffer.from(orphan), q);
      await send(Buffer.from(`{}\n{"type":"replay_event"}\n${JSON.stringify({ replay_id: replayId, segment_id: 1e12 })}\n`), q);
      await drain(h);
      assert.deepEqual(await reasons(q), {
        missing_segment_header: 1,
        invalid_compression: 1,
        invalid_recording_json: 1,
        recording_not_array: 1,
        invalid_segment_id: 2,
        invalid_segment_header: 1,
        too_many_segments: 1,
        replay_too_large: 1,
        missing_replay_id: 1,
      });
      const accepted = (await outcomes(q)).filter((o) => o.outcome === 'accepted');
      assert.equal(accepted.length, 0, 'no valid item was sent');
      assert.equal(await h.server.store.replays.get(h.server.store.db, q.id, replayId), undefined);
    });

    it('hostile replay items over HTTP: every item gets exactly one outcome, nothing answers 5xx', async () => {
      const q = await newProject(h);
      const runs = 40;
      const samples = fc.sample(
        fc.record({
          recording: fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(`{"segment_id":0}\n${JSON.stringify(v)}`)),
            fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.concat([Buffer.from('{"segment_id":1}\n'), deflateSync(JSON.stringify(v))])),
          ),
          event: fc.dictionary(
            fc.constantFrom('replay_id', 'segment_id', 'urls', 'error_ids', 'user', 'tags', 'timestamp', 'replay_start_timestamp'),
            fc.jsonValue({ maxDepth: 3 }),
          ),
        }),
        { numRuns: runs, seed: 18 },
      );
      for (const sample of samples) {
        await send(replaySegment({ replayId: newEventId(), segmentId: 0, payload: sample.recording, event: sample.event }), q);
      }
      await drain(h);
      const total = (await outcomes(q)).reduce((n, o) => n + Number(o.quantity), 0);
      assert.equal(total, runs * 2, 'one replay_event and one replay_recording per envelope, each counted once');
    });

    it('a project over its storage quota gets rate_limited outcomes until a delete makes room', async () => {
      const q = await newProject(h);
      const big = () => [{ type: 5, timestamp: 1, data: { tag: 'x', payload: randomText(60_000) } }];
      const first = newEventId();
      const second = newEventId();
      await send(replaySegment({ replayId: first, segmentId: 0, events: big() }), q);
      await send(replaySegment({ replayId: second, segmentId: 0, events: big() }), q);
      await send(replaySegment({ replayId: second, segmentId: 1, events: big() }), q);
      await drain(h);
      assert.deepEqual(await reasons(q), { replay_storage_quota: 1 });
      const limited = (await outcomes(q)).find((o) => o.outcome === 'rate_limited');
      assert.equal(limited?.reason, 'replay_storage_quota');
      const del = await apiFetch(h.server.url, `/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${first}/`, { method: 'DELETE', as: as() });
      assert.equal(del.status, 202);
      await send(replaySegment({ replayId: second, segmentId: 1, events: big() }), q);
      await drain(h);
      assert.deepEqual(await reasons(q), { replay_storage_quota: 1 }, 'room again after the delete');
      const archived = await get(`/api/0/organizations/${h.server.workspace.org}/replays/${first}/`);
      const data = (archived.body as { data: Record<string, unknown> }).data;
      assert.equal(data.is_archived, true);
      assert.equal((data.user as Record<string, unknown>).display_name, 'Archived Replay');
      const segments = await get(`/api/0/projects/${h.server.workspace.org}/${q.id}/replays/${first}/recording-segments/`);
      assert.deepEqual((segments.body as { data: unknown[] }).data, [], 'the recordings are gone');
    });
  });
}

/** Text zlib cannot shrink much, so sizes are predictable. */
function randomText(bytes: number): string {
  let out = '';
  let x = 12345;
  while (out.length < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    out += String.fromCharCode(35 + ((x >>> 16) % 56));
  }
  return out;
}
