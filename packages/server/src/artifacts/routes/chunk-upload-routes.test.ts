import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  buildSourceBundle,
  explainSkippedPostgres,
  loadCliCapture,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { sha1Hex } from '../chunks.js';

explainSkippedPostgres();

type Assemble = { state: string; missingChunks: string[]; detail?: string };

async function postChunks(server: TestServer, org: string, token: string, parts: { field: string; name: string; body: Uint8Array }[]): Promise<Response> {
  const form = new FormData();
  for (const p of parts) form.append(p.field, new Blob([p.body]), p.name);
  return fetch(`${server.url}/api/0/organizations/${org}/chunk-upload/`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

for (const dialect of testDialects()) {
  describe(`chunk upload and assemble (${dialect})`, () => {
    let server: TestServer;
    let as: { token: string };
    let org: string;
    let project: string;
    const assemble = (body: unknown, token = as.token) =>
      apiFetch<Assemble>(server.url, `/api/0/organizations/${org}/artifactbundle/assemble/`, { method: 'POST', as: { token }, body });
    /** Polls like `sentry-cli --wait` until the state is final. */
    async function waitAssembled(body: unknown): Promise<Assemble> {
      for (let i = 0; i < 100; i++) {
        const r = await assemble(body);
        if (r.body.state === 'ok' || r.body.state === 'error') return r.body;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('assembly did not finish');
    }
    before(async () => {
      server = await startTestServer({ dialect });
      as = { token: server.workspace.token };
      org = server.workspace.org;
      project = server.workspace.project;
    });
    after(async () => server.close());

    it('offers the chunk options sentry-cli needs, with an absolute URL', async () => {
      const res = await apiFetch<Record<string, unknown>>(server.url, `/api/0/organizations/${org}/chunk-upload/`, { as });
      assert.equal(res.status, 200);
      const captured = JSON.parse(loadCliCapture('sentry-cli-2.58.6', '006-').response.body) as Record<string, unknown>;
      for (const key of Object.keys(captured)) assert.ok(key in res.body, key);
      assert.equal(res.body.url, `${server.url}/api/0/organizations/${org}/chunk-upload/`);
      assert.equal(res.body.hashAlgorithm, 'sha1');
      assert.deepEqual(res.body.compression, ['gzip']);
      assert.deepEqual(res.body.accept, ['release_files', 'artifact_bundles', 'artifact_bundles_v2']);
    });

    for (const dir of ['sentry-cli-2.58.6', 'sentry-cli-3.8.0'] as const) {
      it(`replays the ${dir} upload: missing chunk, the captured multipart chunk, assemble until ok`, async () => {
        const body = JSON.parse(loadCliCapture(dir, '007-').body.toString().replace('"myproject"', JSON.stringify(project))) as { checksum: string };
        const first = await assemble(body);
        assert.equal(first.status, 200);
        assert.deepEqual(first.body, JSON.parse(loadCliCapture(dir, '007-').response.body));
        const chunk = loadCliCapture(dir, '008-');
        const upload = await fetch(`${server.url}/api/0/organizations/${org}/chunk-upload/`, {
          method: 'POST',
          body: chunk.body,
          headers: { authorization: `Bearer ${as.token}`, 'content-type': chunk.headers['content-type'] as string },
        });
        assert.equal(upload.status, 200);
        assert.equal(await upload.text(), '');
        const second = await assemble(body);
        assert.ok(['created', 'assembling', 'ok'].includes(second.body.state), second.body.state);
        assert.deepEqual(second.body.missingChunks, []);
        assert.deepEqual(await waitAssembled(body), { state: 'ok', missingChunks: [] });
        const bundles = await apiFetch<{ checksum: string; fileCount: number; associations: unknown[] }[]>(
          server.url,
          `/api/0/projects/${org}/${project}/files/artifact-bundles/`,
          { as },
        );
        const stored = bundles.body.find((b) => b.checksum === body.checksum);
        assert.equal(stored?.fileCount, 2);
        assert.deepEqual(stored?.associations, [{ release: 'myapp@1.2.3', dist: 'web' }]);
        // Known checksum: `ok` at once, nothing to upload.
        assert.deepEqual((await assemble(body)).body, { state: 'ok', missingChunks: [] });
      });
    }

    it('assembles through the 2.x release endpoint into the release and its projects', async () => {
      await apiFetch(server.url, `/api/0/organizations/${org}/releases/`, { method: 'POST', as, body: { version: 'legacy-bundle@1', projects: [project] } });
      const bundle = Buffer.from(buildSourceBundle([{ url: '~/legacy.js', type: 'minified_source', content: 'legacy();' }]));
      assert.equal((await postChunks(server, org, as.token, [{ field: 'file_gzip', name: sha1Hex(bundle), body: gzipSync(bundle) }])).status, 200);
      const path = `/api/0/organizations/${org}/releases/legacy-bundle@1/assemble/`;
      let state = '';
      for (let i = 0; i < 100 && state !== 'ok'; i++) {
        const r = await apiFetch<Assemble>(server.url, path, { method: 'POST', as, body: { checksum: sha1Hex(bundle), chunks: [sha1Hex(bundle)] } });
        state = r.body.state;
        if (state !== 'ok') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(state, 'ok');
      const refs = await server.store.artifacts.lookup.byUrls(server.workspace.projectId, 'legacy-bundle@1', '', ['~/legacy.js']);
      assert.equal(refs.length, 1);
      assertDetail(
        await apiFetch(server.url, `/api/0/organizations/${org}/releases/nope/assemble/`, {
          method: 'POST',
          as,
          body: { checksum: sha1Hex(bundle), chunks: [] },
        }),
        404,
      );
    });

    it('refuses a chunk whose content does not match its name', async () => {
      const res = await postChunks(server, org, as.token, [
        { field: 'file_gzip', name: sha1Hex(Buffer.from('claimed')), body: gzipSync(Buffer.from('actual')) },
      ]);
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as { detail: string }).detail, /checksum mismatch/);
    });

    it('refuses more chunks per request than it offered', async () => {
      const parts = Array.from({ length: 65 }, (_, i) => Buffer.from(`chunk ${i}`)).map((b) => ({ field: 'file', name: sha1Hex(b), body: b }));
      const res = await postChunks(server, org, as.token, parts);
      assert.equal(res.status, 413);
    });

    it('reports a failed assembly with its reason (what the CLI prints)', async () => {
      const junk = Buffer.from('this is not a source bundle');
      assert.equal((await postChunks(server, org, as.token, [{ field: 'file_gzip', name: sha1Hex(junk), body: gzipSync(junk) }])).status, 200);
      const result = await waitAssembled({ checksum: sha1Hex(junk), chunks: [sha1Hex(junk)], projects: [project] });
      assert.equal(result.state, 'error');
      assert.match(result.detail ?? '', /neither a source bundle/);
    });

    it('validates the assemble request', async () => {
      const ok = { checksum: 'a'.repeat(40), chunks: ['a'.repeat(40)], projects: [project] };
      assertDetail(await assemble({ ...ok, projects: ['nope'] }), 400, /Invalid project: nope/);
      assertDetail(await assemble({ ...ok, projects: [] }), 400, /at least one project/);
      assertDetail(await assemble({ ...ok, checksum: 'xyz' }), 400, /checksum/);
      assertDetail(await assemble({ ...ok, chunks: ['short'] }), 400, /chunks/);
      assertDetail(await assemble({ ...ok, version: 'bad/version' }), 400, /Invalid release version/);
    });

    it('needs project:releases for options, chunks and assemble', async () => {
      const admin = await server.store.users.byEmail(server.workspace.admin.email);
      assert.ok(admin);
      const weak = await mintToken(server, admin, ['project:read', 'org:read', 'event:write']);
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/chunk-upload/`, { as: { token: weak } }), 403, /project:releases/);
      const b = Buffer.from('x');
      assert.equal((await postChunks(server, org, weak, [{ field: 'file', name: sha1Hex(b), body: b }])).status, 403);
      assertDetail(await assemble({ checksum: sha1Hex(b), chunks: [sha1Hex(b)], projects: [project] }, weak), 403);
    });

    it("keeps organizations apart: chunks are owned by the uploader's organization", async () => {
      const outsider = await addPerson(server, `chunks-${dialect}@example.com`);
      const { org: theirs, project: theirProject } = await addOrganization(server, `chunkers-${dialect}`, outsider);
      const token = await mintToken(server, outsider, ['project:releases'], theirs);
      const body = JSON.parse(loadCliCapture('sentry-cli-2.58.6', '007-').body.toString()) as { checksum: string; chunks: string[] };
      // The first organization uploaded this chunk; the second must upload it itself.
      const r = await apiFetch<Assemble>(server.url, `/api/0/organizations/${theirs.slug}/artifactbundle/assemble/`, {
        method: 'POST',
        as: { token },
        body: { ...body, projects: [theirProject.slug] },
      });
      assert.deepEqual(r.body, { state: 'not_found', missingChunks: body.chunks });
      assertDetail(await apiFetch(server.url, `/api/0/organizations/${org}/chunk-upload/`, { as: { token } }), 404);
      assertDetail(await apiFetch(server.url, `/api/0/projects/${org}/${project}/files/artifact-bundles/`, { as: { token } }), 404);
    });
  });
}

describe('chunk upload switched off (FAULTLINE_CHUNK_UPLOAD_ENABLED=false)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { FAULTLINE_CHUNK_UPLOAD_ENABLED: 'false' } });
  });
  after(async () => server.close());

  it('answers chunk-upload 404 exactly as the no-chunk-upload captures, so 2.x uploads file by file', async () => {
    const res = await apiFetch<unknown>(server.url, `/api/0/organizations/${server.workspace.org}/chunk-upload/`, { as: { token: server.workspace.token } });
    for (const dir of ['sentry-cli-2.58.6-legacy-upload', 'sentry-cli-3.8.0-no-chunk-upload']) {
      const captured = loadCliCapture(dir, '001-').response;
      assert.equal(res.status, captured.status);
      assert.deepEqual(res.body, JSON.parse(captured.body));
    }
  });
});
