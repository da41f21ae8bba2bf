import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import type { BlobStorage } from './blob-storage.js';
import { sha1Hex } from './chunks.js';
import { type BundleLimits, parseSourceBundle } from './source-bundle.js';

/** The body of `POST artifactbundle/assemble/` after validation (docs/wire-format.md › sentry-cli: chunked uploads). */
export interface AssembleRequest {
  orgId: number;
  checksum: string;
  chunks: readonly string[];
  projectIds: readonly number[];
  /** from the request; the manifest's values are used when absent */
  release: string | null;
  dist: string | null;
}

export type AssembleState = 'not_found' | 'created' | 'assembling' | 'ok' | 'error';

export interface AssembleResponse {
  state: AssembleState;
  missingChunks: string[];
  detail?: string;
}

/** An assembly whose process vanished is taken over after this; a failure is reported this long. */
const STALE_MS = 5 * 60_000;
const ERROR_TTL_MS = 10 * 60_000;
/** How long the call that starts an assembly waits for it before answering `created`. */
const QUICK_MS = 300;

class AssembleFailure extends Error {}

/**
 * Turns uploaded chunks into a stored artifact bundle. The call that finds every chunk present
 * starts the job and answers with its result if it is done within QUICK_MS, else `created`;
 * later calls (sentry-cli `--wait` polls every second) read the state every process shares.
 * An already stored checksum answers `ok` at once, gaining any new project/release links.
 */
export function createAssembler(deps: {
  store: Store;
  blobs: BlobStorage;
  clock: Clock;
  logger: Logger;
  limits: BundleLimits & { maxFileSize: number };
  onStored?: () => void;
}) {
  const { store, blobs, clock, logger, limits } = deps;
  const inFlight = new Set<Promise<void>>();

  async function build(req: AssembleRequest): Promise<void> {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (const sha1 of req.chunks) {
      const part = await blobs.get(sha1);
      if (!part) throw new AssembleFailure(`chunk ${sha1} is no longer stored; upload again`);
      total += part.byteLength;
      if (total > limits.maxFileSize) throw new AssembleFailure(`the file is larger than ${limits.maxFileSize} bytes`);
      parts.push(part);
    }
    const bytes = Buffer.concat(parts);
    if (sha1Hex(bytes) !== req.checksum) throw new AssembleFailure('the assembled file does not match the checksum');
    const parsed = parseSourceBundle(bytes, limits);
    if (!parsed.ok) throw new AssembleFailure(parsed.reason);
    const files = [];
    for (const f of parsed.bundle.files) {
      const sha1 = sha1Hex(f.content);
      await blobs.put(sha1, f.content);
      files.push({ type: f.type, url: f.url, debugId: f.debugId, sha1, size: f.content.byteLength, headers: f.headers });
    }
    await store.artifacts.bundles.create(
      { orgId: req.orgId, checksum: req.checksum, bundleId: parsed.bundle.bundleId, files },
      { projectIds: req.projectIds, release: req.release ?? parsed.bundle.release ?? '', dist: req.dist ?? parsed.bundle.dist ?? '' },
    );
  }

  async function run(req: AssembleRequest): Promise<void> {
    try {
      await build(req);
      await store.artifacts.chunks.finishAssembly(req.orgId, req.checksum, 'ok', null);
      deps.onStored?.();
    } catch (err) {
      const detail = err instanceof AssembleFailure ? err.message : 'internal error while assembling';
      if (!(err instanceof AssembleFailure)) logger.error({ err, checksum: req.checksum }, 'artifact bundle assembly failed');
      await store.artifacts.chunks
        .finishAssembly(req.orgId, req.checksum, 'error', detail)
        .catch((e: unknown) => logger.error({ err: e }, 'could not record assembly failure'));
    }
  }

  return {
    async assemble(req: AssembleRequest): Promise<AssembleResponse> {
      const known = await store.artifacts.bundles.byChecksum(req.orgId, req.checksum);
      if (known) {
        await store.artifacts.bundles.associate(known.id, req.orgId, { projectIds: req.projectIds, release: req.release ?? '', dist: req.dist ?? '' });
        deps.onStored?.();
        return { state: 'ok', missingChunks: [] };
      }
      const now = clock.now();
      const status = await store.artifacts.chunks.assembly(req.orgId, req.checksum);
      if (status?.state === 'assembling' && status.updatedAt >= now - STALE_MS) return { state: 'assembling', missingChunks: [] };
      if (status?.state === 'error' && status.updatedAt >= now - ERROR_TTL_MS)
        return { state: 'error', missingChunks: [], detail: status.detail ?? 'assembly failed' };
      const owned = await store.artifacts.chunks.owned(req.orgId, req.chunks);
      const missing = [...new Set(req.chunks.filter((c) => !owned.has(c)))];
      if (missing.length > 0 || req.chunks.length === 0) return { state: 'not_found', missingChunks: missing };
      // A failure older than its reporting window is retried like a fresh upload (claimable).
      if (!(await store.artifacts.chunks.claimAssembly(req.orgId, req.checksum, now - STALE_MS))) return { state: 'assembling', missingChunks: [] };
      const job = run(req).finally(() => inFlight.delete(job));
      inFlight.add(job);
      // Most bundles take milliseconds: answering with the result saves sentry-cli a 1 s poll.
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([job.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(resolve, QUICK_MS, false)))]);
      clearTimeout(timer);
      if (!finished) return { state: 'created', missingChunks: [] };
      const done = await store.artifacts.chunks.assembly(req.orgId, req.checksum);
      return done?.state === 'error' ? { state: 'error', missingChunks: [], detail: done.detail ?? 'assembly failed' } : { state: 'ok', missingChunks: [] };
    },

    /** Resolves when every assembly this process started has finished (shutdown, tests). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type Assembler = ReturnType<typeof createAssembler>;
