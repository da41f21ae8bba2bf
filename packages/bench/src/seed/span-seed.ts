import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSeedChild } from './run-seed-child.js';
import { openScratchDatabase } from './scratch-database.js';
import type { SeedDatabase } from './seed-template.js';
import type { SpanScaleJob, SpanScaleOutcome } from './span-scale-main.js';
import type { SpanSeedJob, SpanSeedOutcome } from './span-seed-main.js';
import type { SpanSeedCorpus } from './span-stream.js';

export interface SpanSeedRequest {
  readonly database: SeedDatabase;
  readonly corpus: SpanSeedCorpus;
  readonly databaseUrl: string | null;
  readonly repoRoot: string;
  /** the data directory goes here; it (and a PostgreSQL schema) is removed on release */
  readonly scratchDir: string;
  readonly log: (line: string) => void;
}

export interface SeededSpans {
  readonly dataDir: string;
  /** schema-scoped URL for postgres, null for SQLite */
  readonly databaseUrl: string | null;
  readonly outcome: SpanSeedOutcome;
  release(): Promise<void>;
}

// Span envelopes are 20–200 spans (v2 containers ~100 KB): fewer per queue write than error events.
const SPAN_SEED_BATCH = 100;
const spanSeedMain = fileURLToPath(new URL('./span-seed-main.js', import.meta.url));

/** A throw-away database holding the seeded spans (not cached: see docs/performance.md › Spans). */
export async function seedSpans(r: SpanSeedRequest): Promise<SeededSpans> {
  const scratch = await openScratchDatabase(r.database, r.databaseUrl, r.scratchDir, 'spans');
  try {
    const job: SpanSeedJob = {
      corpus: r.corpus,
      dataDir: scratch.dataDir,
      databaseUrl: scratch.databaseUrl,
      faultlineBin: join(r.repoRoot, 'packages', 'server', 'bin', 'faultline.js'),
      batch: SPAN_SEED_BATCH,
    };
    r.log(`${r.database}: seeding ${r.corpus.spans} spans over ${r.corpus.hours} h through the pipeline…`);
    const outcome = await runSeedChild<SpanSeedOutcome>(spanSeedMain, job, 'span seed', (line) => r.log(`${r.database}: ${line}`));
    await scratch.analyze();
    r.log(`${r.database}: seeded ${outcome.counts.spans} spans in ${outcome.counts.segments} segments in ${(outcome.seedMs / 1000).toFixed(1)} s`);
    return { dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, outcome, release: scratch.release };
  } catch (err) {
    await scratch.release().catch(() => {});
    throw err;
  }
}

const spanScaleMain = fileURLToPath(new URL('./span-scale-main.js', import.meta.url));

/** Multiplies a seeded data set's transaction rollup rows (span-scale-main.ts) in a child process. */
export function scaleSpanRows(seeded: SeededSpans, scale: number, log: (line: string) => void): Promise<SpanScaleOutcome> {
  const job: SpanScaleJob = { dataDir: seeded.dataDir, databaseUrl: seeded.databaseUrl, scale };
  return runSeedChild<SpanScaleOutcome>(spanScaleMain, job, 'span row scaling', log);
}
