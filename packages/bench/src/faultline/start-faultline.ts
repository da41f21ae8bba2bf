import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseDsn } from '@faultline/protocol';
import { captureOutput, hasExited, type RunningServer, stopChild } from '../server-process.js';
import { faultlineEnv } from './child-env.js';
import { freePort } from './free-port.js';

export interface FaultlineOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  /** PostgreSQL URL (with the run's search_path); null for embedded SQLite in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly startTimeoutMs: number;
  /** further FAULTLINE_* settings for this server (the query stage turns the worker off) */
  readonly settings?: Readonly<Record<string, string>>;
}

/** What `faultline bootstrap --json` prints. */
export interface Workspace {
  readonly url: string;
  readonly org: string;
  readonly project: string;
  readonly projectId: string;
  readonly dsn: string;
  /** the bootstrap API token (all scopes), for the read API */
  readonly token: string;
}

export interface RunningFaultline extends RunningServer {
  readonly workspace: Workspace;
}

function bootstrap(bin: string, env: Record<string, string>, timeoutMs: number): Promise<Workspace> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, 'bootstrap', '--json'], { env, timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`faultline bootstrap failed: ${err.message}\n${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(last) as Partial<Workspace>;
        if (typeof parsed.dsn !== 'string' || parsed.projectId === undefined) throw new Error('no dsn/projectId');
        resolve({
          url: String(parsed.url),
          org: String(parsed.org),
          project: String(parsed.project),
          projectId: String(parsed.projectId),
          dsn: parsed.dsn,
          token: String(parsed.token),
        });
      } catch (e) {
        reject(new Error(`faultline bootstrap --json printed no workspace (${e instanceof Error ? e.message : String(e)}): ${last}`));
      }
    });
  });
}

async function waitReady(baseUrl: string, isDead: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('faultline serve exited during start-up');
    try {
      const res = await fetch(`${baseUrl}/_ready`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`faultline was not ready within ${timeoutMs} ms (${last})`);
}

/** `faultline bootstrap --json`, then `faultline serve` on a free loopback port, until /_ready answers. */
export async function startFaultline(o: FaultlineOptions): Promise<RunningFaultline> {
  const bin = join(o.repoRoot, 'packages', 'server', 'bin', 'faultline.js');
  const port = await freePort();
  const env = faultlineEnv({
    FAULTLINE_DATA_DIR: o.dataDir,
    FAULTLINE_PORT: String(port),
    FAULTLINE_HOST: '127.0.0.1',
    FAULTLINE_URL: `http://127.0.0.1:${port}`,
    FAULTLINE_LOG_LEVEL: 'warn',
    ...(o.databaseUrl !== null ? { DATABASE_URL: o.databaseUrl } : {}),
    ...o.settings,
  });
  const workspace = await bootstrap(bin, env, o.startTimeoutMs);
  const parsed = parseDsn(workspace.dsn);
  if (!parsed.ok) throw new Error(`bootstrap printed an invalid DSN ${workspace.dsn}: ${parsed.reason}`);
  const { dsn } = parsed;

  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logTail = captureOutput(child);
  if (child.pid === undefined) throw new Error('faultline serve did not start');
  try {
    await waitReady(`http://127.0.0.1:${port}`, () => hasExited(child), o.startTimeoutMs);
  } catch (err) {
    await stopChild(child, 2000);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${logTail()}`);
  }
  return {
    name: 'faultline',
    pid: child.pid,
    host: '127.0.0.1',
    port,
    ingestPath: `${dsn.pathPrefix}/api/${dsn.projectId}/envelope/?sentry_version=7&sentry_key=${dsn.publicKey}&sentry_client=sentry.javascript.node%2F11.12.0`,
    workspace,
    logTail,
    stop: (graceMs = 20_000) => stopChild(child, graceMs),
    get exited() {
      return hasExited(child);
    },
  };
}
