// What every seeding process (seed-main.ts, span-seed-main.ts, span-scale-main.ts,
// session-seed-main.ts, log-seed-main.ts) shares with the stage that spawned it: the job as JSON
// in argv[2], progress on stderr, and the outcome as JSON on the last stdout line.

/** A progress line, on stderr: stdout carries only the outcome. */
export function seedLog(line: string): void {
  process.stderr.write(`seed: ${line}\n`);
}

/** Runs the process's work on its job and prints the outcome; a failure exits 1 with its stack on stderr. */
export async function runSeedProcess<Job, Outcome>(work: (job: Job) => Promise<Outcome>): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  try {
    process.stdout.write(`${JSON.stringify(await work(job))}\n`);
  } catch (err) {
    seedLog(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  }
}
