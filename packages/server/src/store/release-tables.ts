import type { Generated } from 'kysely';

/** Row types of the release and artifact tables (migration 0007). Times are ms; JSON is text. */
export interface ReleaseTable {
  id: Generated<number>;
  org_id: number;
  version: string;
  ref: string | null;
  url: string | null;
  date_started: number | null;
  /** set by `releases finalize` */
  date_released: number | null;
  /** open | archived */
  status: Generated<string>;
  created_at: number;
}

export interface ReleaseProjectTable {
  release_id: number;
  project_id: number;
  first_event: number | null;
  last_event: number | null;
  created_at: number;
}

export interface DeployTable {
  id: Generated<number>;
  org_id: number;
  release_id: number;
  environment: string;
  name: string | null;
  url: string | null;
  date_started: number | null;
  date_finished: number;
}

export interface RepositoryTable {
  id: Generated<number>;
  org_id: number;
  /** `owner/name` as sentry-cli's `--commit REPO@SHA` names it */
  name: string;
  url: string | null;
  /** e.g. `integrations:github`; null = not connected to a provider */
  provider: string | null;
  status: Generated<string>;
  created_at: number;
}

export interface CommitTable {
  id: Generated<number>;
  org_id: number;
  repository_id: number;
  /** the SHA */
  key: string;
  message: string | null;
  author_name: string | null;
  author_email: string | null;
  /** commit time when the client sent one, else when we learned of it */
  date_added: number;
}

export interface ReleaseCommitTable {
  release_id: number;
  commit_id: number;
  /** 0 = the newest commit (the head) */
  position: number;
}

/** Content-addressed bytes when artifacts live in the database. */
export interface BlobTable {
  sha1: string;
  size: number;
  data: Uint8Array;
  created_at: number;
}

export interface UploadChunkTable {
  org_id: number;
  sha1: string;
  size: number;
  created_at: number;
}

export interface ArtifactAssemblyTable {
  org_id: number;
  checksum: string;
  /** assembling | ok | error */
  state: string;
  detail: string | null;
  updated_at: number;
}

export interface ArtifactBundleTable {
  id: Generated<number>;
  org_id: number;
  /** SHA-1 of the uploaded file (the assemble `checksum`) */
  checksum: string;
  /** the manifest's `debug_id` */
  bundle_id: string | null;
  file_count: number;
  size: number;
  created_at: number;
  last_used_at: number;
}

export interface ArtifactBundleProjectTable {
  bundle_id: number;
  project_id: number;
}

export interface ArtifactBundleReleaseTable {
  bundle_id: number;
  org_id: number;
  /** '' = none */
  release: string;
  /** '' = none */
  dist: string;
}

export interface ArtifactBundleFileTable {
  id: Generated<number>;
  bundle_id: number;
  type: string;
  url: string;
  debug_id: string | null;
  sha1: string;
  size: number;
  /** JSON object with lower-case keys */
  headers: string;
}

export interface ReleaseFileTable {
  id: Generated<number>;
  org_id: number;
  release_id: number;
  /** the URL the file is matched against (`~/app.min.js`) */
  name: string;
  /** '' = none */
  dist: string;
  sha1: string;
  size: number;
  headers: string;
  created_at: number;
  last_used_at: number;
}

export interface ReleaseTables {
  releases: ReleaseTable;
  release_projects: ReleaseProjectTable;
  deploys: DeployTable;
  repositories: RepositoryTable;
  commits: CommitTable;
  release_commits: ReleaseCommitTable;
  blobs: BlobTable;
  upload_chunks: UploadChunkTable;
  artifact_assemblies: ArtifactAssemblyTable;
  artifact_bundles: ArtifactBundleTable;
  artifact_bundle_projects: ArtifactBundleProjectTable;
  artifact_bundle_releases: ArtifactBundleReleaseTable;
  artifact_bundle_files: ArtifactBundleFileTable;
  release_files: ReleaseFileTable;
}
