import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { fail } from '../../kernel/index.js';
import type { Organization, Project } from '../../organizations/index.js';
import type { Release, Releases } from '../../releases/index.js';
import { pageFromStore, releaseAccess } from '../../releases/index.js';
import type { Store } from '../../store/index.js';
import type { Artifacts } from '../index.js';
import type { ReleaseFile } from '../store/release-files.js';

type OrgVersion = { org: string; version: string };
type ProjectVersion = OrgVersion & { project: string };
type FileParams = { file: string };
type ProjectParams = { org: string; project: string };

const iso = (ms: number) => new Date(ms).toISOString();

function releaseFileJson(f: ReleaseFile) {
  return { id: String(f.id), name: f.name, dist: f.dist === '' ? null : f.dist, headers: f.headers, size: f.size, sha1: f.sha1, dateCreated: iso(f.createdAt) };
}

/** `header` fields are `Key:Value` (sentry-cli: `Sourcemap:app.min.js.map`). */
function parseHeader(text: string, into: Record<string, string>): void {
  const colon = text.indexOf(':');
  if (colon <= 0) fail('validation_failed', 'header must be "Name:Value"');
  into[text.slice(0, colon).trim()] = text.slice(colon + 1).trim();
}

/**
 * Legacy release files (docs/wire-format.md › Legacy release files: sentry-cli 2.x without chunk upload,
 * `releases files`) under both the project- and the organization-scoped release, and the artifact bundles of a
 * project. Uploads need `project:releases`; reads accept project:read too.
 */
export function registerArtifactRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; artifacts: Artifacts; releases: Releases }): void {
  const { store, artifacts, releases } = deps;
  const access = releaseAccess(deps.auth);

  /** The release named in the path, after the caller's access was checked. */
  async function releaseOf(request: FastifyRequest, write: boolean): Promise<{ org: Organization; release: Release }> {
    const p = request.params as Partial<ProjectVersion>;
    const principal = requirePrincipal(request);
    if (p.project !== undefined) {
      const { org, project } = await access.projectAccess(principal, p.org ?? '', p.project, write);
      return { org, release: await releases.get(org, p.version ?? '', project) };
    }
    const { org } = await access.orgAccess(principal, p.org ?? '', write);
    return { org, release: await releases.get(org, p.version ?? '') };
  }

  async function fileOf(request: FastifyRequest, write: boolean): Promise<{ release: Release; file: ReleaseFile }> {
    const { release } = await releaseOf(request, write);
    const id = Number((request.params as FileParams).file);
    const file = Number.isInteger(id) ? await store.artifacts.releaseFiles.byId(release.id, id) : undefined;
    if (!file) fail('not_found', 'File not found');
    return { release, file };
  }

  for (const base of ['/api/0/projects/:org/:project/releases/:version/files/', '/api/0/organizations/:org/releases/:version/files/']) {
    app.get(base, async (request, reply) => {
      const { release } = await releaseOf(request, false);
      return pageFromStore(request, reply, async (offset, limit) => (await store.artifacts.releaseFiles.list(release.id, offset, limit)).map(releaseFileJson));
    });

    app.get(`${base}:file/`, async (request, reply) => {
      const { file } = await fileOf(request, false);
      if ((request.query as Record<string, string | undefined>).download !== '1') return releaseFileJson(file);
      const bytes = await artifacts.blobs.get(file.sha1);
      if (!bytes) fail('not_found', 'File content is no longer stored');
      const name = file.name.slice(file.name.lastIndexOf('/') + 1).replace(/[^\w.@-]/g, '_') || 'file';
      return reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(bytes));
    });

    app.delete(`${base}:file/`, async (request, reply) => {
      const { release, file } = await fileOf(request, true);
      await store.artifacts.releaseFiles.remove(release.id, file.id);
      return reply.code(204).send();
    });
  }

  app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });
    for (const base of ['/api/0/projects/:org/:project/releases/:version/files/', '/api/0/organizations/:org/releases/:version/files/']) {
      scope.post(base, async (request, reply) => {
        const { org, release } = await releaseOf(request, true);
        if (!request.isMultipart()) fail('validation_failed', 'Expected multipart/form-data with a file');
        let content: Buffer | null = null;
        let filename = '';
        const fields: Record<string, string> = {};
        const headers: Record<string, string> = {};
        for await (const part of request.parts({ limits: { fileSize: artifacts.limits.maxFileSize, files: 1, fields: 64, fieldSize: 8192 } })) {
          if (part.type === 'file') {
            content = await part.toBuffer();
            filename = part.filename;
          } else if (typeof part.value === 'string') {
            if (part.fieldname === 'header') parseHeader(part.value, headers);
            else fields[part.fieldname] = part.value;
          }
        }
        if (!content) fail('validation_failed', 'Missing uploaded file');
        const name = fields.name || filename;
        if (!name || name.length > 4096) fail('validation_failed', 'name is required');
        const dist = fields.dist ?? '';
        if (dist.length > 64) fail('validation_failed', 'dist must be at most 64 characters');
        const file = await artifacts.addReleaseFile(org.id, { releaseId: release.id, name, dist, headers, content });
        if (!file) fail('conflict', 'A file matching this name already exists for the given release');
        return reply.code(201).send(releaseFileJson(file));
      });
    }
  });

  async function projectOf(request: FastifyRequest, write: boolean): Promise<Project> {
    const p = request.params as ProjectParams;
    return (await access.projectAccess(requirePrincipal(request), p.org, p.project, write)).project;
  }

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/files/artifact-bundles/', async (request, reply) => {
    const project = await projectOf(request, false);
    return pageFromStore(request, reply, async (offset, limit) =>
      (await store.artifacts.bundles.listForProject(project.id, offset, limit)).map((b) => ({
        id: String(b.id),
        bundleId: b.bundleId ?? b.checksum,
        checksum: b.checksum,
        fileCount: b.fileCount,
        size: b.size,
        date: iso(b.createdAt),
        dateLastUsed: iso(b.lastUsedAt),
        associations: b.releases.map((r) => ({ release: r.release === '' ? null : r.release, dist: r.dist === '' ? null : r.dist })),
      })),
    );
  });

  app.get<{ Params: ProjectParams & { bundle: string } }>('/api/0/projects/:org/:project/artifact-bundles/:bundle/files/', async (request) => {
    const project = await projectOf(request, false);
    const bundle = await store.artifacts.bundles.forProject(project.id, Number(request.params.bundle));
    if (!bundle) fail('not_found', 'Artifact bundle not found');
    return (await store.artifacts.bundles.files(bundle.id)).map((f) => ({
      id: String(f.id),
      filePath: f.url,
      fileType: f.type,
      debugId: f.debugId,
      sha1: f.sha1,
      fileSize: f.size,
      headers: f.headers,
    }));
  });

  app.delete<{ Params: ProjectParams & { bundle: string } }>('/api/0/projects/:org/:project/artifact-bundles/:bundle/', async (request, reply) => {
    const project = await projectOf(request, true);
    const bundle = await store.artifacts.bundles.forProject(project.id, Number(request.params.bundle));
    if (!bundle) fail('not_found', 'Artifact bundle not found');
    await store.artifacts.bundles.remove(bundle.id);
    return reply.code(204).send();
  });
}
