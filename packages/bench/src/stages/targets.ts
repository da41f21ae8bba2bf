import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startBaseline } from '../baseline/index.js';
import { type BenchSchema, createBenchSchema, startFaultline } from '../faultline/index.js';
import { diskUsageBytes, noProcessing, type ProcessedProbe, postgresEventsProbe, sqliteEventsProbe } from '../probes/index.js';
import type { TargetResult } from '../report/index.js';
import type { RunningServer } from '../server-process.js';

/** A started target: the server, how to observe its processing, how to measure its disk. */
export interface StartedTarget {
  readonly server: RunningServer;
  readonly probe: ProcessedProbe;
  /** Called after the server has stopped (SQLite has checkpointed its WAL by then). */
  diskBytes(): Promise<{ measured: string; bytes: number } | null>;
  /** Removes what the target left behind (data directory, schema). Always called. */
  cleanup(): Promise<void>;
}

export interface TargetSpec {
  readonly name: string;
  readonly kind: TargetResult['kind'];
  readonly database: TargetResult['database'];
  start(): Promise<StartedTarget>;
}

export function baselineTarget(): TargetSpec {
  return {
    name: 'baseline',
    kind: 'baseline',
    database: 'none',
    async start() {
      const server = await startBaseline();
      return { server, probe: noProcessing, diskBytes: async () => null, cleanup: async () => {} };
    },
  };
}

/**
 * `probeTable`: the table whose rows count as processed — `events` for the ingest stage,
 * `trace_segments` (one row per transaction or span container) for the spans stage.
 */
export function sqliteTarget(
  repoRoot: string,
  runDir: string,
  keep: boolean,
  settings: Readonly<Record<string, string>> = {},
  probeTable = 'events',
): TargetSpec {
  return {
    name: 'faultline (sqlite)',
    kind: 'faultline',
    database: 'sqlite',
    async start() {
      const dataDir = join(runDir, 'faultline-sqlite');
      await mkdir(dataDir, { recursive: true });
      const cleanup = async () => {
        if (!keep) await rm(dataDir, { recursive: true, force: true });
      };
      try {
        const server = await startFaultline({ repoRoot, dataDir, databaseUrl: null, startTimeoutMs: 30_000, settings });
        return {
          server,
          probe: sqliteEventsProbe(join(dataDir, 'faultline.sqlite'), probeTable),
          diskBytes: async () => ({ measured: 'du of the data directory', bytes: await diskUsageBytes(dataDir) }),
          cleanup,
        };
      } catch (err) {
        await cleanup();
        throw err;
      }
    },
  };
}

export function postgresTarget(
  repoRoot: string,
  runDir: string,
  databaseUrl: string,
  keep: boolean,
  settings: Readonly<Record<string, string>> = {},
  probeTable = 'events',
): TargetSpec {
  return {
    name: 'faultline (postgres)',
    kind: 'faultline',
    database: 'postgres',
    async start() {
      const dataDir = join(runDir, 'faultline-postgres');
      await mkdir(dataDir, { recursive: true });
      const schema: BenchSchema = await createBenchSchema(databaseUrl, `bench_${Date.now()}_${randomBytes(3).toString('hex')}`);
      const cleanup = async () => {
        await schema.drop();
        if (!keep) await rm(dataDir, { recursive: true, force: true });
      };
      try {
        const server = await startFaultline({ repoRoot, dataDir, databaseUrl: schema.url, startTimeoutMs: 30_000, settings });
        return {
          server,
          probe: postgresEventsProbe(schema.url, probeTable),
          diskBytes: async () => ({ measured: `relation sizes of schema ${schema.name}`, bytes: await schema.sizeBytes() }),
          cleanup,
        };
      } catch (err) {
        await cleanup();
        throw err;
      }
    },
  };
}
