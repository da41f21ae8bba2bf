import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadProgress, LoadResult, WorkerMessage } from './messages.js';

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * Runs one load phase in a fresh child process and resolves with its result. Progress
 * messages arrive every `job.progressEveryMs` so the orchestrator can chart the backlog
 * while the phase runs. Rejects if the process dies without a result.
 */
export interface LoadObserver {
  /** The corpus is loaded; sending starts now. */
  onStarted?(): void;
  onProgress?(p: LoadProgress): void;
}

export function runLoad(job: LoadJob, observer: LoadObserver = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(workerFile, [], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let result: LoadResult | null = null;
    let failure: string | null = null;
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'started') observer.onStarted?.();
      else if (m.type === 'progress') observer.onProgress?.(m);
      else if (m.type === 'result') result = m;
      else failure = m.message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`load generator ${failure ? `failed: ${failure}` : `exited (${signal ?? code}) without a result`}${stderr ? `\n${stderr}` : ''}`));
    });
    child.send(job);
  });
}
