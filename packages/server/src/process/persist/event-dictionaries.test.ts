// End to end on every database: events of one group are stored compressed against a
// dictionary their group's first event donated, read back identically through the API,
// rotate to a new dictionary after a day, and retention drops a dictionary only after
// every event that needs it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, explainSkippedPostgres, testDialects } from '../../testing/index.js';
import { node8 } from '../group/grouping-fixtures.test-support.js';
import { newProject, type PipelineHarness, sendAll, startPipelineHarness, storedPayloads, type TestProject } from '../pipeline.test-support.js';

explainSkippedPostgres();

const N8 = node8('006-errors--envelope-event.txt');
const day = 86_400_000;

for (const dialect of testDialects()) {
  describe(`stored event compression with group dictionaries (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect, { FAULTLINE_RETENTION_DAYS: '3' });
    });
    after(() => h.close());

    const rowsOf = (p: TestProject) =>
      h.server.store.db
        .selectFrom('events')
        .select(['event_id', 'issue_id', 'payload_encoding', 'dictionary_id', 'payload'])
        .where('project_id', '=', p.id)
        .orderBy('id')
        .execute();
    const dictionariesOf = (p: TestProject) =>
      h.server.store.db.selectFrom('event_dictionaries').select(['id', 'created_at']).where('project_id', '=', p.id).orderBy('id').execute();

    it('compresses later events of a group against the first one and reads them back unchanged', async () => {
      const p = await newProject(h);
      // Separate batches: the first donates the dictionary, the others use it.
      await sendAll(h, p, [{ ...N8, extra: { order: 1 } }]);
      await sendAll(h, p, [{ ...N8, extra: { order: 2 } }]);
      await sendAll(h, p, [{ ...N8, extra: { order: 3 } }]);
      const rows = await rowsOf(p);
      const dictionaries = await dictionariesOf(p);
      assert.equal(dictionaries.length, 1);
      assert.deepEqual(
        rows.map((r) => [r.payload_encoding, r.dictionary_id]),
        [
          ['br', null],
          ['deflate-dict', dictionaries[0]?.id],
          ['deflate-dict', dictionaries[0]?.id],
        ],
      );
      const [first, second] = rows;
      assert.ok(first && second);
      assert.ok(second.payload.length * 2 < first.payload.length, `dictionary-compressed ${second.payload.length} B vs ${first.payload.length} B`);

      // The stored documents differ only where the events did.
      const docs = (await storedPayloads(h, p)).map((text) => JSON.parse(text) as { extra: unknown; exception: unknown });
      assert.deepEqual(
        docs.map((d) => d.extra),
        [{ order: 1 }, { order: 2 }, { order: 3 }],
      );
      assert.deepEqual(docs[2]?.exception, docs[0]?.exception);

      // And the API serves the dictionary-compressed event in full.
      const res = await apiFetch<{ eventID: string; context: unknown; entries: { type: string }[] }>(
        h.server.url,
        `/api/0/issues/${second.issue_id}/events/${second.event_id}/`,
        { as: { token: h.server.workspace.token } },
      );
      assert.equal(res.status, 200);
      const json = res.body;
      assert.equal(json.eventID, second.event_id);
      assert.deepEqual(json.context, { order: 2 });
      assert.ok(json.entries.some((e) => e.type === 'exception'));
    });

    it('starts a new dictionary after a day; retention deletes old ones only after their events', async () => {
      const p = await newProject(h);
      await sendAll(h, p, [N8]);
      await sendAll(h, p, [N8]);
      h.clock.advance(day + 1);
      await sendAll(h, p, [N8]);
      await sendAll(h, p, [N8]);
      const rows = await rowsOf(p);
      const dictionaries = await dictionariesOf(p);
      assert.equal(dictionaries.length, 2);
      assert.deepEqual(
        rows.map((r) => r.dictionary_id),
        [null, dictionaries[0]?.id, null, dictionaries[1]?.id],
      );

      // Retention 3 days: the first day's events go at 3 days, their dictionary only a day after the last of them could have arrived.
      h.clock.advance(3 * day);
      await h.server.app.jobs.retention.runOnce();
      assert.equal((await rowsOf(p)).length, 2);
      assert.equal((await dictionariesOf(p)).length, 2);
      h.clock.advance(2 * day);
      await h.server.app.jobs.retention.runOnce();
      assert.equal((await rowsOf(p)).length, 0);
      assert.deepEqual(
        (await dictionariesOf(p)).map((d) => d.id),
        [dictionaries[1]?.id],
      );
    });
  });
}
