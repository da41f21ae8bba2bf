// Time-based ignores end when their time passes, with no event needed, through the leased schedule.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AlertHarness, startAlertHarness } from '../alert/alert-harness.test-support.js';
import { explainSkippedPostgres, testDialects } from '../testing/index.js';
import { IGNORE_EXPIRY } from './index.js';

explainSkippedPostgres();

const minute = 60_000;
type IssueJson = { id: string; title: string; status: string; substatus: string | null; activity: { type: string; data: Record<string, unknown> }[] };

for (const dialect of testDialects()) {
  describe(`ignores that run out (${dialect})`, () => {
    let h: AlertHarness;
    let bulk: string;
    before(async () => {
      h = await startAlertHarness(dialect);
      bulk = `/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/issues/`;
    });
    after(() => h.close());

    async function issueTitled(message: string): Promise<string> {
      await h.send({ message });
      await h.process();
      const list = await h.api<IssueJson[]>(`${bulk}?query=`);
      const issue = list.body.find((i) => i.title === message);
      assert.ok(issue, message);
      return issue.id;
    }

    const issue = async (id: string) => (await h.api<IssueJson>(`/api/0/issues/${id}/`)).body;
    const ignore = async (id: string, statusDetails: Record<string, unknown>) =>
      assert.equal((await h.api(`${bulk}?id=${id}`, { method: 'PUT', body: { status: 'ignored', statusDetails } })).status, 200);
    /** One pass of the leased schedule, as the background loop would run it. */
    const tick = () => h.server.app.jobs.scheduler.tick();

    it('an issue ignored for 30 minutes is unresolved (ongoing) once they passed, with the activity recorded', async () => {
      const timed = await issueTitled('Timed ignore');
      const forever = await issueTitled('Ignored forever');
      const byCount = await issueTitled('Ignored until 10 more events');
      await ignore(timed, { ignoreDuration: 30 });
      await ignore(forever, {});
      await ignore(byCount, { ignoreCount: 10 });
      assert.equal((await issue(timed)).status, 'ignored');

      h.clock.advance(29 * minute);
      assert.ok((await tick()).includes(IGNORE_EXPIRY.task));
      assert.equal((await issue(timed)).status, 'ignored', 'not yet');

      h.clock.advance(IGNORE_EXPIRY.everyMs + minute);
      assert.ok((await tick()).includes(IGNORE_EXPIRY.task));
      const back = await issue(timed);
      assert.equal(back.status, 'unresolved');
      assert.equal(back.substatus, 'ongoing');
      const entry = back.activity.find((a) => a.type === 'set_unresolved');
      assert.ok(entry, JSON.stringify(back.activity));
      assert.deepEqual(entry.data, { reason: 'until' });
      assert.equal((await issue(forever)).status, 'ignored', 'no end time: stays ignored');
      assert.equal((await issue(byCount)).status, 'ignored', 'an event-count ignore is ended by events, not time');

      // Later runs leave it alone: one activity entry.
      h.clock.advance(IGNORE_EXPIRY.everyMs);
      await tick();
      assert.equal((await issue(timed)).activity.filter((a) => a.type === 'set_unresolved').length, 1);
    });

    it('an issue un-ignored by hand before its time is not touched by the sweep', async () => {
      const id = await issueTitled('Changed by hand');
      await ignore(id, { ignoreDuration: 5 });
      assert.equal((await h.api(`${bulk}?id=${id}`, { method: 'PUT', body: { status: 'resolved' } })).status, 200);
      h.clock.advance(10 * minute);
      await tick();
      assert.equal((await issue(id)).status, 'resolved');
    });
  });
}
