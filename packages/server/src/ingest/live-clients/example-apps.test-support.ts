import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import { type ProcessResult, run } from '../../testing/index.js';

/**
 * The example apps at the repository root (examples/), run as child processes
 * against a test server. Each prints a JSON summary as its last stdout line:
 * the ids the SDK generated and the HTTP status of each request it sent.
 */

/** `examples/<path>` at the repository root, from packages/server/dist/ingest/live-clients/. */
export function examplePath(path: string): string {
  return fileURLToPath(new URL(`../../../../../examples/${path}`, import.meta.url));
}

export const systemPython = '/usr/bin/python3';

/** Why the Debian sentry_sdk cannot run here, or null when it can. */
export function pythonSdkUnavailable(): string | null {
  if (!existsSync(systemPython)) return `${systemPython} is not installed`;
  const probe = spawnSync(systemPython, ['-c', 'import sentry_sdk; print(sentry_sdk.VERSION)'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0)
    return `sentry_sdk is not importable by ${systemPython} (apt install python3-sentry-sdk): ${probe.stderr.trim().split('\n').pop() ?? ''}`;
  return null;
}

/** Runs an example to completion and returns its summary; fails the test with its output otherwise. */
export async function runExample(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ summary: JsonObject; result: ProcessResult }> {
  const result = await run(command, args, env, timeoutMs);
  const output = `\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  assert.equal(result.code, 0, `${args.join(' ')} exited with ${result.code ?? result.signal}${output}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  let summary: unknown;
  try {
    summary = JSON.parse(last);
  } catch {
    assert.fail(`the example's last stdout line is not its JSON summary${output}`);
  }
  assert.ok(isJsonObject(summary), `summary is not an object${output}`);
  return { summary, result };
}

/**
 * The example's record of what its transport saw: every request must have
 * been answered with a 2xx (an SDK drops what gets a 4xx/5xx, so this is the
 * client's view of "accepted").
 */
export function assertAllAnswered2xx(statuses: readonly (number | null)[], context: string, details: unknown = statuses): void {
  assert.ok(statuses.length > 0, `${context}: the SDK reported no requests`);
  const bad = statuses.filter((s) => s === null || s < 200 || s >= 300);
  assert.deepEqual(bad, [], `${context}: requests not answered with 2xx: ${JSON.stringify(details)}`);
}
