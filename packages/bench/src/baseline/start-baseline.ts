import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { captureOutput, hasExited, type RunningServer, stopChild } from '../server-process.js';

const serverFile = fileURLToPath(new URL('../baseline-server.js', import.meta.url));

/** Forks the baseline server and resolves once it listens (it reports its port over IPC). */
export function startBaseline(timeoutMs = 10_000): Promise<RunningServer> {
  const child = fork(serverFile, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const logTail = captureOutput(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`baseline server did not start within ${timeoutMs} ms\n${logTail()}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`baseline server exited (${signal ?? code}) before listening\n${logTail()}`));
    });
    child.once('message', (m: { type?: string; port?: number }) => {
      if (m.type !== 'listening' || typeof m.port !== 'number' || child.pid === undefined) return;
      clearTimeout(timer);
      // The IPC channel is only for the port; keeping it open would keep both processes alive.
      child.disconnect();
      resolve({
        name: 'baseline',
        pid: child.pid,
        host: '127.0.0.1',
        port: m.port,
        ingestPath: '/api/1/envelope/?sentry_version=7&sentry_key=baseline&sentry_client=sentry.javascript.node%2F11.12.0',
        logTail,
        stop: (graceMs = 5000) => stopChild(child, graceMs),
        get exited() {
          return hasExited(child);
        },
      });
    });
  });
}
