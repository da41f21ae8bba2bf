import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { User } from '../../auth/index.js';
import { createManualClock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { DAY, HOUR, insertIssue, NOW, seedWorkspace } from '../read/issue-fixtures.test-support.js';
import { applyIssueUpdate } from './apply-issue-update.js';

explainSkippedPostgres();

// A status change and a merge in one update body are one change: if the merge fails, the
// issues keep the status they had (and the other way round).
for (const dialect of testDialects()) {
  describe(`an issue update that resolves and merges (${dialect})`, () => {
    let db: TestDatabase;
    let actor: User;
    let orgId: number;
    let parent: number;
    let child: number;
    const clock = createManualClock(NOW);
    const state = async (id: number) => db.store.db.selectFrom('issues').select(['status', 'merged_into_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const activity = async () =>
      (await db.store.db.selectFrom('issue_activity').select('type').where('issue_id', 'in', [parent, child]).execute()).map((r) => r.type);

    before(async () => {
      db = await openTestDatabase(dialect);
      const workspace = await seedWorkspace(db.store);
      orgId = workspace.orgId;
      actor = (await db.store.users.byId(workspace.adminId)) as User;
      parent = await insertIssue(db.store, workspace.projectId, { title: 'parent', firstSeen: NOW - DAY, lastSeen: NOW - HOUR, timesSeen: 5 });
      child = await insertIssue(db.store, workspace.projectId, { title: 'child', firstSeen: NOW - DAY, lastSeen: NOW - HOUR, timesSeen: 2 });
    });
    after(() => db.cleanup());

    it('rolls the status change back when the merge fails after its own writes', async () => {
      // The real merge runs, in the update's transaction, then the database "fails".
      const failingMerge: Store = {
        ...db.store,
        issueMerge: {
          async merge(...args: Parameters<Store['issueMerge']['merge']>) {
            await db.store.issueMerge.merge(...args);
            throw new Error('the disk is full');
          },
        },
      };
      await assert.rejects(
        applyIssueUpdate(failingMerge, clock, { orgId, issueIds: [parent, child], actor }, { status: 'resolved', merge: 1 }),
        /disk is full/,
      );
      assert.deepEqual(await state(parent), { status: 'unresolved', merged_into_id: null });
      assert.deepEqual(await state(child), { status: 'unresolved', merged_into_id: null });
      assert.deepEqual(await activity(), []);
    });

    it('commits both together when nothing fails', async () => {
      const answer = await applyIssueUpdate(db.store, clock, { orgId, issueIds: [parent, child], actor }, { status: 'resolved', merge: 1 });
      assert.deepEqual(answer.merge, { parent: String(parent), children: [String(child)] });
      assert.deepEqual(await state(parent), { status: 'resolved', merged_into_id: null });
      assert.deepEqual(await state(child), { status: 'resolved', merged_into_id: parent });
      assert.deepEqual((await activity()).sort(), ['merge', 'set_resolved', 'set_resolved']);
    });
  });
}
