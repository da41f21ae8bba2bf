import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

// Organizations and what hangs off them: members (with roles), teams, and the
// team links to members and projects. Same assertions on every dialect.
for (const dialect of testDialects()) {
  describe(`organizations, members and teams (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 2, 3));
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
    });
    after(() => database.cleanup());

    it('creates organizations with unique slugs and finds them by slug and id', async () => {
      const { store } = database;
      const org = await store.organizations.create({ slug: 'acme', name: 'Acme' });
      assert.deepEqual(org, { id: org.id, slug: 'acme', name: 'Acme', createdAt: clock.now() });
      assert.deepEqual(await store.organizations.bySlug('acme'), org);
      assert.deepEqual(await store.organizations.byId(org.id), org);
      assert.equal(await store.organizations.bySlug('nope'), undefined);
      assert.equal(await store.organizations.byId(org.id + 1000), undefined);
      await assert.rejects(store.organizations.create({ slug: 'acme', name: 'Again' }));
    });

    it('keeps one membership per user and organization, with its role', async () => {
      const { store } = database;
      const a = await store.organizations.create({ slug: 'members-a', name: 'A' });
      const b = await store.organizations.create({ slug: 'members-b', name: 'B' });
      const alice = await store.users.create({ email: 'alice@members.test', name: 'Alice', passwordHash: null });
      const bob = await store.users.create({ email: 'bob@members.test', name: 'Bob', passwordHash: null });
      await store.members.add(a.id, alice.id, 'owner');
      await store.members.add(a.id, bob.id, 'member');
      await store.members.add(b.id, bob.id, 'admin');
      // Adding again is a no-op: the unique (org, user) pair holds and the first role stays.
      await store.members.add(a.id, alice.id, 'member');

      const inA = await store.members.list(a.id);
      assert.deepEqual(
        inA.map((m) => [m.email, m.role]),
        [
          ['alice@members.test', 'owner'],
          ['bob@members.test', 'member'],
        ],
      );
      const bobInB = await store.members.find(b.id, bob.id);
      assert.equal(bobInB?.role, 'admin');
      assert.equal(bobInB?.name, 'Bob');
      assert.equal(await store.members.find(b.id, alice.id), undefined);

      const bobOrgs = await store.organizations.forUser(bob.id);
      assert.deepEqual(
        bobOrgs.map((o) => [o.slug, o.role]),
        [
          ['members-a', 'member'],
          ['members-b', 'admin'],
        ],
      );
      assert.deepEqual(
        (await store.organizations.forUser(alice.id)).map((o) => o.slug),
        ['members-a'],
      );
    });

    it('links teams to members and projects, once each', async () => {
      const { store } = database;
      const org = await store.organizations.create({ slug: 'teams', name: 'Teams' });
      const other = await store.organizations.create({ slug: 'teams-other', name: 'Other' });
      const user = await store.users.create({ email: 'carol@teams.test', name: 'Carol', passwordHash: null });
      await store.members.add(org.id, user.id, 'admin');
      const member = await store.members.find(org.id, user.id);
      assert.ok(member);

      const backend = await store.teams.create(org.id, 'backend', 'Backend');
      const frontend = await store.teams.create(org.id, 'frontend', 'Frontend');
      await store.teams.create(other.id, 'backend', 'Same slug, other org');
      await assert.rejects(store.teams.create(org.id, 'backend', 'Duplicate'));
      assert.deepEqual(
        (await store.teams.list(org.id)).map((t) => t.slug),
        ['backend', 'frontend'],
      );
      assert.equal(backend.createdAt, clock.now());

      const project = await store.projects.create({ orgId: org.id, slug: 'api', name: 'API', platform: 'node' });
      await store.teams.addProject(frontend.id, project.id);
      await store.teams.addProject(backend.id, project.id);
      await store.teams.addProject(backend.id, project.id);
      assert.deepEqual(
        (await store.teams.forProject(project.id)).map((t) => t.slug),
        ['backend', 'frontend'],
      );

      await store.teams.addMember(backend.id, member.id);
      await store.teams.addMember(backend.id, member.id);
      const links = await store.db.selectFrom('team_members').selectAll().where('team_id', '=', backend.id).execute();
      assert.deepEqual(links, [{ team_id: backend.id, member_id: member.id }]);
    });

    it('removes an organization’s members, teams and projects with it', async () => {
      const { store } = database;
      const org = await store.organizations.create({ slug: 'doomed', name: 'Doomed' });
      const user = await store.users.create({ email: 'dan@doomed.test', name: 'Dan', passwordHash: null });
      await store.members.add(org.id, user.id, 'owner');
      const team = await store.teams.create(org.id, 'doomed', 'Doomed');
      const project = await store.projects.create({ orgId: org.id, slug: 'x', name: 'X', platform: null });
      await store.teams.addProject(team.id, project.id);
      await store.db.deleteFrom('organizations').where('id', '=', org.id).execute();
      assert.deepEqual(await store.members.list(org.id), []);
      assert.deepEqual(await store.teams.list(org.id), []);
      assert.equal(await store.projects.byId(project.id), undefined);
      assert.ok(await store.users.byId(user.id), 'the person outlives the organization');
    });
  });
}
