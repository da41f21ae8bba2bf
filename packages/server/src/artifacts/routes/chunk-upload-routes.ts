import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Organization } from '../../organizations/index.js';
import { parseVersion, type Releases, releaseAccess } from '../../releases/index.js';
import type { Store } from '../../store/index.js';
import { decodeChunk, isSha1 } from '../chunks.js';
import type { Artifacts } from '../index.js';

type OrgParams = { org: string };
type VersionParams = OrgParams & { version: string };

/** Compressed parts may be a little larger than the chunk they hold. */
const GZIP_SLACK = 64 * 1024;

/**
 * The chunked upload protocol of `sentry-cli sourcemaps upload` (docs/wire-format.md › sentry-cli: chunked uploads):
 * options, multipart chunk upload (gzip parts named by the SHA-1 of the uncompressed chunk)
 * and assemble. Everything needs `project:releases`.
 */
export function registerChunkUploadRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; store: Store; artifacts: Artifacts; releases: Releases; publicUrl: string },
): void {
  const { artifacts, store, releases } = deps;
  const access = releaseAccess(deps.auth);
  const limits = artifacts.limits;

  async function uploadOrg(request: { params: OrgParams } & Parameters<typeof requirePrincipal>[0]): Promise<Organization> {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, true);
    // The capture of a server without chunk upload: 404 makes 2.x fall back to per-file uploads.
    if (!artifacts.chunkUploadEnabled) fail('not_found', 'Not found');
    return org;
  }

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/chunk-upload/', async (request) => {
    const org = await uploadOrg(request);
    return {
      // Absolute and public: sentry-cli posts chunks to exactly this URL.
      url: `${deps.publicUrl}/api/0/organizations/${encodeURIComponent(org.slug)}/chunk-upload/`,
      chunkSize: limits.chunkSize,
      chunksPerRequest: limits.chunksPerRequest,
      maxFileSize: limits.maxFileSize,
      maxRequestSize: limits.maxRequestSize,
      concurrency: limits.concurrency,
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
      // release_files makes 2.x use chunks at all; v2 lets it upload only the missing chunks.
      accept: ['release_files', 'artifact_bundles', 'artifact_bundles_v2'],
      maxWait: 0,
    };
  });

  // Multipart parsing only where uploads arrive: an encapsulated scope, so no other route accepts it.
  app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });

    scope.post<{ Params: OrgParams }>('/api/0/organizations/:org/chunk-upload/', async (request, reply) => {
      const org = await uploadOrg(request);
      if (!request.isMultipart()) fail('validation_failed', 'Expected multipart/form-data with chunks');
      let total = 0;
      const parts = request.parts({
        limits: { fileSize: limits.chunkSize + GZIP_SLACK, files: limits.chunksPerRequest, fields: 16, parts: limits.chunksPerRequest + 16 },
      });
      for await (const part of parts) {
        if (part.type !== 'file') continue;
        const body = await part.toBuffer();
        total += body.byteLength;
        if (total > limits.maxRequestSize) fail('validation_failed', 'Request too large');
        const chunk = await decodeChunk(part.fieldname, part.filename, body, limits.chunkSize);
        if (!chunk.ok) fail('validation_failed', chunk.reason);
        // Stored as it arrives: a request of 64 compressible chunks never sits in memory at once.
        await artifacts.storeChunks(org.id, [chunk]);
      }
      return reply.code(200).send();
    });
  });

  function readChunks(body: Record<string, unknown>): { checksum: string; chunks: string[] } {
    const { checksum, chunks } = body;
    if (!isSha1(checksum)) fail('validation_failed', 'checksum must be a SHA-1 (40 lower-case hex digits)');
    const max = Math.ceil(limits.maxFileSize / limits.chunkSize) + 1;
    if (!Array.isArray(chunks) || chunks.length > max || !chunks.every(isSha1))
      fail('validation_failed', `chunks must be a list of at most ${max} SHA-1 digests`);
    return { checksum, chunks };
  }

  const optional = (v: unknown, field: string, max: number): string | null => {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || v.length > max) fail('validation_failed', `${field} must be a string of at most ${max} characters`);
    return v;
  };

  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/artifactbundle/assemble/', async (request) => {
    const org = await uploadOrg(request);
    const body = jsonObject(request.body);
    const { checksum, chunks } = readChunks(body);
    const slugs = body.projects;
    if (!Array.isArray(slugs) || slugs.length === 0 || !slugs.every((s) => typeof s === 'string'))
      fail('validation_failed', 'projects must name at least one project');
    const projectIds: number[] = [];
    for (const slug of new Set(slugs as string[])) {
      const p = await store.projects.bySlug(org.id, slug);
      if (!p) fail('validation_failed', `Invalid project: ${slug}`);
      projectIds.push(p.id);
    }
    const version = optional(body.version, 'version', 200);
    return artifacts.assemble({
      orgId: org.id,
      checksum,
      chunks,
      projectIds,
      release: version === null ? null : parseVersion(version),
      dist: optional(body.dist, 'dist', 64),
    });
  });

  // 2.x only, against servers that accept release_files but not artifact_bundles: the bundle
  // applies to the release's projects.
  app.post<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/assemble/', async (request) => {
    const org = await uploadOrg(request);
    const release = await releases.get(org, request.params.version);
    const body = jsonObject(request.body);
    const { checksum, chunks } = readChunks(body);
    const links = (await store.releases.versions.projectsOf([release.id])).get(release.id) ?? [];
    return artifacts.assemble({
      orgId: org.id,
      checksum,
      chunks,
      projectIds: links.map((l) => l.projectId),
      release: release.version,
      dist: optional(body.dist, 'dist', 64),
    });
  });
}
