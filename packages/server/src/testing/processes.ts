import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Child processes for black-box tests: the `faultline` executable and the real
 * sentry-cli. Always asynchronous, so a test server in this process keeps
 * answering while the child talks to it. Children get a clean environment
 * (nothing from the developer's shell leaks in).
 */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export const faultlineBin = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

const require = createRequire(import.meta.url);

/** The npm wrapper of sentry-cli 2.x or 3.x (installed as sentry-cli-2 / sentry-cli-3). */
export function sentryCliBin(major: 2 | 3): string {
  return join(dirname(require.resolve(`sentry-cli-${major}/package.json`)), 'bin', 'sentry-cli');
}

export function run(command: string, args: string[], env: Record<string, string>, timeoutMs = 20_000, cwd?: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function runFaultline(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return run(process.execPath, [faultlineBin, ...args], env);
}

/** `cwd`: sentry-cli reads the git repository it runs in (set-commits), so tests pin it. */
export function runSentryCli(major: 2 | 3, args: string[], env: Record<string, string>, cwd?: string): Promise<ProcessResult> {
  return run(sentryCliBin(major), args, { SENTRY_DISABLE_UPDATE_CHECK: 'true', ...env }, 30_000, cwd);
}

/** A long-running `faultline` (e.g. `serve`) whose output the test can wait for. */
export interface RunningProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** resolves when the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startFaultline(args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [faultlineBin, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) return done(() => resolve(m));
          if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`process exited before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Only what a child needs to run: the given variables plus PATH (the sentry-cli wrapper is a node script). */
function cleanEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
}
