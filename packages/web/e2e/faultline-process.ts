import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from packages/web/dist-e2e/. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const faultlineBin = join(repoRoot, 'packages/server/bin/faultline.js');

export interface Workspace {
  url: string;
  org: string;
  project: string;
  projectId: number;
  dsn: string;
  token: string;
}

export interface RunningFaultline {
  /** http://127.0.0.1:PORT — what the browser opens. */
  readonly base: string;
  readonly workspace: Workspace;
  readonly admin: { email: string; password: string };
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a child to completion; rejects with its output when it fails or takes too long. */
export function runToEnd(command: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} took over ${timeoutMs} ms\n${out}\n${err}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${args.join(' ')} exited ${code}\n${out}\n${err}`));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`faultline serve exited ${child.exitCode}\n${logs()}`);
    try {
      if ((await fetch(`${base}/_ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`faultline serve not ready within 20 s\n${logs()}`);
}

/**
 * A real Faultline, as an operator starts it: `faultline bootstrap --json`, then `serve`, with a
 * private data directory and port. The server serves the built UI from packages/web/dist.
 */
export async function startFaultline(extraEnv: Record<string, string> = {}): Promise<RunningFaultline> {
  const dataDir = await mkdtemp(join(tmpdir(), 'faultline-e2e-'));
  const port = await freePort();
  const admin = { email: 'admin@faultline.local', password: 'e2e-admin-password' };
  const env = {
    FAULTLINE_DATA_DIR: dataDir,
    FAULTLINE_PORT: String(port),
    FAULTLINE_HOST: '127.0.0.1',
    FAULTLINE_URL: `http://127.0.0.1:${port}`,
    FAULTLINE_ADMIN_PASSWORD: admin.password,
    FAULTLINE_LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  let workspace: Workspace;
  try {
    const out = await runToEnd(process.execPath, [faultlineBin, 'bootstrap', '--json'], env);
    workspace = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Workspace;
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  const child = spawn(process.execPath, [faultlineBin, 'serve'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stdout?.on('data', (d: Buffer) => {
    logs += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    logs += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, () => logs);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    base,
    workspace,
    admin,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
