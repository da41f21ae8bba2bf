import type { ChildProcess } from 'node:child_process';

export type StopOutcome = 'stopped' | 'killed' | 'already-exited';

/** A server under test, started by the bench, wherever it came from. */
export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  readonly host: string;
  readonly port: number;
  /** Path and query the load generator posts envelopes to. */
  readonly ingestPath: string;
  /** The last lines the process wrote (stdout and stderr), for error reports. */
  logTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone, saying how it went. */
  stop(graceMs?: number): Promise<StopOutcome>;
  readonly exited: boolean;
}

/** Remembers the last `limit` characters of a child's output. */
export function captureOutput(child: ChildProcess, limit = 8000): () => string {
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

export function stopChild(child: ChildProcess, graceMs: number): Promise<StopOutcome> {
  if (hasExited(child)) return Promise.resolve('already-exited');
  return new Promise((resolve) => {
    let killed = false;
    const kill = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve(killed ? 'killed' : 'stopped');
    });
    child.kill('SIGTERM');
  });
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
