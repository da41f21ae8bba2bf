import { join } from 'node:path';
import { repoRoot, runToEnd } from './faultline-process.js';

export interface ExampleRun {
  sdkVersion: string;
  errorId: string;
  sent: { types: string[]; status: number | null }[];
}

/**
 * examples/node/app.mjs with the real @sentry/node 11 (examples/README.md): it throws a TypeError
 * in chargeCreditCard after an "auth: user signed in" breadcrumb, captures it, and sends a
 * warning message, spans, check-ins, feedback and sessions.
 */
export async function runNodeExample(dsn: string, release: string): Promise<ExampleRun> {
  const out = await runToEnd(process.execPath, [join(repoRoot, 'examples/node/app.mjs')], {
    SENTRY_DSN: dsn,
    SENTRY_PACKAGE: 'sentry-node-11',
    SENTRY_RELEASE: release,
    SENTRY_ENVIRONMENT: 'production',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ExampleRun;
}
