// Who may read and change monitors through the crons API (docs/crons.md › API): scopes,
// owners, DSN credentials and organization isolation, over real HTTP on both dialects.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { type MonitorJsonShape, monitorBody, monitorsApi } from './monitors-api.test-support.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`crons API: access (${dialect})`, () => {
    let server: TestServer;
    let api: ReturnType<typeof monitorsApi>;

    before(async () => {
      server = await startTestServer({ dialect });
      api = monitorsApi(server);
      const created = await api.send('POST', '', monitorBody(server, 'nightly-import'));
      assert.equal(created.status, 201, JSON.stringify(created.body));
    });
    after(async () => {
      await server?.close();
    });

    it('reads need org:read, changes need org:write or project:write', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const reader = await mintToken(server, admin, ['org:read']);
      const projectWriter = await mintToken(server, admin, ['project:write']);
      const eventsOnly = await mintToken(server, admin, ['event:read']);
      assert.equal((await api.get('', { token: reader })).status, 200);
      assert.equal((await api.get('nightly-import/checkins/', { token: reader })).status, 200);
      assertDetail(await api.send('POST', '', monitorBody(server, 'by-reader'), { token: reader }), 403, /scope/, 'reader creates');
      assertDetail(await api.send('PUT', 'nightly-import/', { name: 'x' }, { token: reader }), 403, /scope/, 'reader updates');
      assertDetail(await api.send('DELETE', 'nightly-import/', undefined, { token: reader }), 403, /scope/, 'reader deletes');
      assertDetail(await api.get('', { token: eventsOnly }), 403, /scope/, 'no org:read');
      const created = await api.send<MonitorJsonShape>('POST', '', monitorBody(server, 'by-project-writer'), { token: projectWriter });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assertDetail(await api.get('', null), 401, undefined, 'anonymous');
      const dsn = await apiFetch(server.url, `${api.base}nightly-import/checkins/`, { headers: { authorization: `DSN ${server.workspace.dsn}` } });
      assertDetail(dsn, 401, undefined, 'DSN credentials read nothing');
    });

    it('owners are members or teams of the organization, shown as Sentry\u2019s actor and filterable', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const owned = await api.send<MonitorJsonShape>('PUT', 'nightly-import/', { owner: `user:${admin.id}` });
      assert.equal(owned.status, 200, JSON.stringify(owned.body));
      assert.deepEqual(owned.body.owner, { type: 'user', id: String(admin.id), name: admin.name, email: admin.email });
      assert.deepEqual(
        (await api.get<MonitorJsonShape[]>(`?owner=user:${admin.id}`)).body.map((m) => m.slug),
        ['nightly-import'],
      );
      assert.ok(!(await api.get<MonitorJsonShape[]>('?owner=unassigned')).body.some((m) => m.slug === 'nightly-import'));
      const stranger = await addPerson(server, 'stranger@example.com');
      assertDetail(await api.send('PUT', 'nightly-import/', { owner: `user:${stranger.id}` }), 400, /owner/, 'not a member');
      assertDetail(await api.get('?owner=everyone'), 400, /owner/, 'bad owner filter');
      const cleared = await api.send<MonitorJsonShape>('PUT', 'nightly-import/', { owner: null });
      assert.equal(cleared.body.owner, null);
    });

    it('another organization\u2019s monitors are 404, to its members and to org tokens', async () => {
      const outsider = await addPerson(server, 'outsider@example.com');
      const { org: theirOrg } = await addOrganization(server, 'rival', outsider);
      const theirToken = await mintToken(server, outsider, ['org:read', 'org:write', 'project:write']);
      const theirs = monitorsApi(server);
      const rivalBase = `/api/0/organizations/${theirOrg.slug}/monitors/`;
      const mine = await theirs.send<MonitorJsonShape>('POST', rivalBase, { ...monitorBody(server, 'rival-job'), project: 'rival-app' }, { token: theirToken });
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      // The outsider cannot see or touch ours, whichever path they use.
      for (const path of ['', 'nightly-import/', 'nightly-import/checkins/', 'nightly-import/stats/'])
        assertDetail(await api.get(path, { token: theirToken }), 404, undefined, `their token on our ${path}`);
      assertDetail(await api.send('PUT', 'nightly-import/', { name: 'pwned' }, { token: theirToken }), 404, undefined, 'their PUT');
      assertDetail(await api.send('DELETE', 'nightly-import/', undefined, { token: theirToken }), 404, undefined, 'their DELETE');
      // Our org's path never shows their monitor, and their project is not ours to create in.
      assertDetail(await api.get('rival-job/'), 404, undefined, 'their slug under our org');
      assertDetail(await api.send('POST', '', { ...monitorBody(server, 'sneaky'), project: 'rival-app' }), 400, /project/i, 'create in their project');
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const orgToken = await mintToken(server, admin, ['org:read'], (await server.store.organizations.bySlug(server.workspace.org)) ?? null);
      assertDetail(await api.get(rivalBase, { token: orgToken }), 404, undefined, 'an org token on another org');
      assert.equal((await api.get<MonitorJsonShape>('nightly-import/')).body.name, 'Job nightly-import', 'unchanged');
    });
  });
}
