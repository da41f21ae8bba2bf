import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Releases } from '../../releases/index.js';
import type { Store } from '../../store/index.js';
import type { Artifacts } from '../index.js';
import { registerArtifactRoutes } from './artifact-routes.js';
import { registerChunkUploadRoutes } from './chunk-upload-routes.js';

export interface ArtifactsApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly artifacts: Artifacts;
  readonly releases: Releases;
  readonly publicUrl: string;
}

/** artifacts' part of /api/0/: chunk upload and assembly, artifact bundles and release files. */
export function registerArtifactsApi(app: FastifyInstance, deps: ArtifactsApiDeps): void {
  registerChunkUploadRoutes(app, deps);
  registerArtifactRoutes(app, deps);
}
