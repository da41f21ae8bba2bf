import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CAPTURES, drain, sendCapture, startIssueServer } from '../../issues/routes/issue-api.test-support.js';
import { apiFetch, assertDetail, explainSkippedPostgres, mintToken, type TestServer, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

type Json = Record<string, unknown>;

// A project's processing settings through the API, validated by the pipeline's own parsers,
// and the pipeline honouring what was saved.
for (const dialect of testDialects()) {
  describe(`project settings (${dialect})`, () => {
    let server: TestServer;
    let path: string;
    const as = () => ({ token: server.workspace.token });
    const put = (body: unknown) => apiFetch<Json>(server.url, path, { method: 'PUT', as: as(), body });
    before(async () => {
      // No settings cache in the worker: a saved change applies to the very next batch.
      server = await startIssueServer(dialect, { env: { FAULTLINE_PROCESSING_SETTINGS_TTL_MS: '0' } });
      path = `/api/0/projects/${server.workspace.org}/${server.workspace.project}/`;
    });
    after(() => server.close());

    it('GET shows the defaults in our and Sentry’s names', async () => {
      const res = await apiFetch<Json>(server.url, path, { as: as() });
      assert.equal(res.status, 200);
      assert.equal(res.body.slug, server.workspace.project);
      assert.equal((res.body.inboundFilters as Json).browserExtensions, true);
      assert.deepEqual(res.body.grouping, { fingerprintRules: '', stackRules: '' });
      assert.equal(res.body.retentionDays, null);
      assert.deepEqual(res.body.healthThresholds, { healthy: 99, warning: 97 }, 'the release-health colours default to 99 / 97');
      assert.deepEqual([res.body.dataScrubber, res.body.scrubIPAddresses, res.body.fingerprintingRules], [true, false, '']);
    });

    it('PUT merges each part over what is saved and answers the new state', async () => {
      const res = await put({
        inboundFilters: { localhost: true, errorMessages: ['*ResizeObserver*'] },
        scrubbing: { sensitiveFields: ['iban'] },
        retentionDays: 30,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const again = await put({ inboundFilters: { webCrawlers: false }, scrubIPAddresses: true });
      const filters = again.body.inboundFilters as Json;
      assert.deepEqual([filters.localhost, filters.webCrawlers, filters.errorMessages], [true, false, ['*ResizeObserver*']]);
      assert.deepEqual((again.body.scrubbing as Json).sensitiveFields, ['iban']);
      assert.equal((again.body.scrubbing as Json).scrubIpAddresses, true);
      assert.equal(again.body.retentionDays, 30);
      const stored = (await server.store.projects.byId(server.workspace.projectId))?.settings;
      assert.equal(stored?.retentionDays, 30);
      assert.equal((await put({ retentionDays: null })).body.retentionDays, null);
      assert.deepEqual((await put({ healthThresholds: { healthy: 99.5, warning: 95 } })).body.healthThresholds, { healthy: 99.5, warning: 95 });
      assert.deepEqual((await put({ healthThresholds: { warning: 90 } })).body.healthThresholds, { healthy: 99.5, warning: 90 }, 'merged over the saved one');
      assert.deepEqual((await put({ healthThresholds: null })).body.healthThresholds, { healthy: 99, warning: 97 }, 'null goes back to the defaults');
      assert.equal((await server.store.projects.byId(server.workspace.projectId))?.settings.healthThresholds, undefined);
    });

    it('rule syntax errors come back per line and column, and nothing is saved', async () => {
      const before = (await server.store.projects.byId(server.workspace.projectId))?.settings;
      const res = await put({
        grouping: { fingerprintRules: 'error.type:Timeout -> timeouts\nthis is not a rule', stackRules: 'family:javascript stack.abs_path:**/vendor/** -app' },
        retentionDays: 7,
      });
      assertDetail(res, 400, /Invalid project settings: fingerprintRules/);
      const errors = (res.body as { errors: Record<string, { line: number; column: number; message: string }[]> }).errors;
      assert.equal(errors.fingerprintRules?.[0]?.line, 2);
      assert.equal(typeof errors.fingerprintRules?.[0]?.column, 'number');
      assert.ok((errors.fingerprintRules?.[0]?.message ?? '').length > 0);
      assert.equal(errors.stackRules, undefined);
      assert.deepEqual((await server.store.projects.byId(server.workspace.projectId))?.settings, before);
      const bad = await put({
        inboundFilters: { localhost: 'yes' },
        scrubbing: { nope: true },
        retentionDays: 0,
        healthThresholds: { healthy: 96, warning: 97 },
      });
      assert.deepEqual(Object.keys((bad.body as { errors: Json }).errors).sort(), ['healthThresholds', 'inboundFilters', 'retentionDays', 'scrubbing']);
      assertDetail(await put({ colour: 'blue' }), 400, /Unsupported field/);
    });

    it('fingerprint rules saved here group the next events (Sentry names accepted)', async () => {
      const res = await put({ fingerprintingRules: 'error.type:TypeError -> all-type-errors', inboundFilters: { localhost: false } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal((res.body.grouping as Json).fingerprintRules, 'error.type:TypeError -> all-type-errors');
      await sendCapture(server, CAPTURES.nodeTypeError);
      await sendCapture(server, CAPTURES.browser);
      await drain(server);
      const rows = await server.store.db.selectFrom('events').select('issue_id').where('project_id', '=', server.workspace.projectId).execute();
      assert.equal(rows.length, 2);
      assert.equal(rows[0]?.issue_id, rows[1]?.issue_id, 'both TypeErrors in one issue');
    });

    it('rename and re-slug; a taken slug is 409; project:write is required', async () => {
      const res = await put({ name: 'Checkout', platform: 'python' });
      assert.deepEqual([res.body.name, res.body.platform], ['Checkout', 'python']);
      await server.app.provisioning.ensureProject((await server.store.organizations.bySlug(server.workspace.org)) as never, {
        slug: 'taken',
        platform: 'node',
      });
      assertDetail(await put({ slug: 'taken' }), 409, /already exists/);
      assertDetail(await put({ slug: 'Bad Slug' }), 400, /slug/);
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const reader = await mintToken(server, admin, ['project:read']);
      assertDetail(await apiFetch(server.url, path, { method: 'PUT', as: { token: reader }, body: { name: 'x' } }), 403, /project:write/);
      const moved = await put({ slug: 'checkout' });
      assert.equal(moved.body.slug, 'checkout');
      assert.equal((await apiFetch(server.url, `/api/0/projects/${server.workspace.org}/checkout/`, { as: as() })).status, 200);
    });
  });
}
