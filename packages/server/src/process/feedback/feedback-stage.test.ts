// On every database, through the pipeline on a clock the test moves: scrubbing rules apply to
// feedback events, post-process sees new feedback issues (so issue alerts fire), and retention
// deletes user reports and feedback attachments past the project's retention with the events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { feedbackEnvelope, newId, userReportEnvelope } from '../../feedback/feedback.test-support.js';
import { explainSkippedPostgres, post, testDialects } from '../../testing/index.js';
import { drain, newProject, type PipelineHarness, startPipelineHarness } from '../pipeline.test-support.js';

explainSkippedPostgres();

const day = 86_400_000;

for (const dialect of testDialects()) {
  describe(`the feedback stage (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(async () => h.close());

    const send = async (projectId: number, key: string, body: string | Buffer) => {
      const res = await post(h.server, body, { projectId, query: `?sentry_key=${key}` });
      assert.equal(res.status, 200);
      await drain(h);
    };

    it("applies the project's scrubbing rules and hands new feedback issues to post-process", async () => {
      const p = await newProject(h, { scrubbing: { enabled: true, sensitiveFields: ['order_secret'], scrubIpAddresses: true } });
      const eventId = newId();
      const payload = feedbackEnvelope({ eventId, message: 'Broken checkout', email: 'jane@example.com' }).toString('utf8');
      const withSecret = payload.replace('"contexts":{', '"extra":{"order_secret":"s3cr3t-value"},"user":{"ip_address":"10.9.8.7"},"contexts":{');
      const before = h.summaries.length;
      await send(p.id, p.key, withSecret);
      const row = await h.server.store.events.byEventId(p.id, eventId);
      assert.ok(row);
      const document = await h.server.store.events.documentText(row);
      assert.ok(!document.includes('s3cr3t-value'), 'the secret was scrubbed before storing');
      assert.ok(!document.includes('10.9.8.7'), 'the IP address was scrubbed');
      assert.ok(document.includes('Broken checkout'));
      const fresh = h.summaries.slice(before);
      assert.equal(fresh.length, 1);
      assert.equal(fresh[0]?.eventId, eventId);
      assert.equal(fresh[0]?.isNew, true);
    });

    it('retention deletes user reports and feedback attachments past the project’s retention, and keeps another project’s', async () => {
      const short = await newProject(h, { retentionDays: 30 });
      const long = await newProject(h);
      for (const p of [short, long]) {
        await send(p.id, p.key, feedbackEnvelope({ attachments: [{ filename: 's.png', contentType: 'image/png', bytes: Buffer.alloc(64, 3) }] }));
        await send(p.id, p.key, userReportEnvelope({ event_id: newId(), name: 'Ann', email: 'ann@example.com', comments: 'slow' }));
      }
      const count = async (table: 'user_reports' | 'event_attachments', projectId: number) =>
        (await h.server.store.db.selectFrom(table).select('id').where('project_id', '=', projectId).execute()).length;
      assert.deepEqual([await count('user_reports', short.id), await count('event_attachments', short.id)], [1, 1]);
      h.clock.advance(31 * day);
      await h.server.app.jobs.retention.runOnce();
      assert.deepEqual([await count('user_reports', short.id), await count('event_attachments', short.id)], [0, 0]);
      assert.deepEqual([await count('user_reports', long.id), await count('event_attachments', long.id)], [1, 1], 'the other project keeps 90 days');
    });
  });
}
