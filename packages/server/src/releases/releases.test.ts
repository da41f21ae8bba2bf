import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock, type ManualClock } from '../kernel/index.js';
import type { Organization, Project } from '../organizations/index.js';
import { addHourly, explainSkippedPostgres, insertIssue, openTestDatabase, orgWithProjects, type TestDatabase, testDialects } from '../testing/index.js';
import { staysResolved } from './release-order.js';
import { createReleases, type Releases } from './releases.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`releases domain (${dialect})`, () => {
    let db: TestDatabase;
    let clock: ManualClock;
    let releases: Releases;
    let org: Organization;
    let web: Project;
    let api: Project;
    before(async () => {
      clock = createManualClock(Date.UTC(2026, 5, 1));
      db = await openTestDatabase(dialect, clock);
      releases = createReleases({ store: db.store, clock });
      ({
        org,
        projects: [web, api],
      } = (await orgWithProjects(db.store, 'acme', ['web', 'api'])) as { org: Organization; projects: [Project, Project] });
    });
    after(async () => db.cleanup());

    it('creates a release once (201, then 208) and links the named projects', async () => {
      const first = await releases.create(org, { version: 'web@1.0.0', projects: ['web'], dateStarted: '2026-06-01T00:00:00.123456789Z' });
      assert.equal(first.created, true);
      const again = await releases.create(org, { version: 'web@1.0.0', projects: ['api'] });
      assert.equal(again.created, false);
      assert.equal(again.release.id, first.release.id);
      const json = await releases.json(org, again.release);
      assert.deepEqual(
        json.projects.map((p) => p.slug),
        ['web', 'api'],
      );
      assert.equal(json.dateStarted, '2026-06-01T00:00:00.123Z');
      assert.equal(json.dateReleased, null);
    });

    it('refuses bad versions and unknown projects with a 400 naming them', async () => {
      await assert.rejects(releases.create(org, { version: 'a/b', projects: ['web'] }), /Invalid release version/);
      await assert.rejects(releases.create(org, { version: 'latest', projects: ['web'] }), /Invalid release version/);
      await assert.rejects(releases.create(org, { version: 'ok', projects: ['nope'] }), /Invalid project slugs: nope/);
    });

    it('finalizes, archives and lists newest first with project, query and status filters', async () => {
      clock.advance(1000);
      const { release } = await releases.create(org, { version: 'API_2.0%', projects: ['api'] });
      await releases.update(org, release, { dateReleased: '2026-06-02T10:00:00Z' });
      assert.equal((await releases.json(org, await releases.get(org, 'API_2.0%'))).dateReleased, '2026-06-02T10:00:00.000Z');
      const all = await releases.list(org, {}, 0, 10);
      assert.deepEqual(
        all.map((r) => r.version),
        ['API_2.0%', 'web@1.0.0'],
      );
      assert.deepEqual(
        (await releases.list(org, {}, 0, 10, web)).map((r) => r.version),
        ['web@1.0.0'],
      );
      // LIKE wildcards in the query are literal; case does not matter.
      assert.deepEqual(
        (await releases.list(org, { query: 'api_2.0%' }, 0, 10)).map((r) => r.version),
        ['API_2.0%'],
      );
      assert.deepEqual(await releases.list(org, { query: 'api_2.0x' }, 0, 10), []);
      await releases.update(org, release, { status: 'archived' });
      assert.deepEqual(
        (await releases.list(org, { status: 'open' }, 0, 10)).map((r) => r.version),
        ['web@1.0.0'],
      );
      await releases.update(org, release, { status: 'open' });
    });

    it('creates releases implicitly from events, with first and last event per project', async () => {
      const t0 = clock.now();
      const created = await releases.ensureReleases(db.store.db, web.id, ['web@2.0.0', 'web@2.0.0', 'web@1.0.0'], t0 + 10);
      assert.deepEqual(created, ['web@2.0.0']);
      assert.deepEqual(await releases.ensureReleases(db.store.db, web.id, ['web@2.0.0'], t0 + 5), []);
      await releases.ensureReleases(db.store.db, web.id, ['web@2.0.0'], t0 + 50);
      const json = await releases.json(org, await releases.get(org, 'web@2.0.0'));
      assert.equal(json.firstEvent, new Date(t0 + 5).toISOString());
      assert.equal(json.lastEvent, new Date(t0 + 50).toISOString());
      assert.deepEqual(
        json.projects.map((p) => p.slug),
        ['web'],
      );
      assert.deepEqual(await releases.ensureReleases(db.store.db, web.id, [], t0), []);
      assert.deepEqual(await releases.ensureReleases(db.store.db, web.id, ['a/b', 'latest', '', 'x'.repeat(201)], t0), []);
    });

    it('runs inside the caller transaction (the worker batch) and rolls back with it', async () => {
      await assert.rejects(
        db.store.db.transaction().execute(async (trx) => {
          await releases.ensureReleases(trx, web.id, ['rolled-back'], clock.now());
          throw new Error('batch failed');
        }),
        /batch failed/,
      );
      await assert.rejects(releases.get(org, 'rolled-back'), /Release not found/);
    });

    it('counts new issues and events per release for the release page', async () => {
      const issue = await insertIssue(db.store, { projectId: web.id, firstRelease: 'web@2.0.0' });
      await insertIssue(db.store, { projectId: api.id, firstRelease: 'web@2.0.0' });
      await addHourly(db.store, issue, 'web@2.0.0', 7, 0);
      await addHourly(db.store, issue, 'web@2.0.0', 3, 3_600_000);
      await addHourly(db.store, issue, 'web@1.0.0', 100, 0);
      const json = await releases.json(org, await releases.get(org, 'web@2.0.0'));
      // The api issue is in a project the release is not linked to.
      assert.equal(json.newGroups, 1);
      assert.equal(json.eventCount, 10);
      await assert.rejects(releases.remove(await releases.get(org, 'web@2.0.0')), /referenced by active issues/);
    });

    it('turns "resolved in next release" into "resolved in <new release>" when a newer release appears', async () => {
      const pending = await insertIssue(db.store, { projectId: web.id, status: 'resolved', resolution: 'in_next_release', resolvedInRelease: 'web@2.0.0' });
      const otherProject = await insertIssue(db.store, { projectId: api.id, status: 'resolved', resolution: 'in_next_release', resolvedInRelease: 'API_2.0%' });
      const unresolved = await insertIssue(db.store, { projectId: web.id, resolution: 'in_next_release', resolvedInRelease: 'web@2.0.0' });
      clock.advance(1000);
      assert.deepEqual(await releases.ensureReleases(db.store.db, web.id, ['web@3.0.0'], clock.now()), ['web@3.0.0']);
      const row = async (id: number) =>
        db.store.db.selectFrom('issues').select(['resolution', 'resolved_in_release']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(await row(pending), { resolution: 'in_release', resolved_in_release: 'web@3.0.0' });
      assert.deepEqual(await row(otherProject), { resolution: 'in_next_release', resolved_in_release: 'API_2.0%' });
      assert.deepEqual(await row(unresolved), { resolution: 'in_next_release', resolved_in_release: 'web@2.0.0' });
    });

    it('does not promote an issue whose recorded release is newer than the one created', async () => {
      const { release: future } = await releases.create(org, { version: 'web@9.0.0', projects: ['web'] });
      await db.store.db
        .updateTable('releases')
        .set({ created_at: clock.now() + 60_000 })
        .where('id', '=', future.id)
        .execute();
      const issue = await insertIssue(db.store, { projectId: web.id, status: 'resolved', resolution: 'in_next_release', resolvedInRelease: 'web@9.0.0' });
      clock.advance(1000);
      await releases.ensureReleases(db.store.db, web.id, ['web@4.0.0'], clock.now());
      const r = await db.store.db.selectFrom('issues').select(['resolution', 'resolved_in_release']).where('id', '=', issue).executeTakeFirstOrThrow();
      assert.deepEqual(r, { resolution: 'in_next_release', resolved_in_release: 'web@9.0.0' });
    });

    it('gives the lifecycle what "newer" needs: ranks and the latest release', async () => {
      const ranks = await releases.ranks(db.store.db, org.id, ['web@1.0.0', 'web@3.0.0', 'unknown']);
      assert.equal(ranks.size, 2);
      assert.equal(staysResolved('in_next_release', ranks.get('web@1.0.0'), ranks.get('web@3.0.0')), false);
      assert.equal(staysResolved('in_next_release', ranks.get('web@3.0.0'), ranks.get('web@1.0.0')), true);
      assert.equal(await releases.latestRelease(db.store.db, web.id), 'web@9.0.0');
      assert.equal(await releases.latestRelease(db.store.db, api.id), 'API_2.0%');
      const summaries = await releases.summaries(org.id, ['web@1.0.0', 'gone']);
      assert.deepEqual([...summaries.keys()], ['web@1.0.0']);
      assert.equal(summaries.get('web@1.0.0')?.version, 'web@1.0.0');
    });

    it('records deploys, commits (refs need a known repository) and the previous release with commits', async () => {
      const r1 = await releases.get(org, 'web@1.0.0');
      const r3 = await releases.get(org, 'web@3.0.0');
      await releases.addDeploy(org, r1, { environment: 'production', name: 'd1', dateFinished: '2026-05-31T12:00:00Z' });
      await releases.addDeploy(org, r1, { environment: 'staging' });
      await assert.rejects(releases.addDeploy(org, r1, {}), /environment is required/);
      assert.deepEqual(
        (await releases.deploys(r1)).map((d) => d.environment),
        ['staging', 'production'],
      );
      await assert.rejects(releases.update(org, r1, { refs: [{ repository: 'acme/web', commit: 'a'.repeat(40) }] }), /Invalid repository names: acme\/web/);
      await releases.createRepository(org, { name: 'acme/web', url: 'https://github.com/acme/web', provider: 'integrations:github' });
      await releases.update(org, r1, { refs: [{ repository: 'acme/web', commit: 'a'.repeat(40), previousCommit: null }] });
      await releases.update(org, r3, {
        commits: [
          { id: 'c'.repeat(40), repository: 'acme/web', message: 'fix', author_email: 'dev@acme.test', author_name: 'Dev' },
          { id: 'b'.repeat(40), repository: 'acme/other', message: 'new repo' },
        ],
      });
      assert.deepEqual(
        (await releases.commits(r3)).map((c) => [c.id.slice(0, 1), c.repository?.name]),
        [
          ['c', 'acme/web'],
          ['b', 'acme/other'],
        ],
      );
      assert.ok(
        (await releases.repositories(org)).some((r) => r.name === 'acme/other'),
        'commits create unknown repositories',
      );
      const json = await releases.json(org, r3);
      assert.equal(json.commitCount, 2);
      assert.equal(json.lastCommit?.id, 'c'.repeat(40));
      assert.deepEqual(json.authors, [{ name: 'Dev', email: 'dev@acme.test' }]);
      const r1json = await releases.json(org, r1);
      assert.equal(r1json.deployCount, 2);
      assert.equal(r1json.lastDeploy?.environment, 'staging');
      const previous = await releases.previousWithCommits(org, r3);
      assert.equal('version' in previous ? previous.version : null, 'web@1.0.0');
      assert.deepEqual(await releases.previousWithCommits(org, r1), {});
    });

    it('keeps organizations apart', async () => {
      const { org: other } = await orgWithProjects(db.store, 'other', ['web']);
      await assert.rejects(releases.get(other, 'web@1.0.0'), /Release not found/);
      await assert.rejects(releases.create(other, { version: 'x', projects: [String(web.id)] }), /Invalid project slugs/);
      assert.deepEqual(await releases.list(other, {}, 0, 10), []);
    });
  });
}
