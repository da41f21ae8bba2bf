import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { Store, StoreExecutor } from '../store/index.js';

/**
 * Content-addressed storage of uploaded bytes (chunks, bundle files, release files), keyed
 * by SHA-1. Writing known content again is a no-op, which is the deduplication. The metadata
 * (who uploaded what, where it applies) is always in the database; only the bytes move.
 */
export interface BlobStorage {
  readonly kind: 'database' | 'filesystem';
  /** Stores `data` under `sha1` (the caller has verified the digest); refreshes the age of known content. */
  put(sha1: string, data: Uint8Array): Promise<void>;
  /** `exec`: the caller's transaction, for the database storage (SQLite has one connection) */
  get(sha1: string, exec?: StoreExecutor): Promise<Uint8Array | undefined>;
  /** Deletes the blob unless it was written or refreshed at or after `unlessNewerThan` (GC race guard). */
  remove(sha1: string, unlessNewerThan: number): Promise<void>;
  /** Blobs older than `before`, SHA-1 order after `after`: pages for the garbage collector. */
  listOlderThan(before: number, after: string, limit: number): Promise<string[]>;
}

const SHA1 = /^[0-9a-f]{40}$/;

/** DATA_DIR/artifacts/<sha1>: embedded installs, one server process (or a shared volume). */
export function createFileBlobStorage(dir: string): BlobStorage {
  const path = (sha1: string) => {
    // The name becomes a path: only ever a digest.
    if (!SHA1.test(sha1)) throw new Error(`not a SHA-1: ${sha1.slice(0, 60)}`);
    return join(dir, sha1);
  };
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true });
    return ready;
  };
  return {
    kind: 'filesystem',
    async put(sha1, data) {
      await ensureDir();
      const target = path(sha1);
      try {
        const now = new Date();
        await utimes(target, now, now);
        return;
      } catch {
        // not there yet
      }
      // Write aside, then rename: a reader never sees a half-written file.
      const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      await writeFile(tmp, data);
      await rename(tmp, target);
    },
    async get(sha1) {
      try {
        return new Uint8Array(await readFile(path(sha1)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async remove(sha1, unlessNewerThan) {
      try {
        const s = await stat(path(sha1));
        if (s.mtimeMs >= unlessNewerThan) return;
        await unlink(path(sha1));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    },
    async listOlderThan(before, after, limit) {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => SHA1.test(n) && n > after).sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const out: string[] = [];
      for (const n of names) {
        if (out.length >= limit) break;
        const s = await stat(join(dir, n)).catch(() => null);
        if (s && s.mtimeMs < before) out.push(n);
      }
      return out;
    },
  };
}

/** Table `blobs`: every server process of a PostgreSQL deployment sees the same artifacts. */
export function createDatabaseBlobStorage(store: Store): BlobStorage {
  const repo = store.artifacts.blobs;
  return {
    kind: 'database',
    put: (sha1, data) => repo.put(sha1, data),
    get: (sha1, exec) => repo.get(sha1, exec),
    remove: (sha1, unlessNewerThan) => repo.removeOlderThan(sha1, unlessNewerThan),
    listOlderThan: (before, after, limit) => repo.listOlderThan(before, after, limit),
  };
}

/**
 * The one place that picks where artifact bytes live: the database when DATABASE_URL is set
 * (several processes must see the same files), else files under DATA_DIR — unless
 * FAULTLINE_ARTIFACT_STORAGE says otherwise.
 */
export function openBlobStorage(deps: { config: Config; store: Store }): BlobStorage {
  const { config } = deps;
  const kind = config.artifactStorage === 'auto' ? (config.databaseUrl ? 'database' : 'filesystem') : config.artifactStorage;
  return kind === 'database' ? createDatabaseBlobStorage(deps.store) : createFileBlobStorage(join(config.dataDir, 'artifacts'));
}
